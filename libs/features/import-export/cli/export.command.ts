import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { configFromEnvironment, UsageError, type OpenCommandContext } from '@samverka/engine';
import { EXPORT_FORMATS, EXPORT_KINDS, isExportKind, type ExportFormat } from '../export-kinds.js';
import { ExportService } from '../export.service.js';

const USAGE = `usage: npm run export -- <${Object.keys(EXPORT_KINDS).join('|')}> <file|-> [--format ${EXPORT_FORMATS.join('|')}]

Writes every record of the kind (all statuses, all regions) to the file, or to standard output with "-".
The format comes from the file name (.csv, .jsonl, .json for ocds) unless --format says; standard output
needs --format or gets CSV. Enterprises and needs have the import's fields (docs/import.md), so their
export can be imported again; partnerships go out as csv, jsonl, or ocds (an OCDS release package).`;

/** The format a file name says: .csv, .jsonl (or .ndjson), .json (an OCDS package); null when it says none. */
function formatOfFileName(target: string): string | null {
  const extension = path.extname(target).slice(1).toLowerCase();
  return ({ csv: 'csv', jsonl: 'jsonl', ndjson: 'jsonl', json: 'ocds' } as Record<string, string>)[extension] ?? (extension || null);
}

/** Nest's log lines (such as a warning at start) on standard error: standard output may be the export itself ("-"). */
class StandardErrorLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
    params?: Record<string, unknown>,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack, params);
  }
}

/** `npm run export`: writes every record of a kind to a file or to standard output. */
export async function exportCommand(args: string[], open: OpenCommandContext): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [kind, target] = positionals;
  if (!kind || !isExportKind(kind) || !target || positionals.length > 2) throw new UsageError(USAGE);
  const format = (values.format ?? (target === '-' ? null : formatOfFileName(target)) ?? 'csv').toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(', ')} (got ${format})`);
  const formats = EXPORT_KINDS[kind].formats;
  if (!formats.includes(format)) throw new UsageError(`${kind} are exported as ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}, not ${format}`);

  const app = await open(configFromEnvironment(), { logger: new StandardErrorLogger({ logLevels: ['error', 'warn'] }) });
  try {
    const lines = Readable.from(app.get(ExportService).lines(kind, format, { counties: null, needStatuses: null }), { highWaterMark: 1 });
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
