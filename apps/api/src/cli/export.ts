import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configFromEnvironment, type AppConfig } from '@samverka/config';
import { exitOnStartupFailure, PlatformModule } from '@samverka/platform';
import { EXPORT_FORMATS, EXPORT_KINDS, isExportKind, type ExportFormat } from '../import-export/export-kinds.js';
import { ExportModule } from '../import-export/export.module.js';
import { ExportService } from '../import-export/export.service.js';

const USAGE = `usage: npm run export -- <${Object.keys(EXPORT_KINDS).join('|')}> <file|-> [--format csv|jsonl]

Writes every record of the kind (all statuses, all regions) to the file, or to standard output with "-".
The format comes from the file name (.csv, .jsonl) unless --format says; standard output needs --format
or gets CSV. The columns are the import's fields (docs/import.md), so an export can be imported again.`;

@Module({})
class ExportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ExportCliModule, imports: [PlatformModule.forRoot(config, { processName: 'api', consume: false }), ExportModule] };
  }
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [kind, target] = positionals;
  if (!kind || !isExportKind(kind) || !target || positionals.length > 2) throw new UsageError(USAGE);
  const extension = target === '-' ? '' : path.extname(target).slice(1).toLowerCase();
  const format = (values.format ?? (extension || 'csv')).toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')} (got ${format})`);

  const app = await NestFactory.createApplicationContext(ExportCliModule.forRoot(configFromEnvironment()), { logger: ['error', 'warn'], abortOnError: false });
  try {
    const lines = Readable.from(app.get(ExportService).lines(kind, format, { counties: null, needStatuses: null }));
    if (target === '-') {
      await pipeline(lines, process.stdout);
    } else {
      // Written beside the target and renamed at the end: nobody reads a half-written export.
      const partial = `${target}.${process.pid}.partial`;
      try {
        await pipeline(lines, fs.createWriteStream(partial));
        fs.renameSync(partial, target);
      } finally {
        fs.rmSync(partial, { force: true });
      }
      console.error(`wrote ${kind} to ${target} (${format}, ${fs.statSync(target).size} bytes)`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  exitOnStartupFailure('The export')(error);
});
