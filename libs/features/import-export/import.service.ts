import { createHash } from 'node:crypto';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Database, Outbox } from '@samverka/engine';
import { ImportFileRepository } from './import/import-file.repository.js';
import { ImportRepository, type ImportFormat, type ImportKind, type ImportRunRow, type ImportSeverity } from './import/import.repository.js';
import { DomainError, regionScopeOf, type Actor } from '@samverka/domain';
import { normaliseImportOptions } from './import/import-options.js';
import type { FileUpload } from 'graphql-upload-minimal';
import { AuditService } from '@samverka/audit';
import type { StartImportInput } from './graphql/import.inputs.js';

/** Uploads are stored in chunks of this size (bytea rows). */
const CHUNK_BYTES = 1024 * 1024;

const FORMATS: Record<ImportKind, readonly ImportFormat[]> = { enterprises: ['csv', 'jsonl'], needs: ['jsonl', 'csv'], ocds: ['json'] };

/**
 * Imports through the API: the upload is stored in the database (so whichever process takes the job can
 * read it), a run is recorded, and the job is enqueued; the run's progress is read while it runs.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly database: Database,
    private readonly imports: ImportRepository,
    private readonly files: ImportFileRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(actor: Actor, input: Omit<StartImportInput, 'file'>, upload: Promise<FileUpload>): Promise<ImportRunRow> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated();
    const { kind } = input;
    const options = normaliseImportOptions(kind, {
      source: input.source,
      status: input.needStatus,
      buyer: input.buyer,
      exchangeRates: input.exchangeRates ? Object.fromEntries(input.exchangeRates.map((r) => [r.currency, r.sekPerUnit])) : undefined,
    });
    const file = await upload;
    const format = formatOf(kind, file.filename, input.format);
    const stored = await this.store(file, actor.userId);
    return this.database.transaction(async (transaction) => {
      const run = await this.imports.createRun(
        {
          kind,
          format,
          source: options.source,
          options: { ...options },
          fileId: stored.id,
          fileName: stored.fileName,
          sizeBytes: stored.sizeBytes,
          via: 'api',
          requestedBy: actor.userId,
          scopeCounties: regionScopeOf(actor) === null ? null : [...regionScopeOf(actor)!],
        },
        transaction.manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'import.started',
          entityType: 'import_run',
          entityId: run.id,
          data: { kind, format, source: options.source, fileName: stored.fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
        },
        transaction.manager,
      );
      await this.outbox.publish(transaction, 'import.run', { runId: run.id });
      return run;
    });
  }

  /** Newest first: every run for administrators, one's own for coordinators. */
  list(actor: Actor, page: { limit: number; after?: { createdAt: string; id: string } }) {
    const mine = actor.kind === 'user' && regionScopeOf(actor) !== null ? actor.userId : undefined;
    return this.imports.listRuns({ requestedBy: mine }, page);
  }

  messages(runId: string, page: { limit: number; afterSeq?: number }, severity?: ImportSeverity) {
    return this.imports.messages(runId, page, severity);
  }

  /** Streams the upload into the database a chunk at a time; a file over the limit is refused and removed. */
  private async store(file: FileUpload, userId: string) {
    const fileName = path.basename(file.filename || 'upload').slice(0, 255);
    const id = await this.files.create(fileName, file.mimetype || null, userId);
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await this.files.appendChunk(id, seq++, Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    const limitMb = Math.round(this.config.imports.maxUploadBytes / 1024 / 1024);
    const tooLarge = () => DomainError.badInput('file', `is larger than ${limitMb} MB (IMPORT_MAX_UPLOAD_MB): import it from the command line instead`);
    try {
      const stream = file.createReadStream();
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      // Past the limit the parser stops the file short and marks it truncated.
      if ((stream as { truncated?: boolean }).truncated || size > this.config.imports.maxUploadBytes) throw tooLarge();
      await flush();
      if (size === 0) throw DomainError.badInput('file', 'is empty');
      const sha256 = hash.digest('hex');
      await this.files.complete(id, size, sha256, seq);
      return { id, fileName, sizeBytes: size, sha256 };
    } catch (error) {
      await this.files.delete(id);
      if (error instanceof DomainError) throw error;
      if (/exceeds the .* byte size limit/.test(String((error as Error).message))) throw tooLarge();
      throw error;
    }
  }
}

function formatOf(kind: ImportKind, fileName: string, given: ImportFormat | undefined): ImportFormat {
  const extension = path.extname(fileName).toLowerCase();
  const format = given ?? (extension === '.csv' ? 'csv' : extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : extension === '.json' ? 'json' : undefined);
  if (!format) throw DomainError.badInput('format', `is needed: the file name ${fileName} does not say (${FORMATS[kind].join(' or ')})`);
  if (!FORMATS[kind].includes(format)) throw DomainError.badInput('format', `must be ${FORMATS[kind].join(' or ')} for ${kind} (got ${format})`);
  return format;
}
