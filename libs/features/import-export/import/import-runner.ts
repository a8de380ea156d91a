import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Database, CLOCK, type Clock, Outbox } from '@samverka/engine';
import { ImportFileRepository } from './import-file.repository.js';
import { failureText, ImportRepository, type ImportCounts, type ImportFailure, type ImportKind, type ImportMessage, type ImportRunRow } from './import.repository.js';
import { ReferenceDataRepository, CodeLists } from '@samverka/reference-data';
import { DomainError, message as catalogueMessage, type ErrorDetail } from '@samverka/domain';
import { ImportMatching } from '@samverka/matching';
import { NeedValidator, ProfileValidator } from '@samverka/marketplace';
import { OrganizationValidator } from '@samverka/organizations';
import { EnterpriseImporter } from './enterprise.importer.js';
import { importOptionsOf } from './import-options.js';
import type { CheckedRow, ImportContext, KindImporter, ReadRow, RowResult } from './import-context.js';
import { NeedImporter, OcdsImporter } from './need.importer.js';
import { ReferenceSnapshot } from './reference-snapshot.js';
import { message, problemsOf } from './row-results.js';
import { problem } from './rows/field-reader.js';
import { ImportFileError, type SourceRow } from './sources/source-row.js';

export interface RunImportOptions {
  /** Enqueue the matching of changed profiles and needs after each batch (else the outbox sweep does). */
  notifyMatching: boolean;
  /** Called after each batch with the run as committed. */
  onProgress?: (run: ImportRunRow) => void;
  /** The job's attempt is the last: an unexpected failure then ends the run as FAILED instead of retrying. */
  lastAttempt?: boolean;
}

/**
 * Profiles changed by one run beyond which they are no longer notified a batch at a time: at the end of the
 * run the matcher decides how to follow them all (a rebuild when they outnumber the published needs).
 */
const BULK_PROFILES = 1_000;

/**
 * A RUNNING run whose last committed batch is older than this is taken to be abandoned (its process died, or
 * its job was lost): a job may claim it again, and the sweep enqueues one. Every batch commits well within it.
 */
export const IMPORT_STALE_RUNNING_MS = 10 * 60_000;

/**
 * A run claimed this many times without finishing is failed instead of run again: something in it (or
 * about it) stops every process that takes it up.
 */
export const IMPORT_MAX_STARTS = 6;

/** Rows per transaction: PGlite has one connection for everything, so it gets shorter transactions. */
const BATCH = { postgres: 500, pglite: 100 } as const;

const EMPTY: ImportCounts = { rowsRead: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, warnings: 0 };

/**
 * Runs an import: reads the file as it streams, checks each row (in memory, against a snapshot of the
 * reference data), and writes it in batches, one transaction a batch, each row whole or not at all. The
 * run's counts and messages are committed with each batch, so progress can be read while it runs, and a
 * run taken up again after a crash skips the rows already committed.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Import');
  private readonly kinds: Record<ImportKind, KindImporter<unknown, unknown>>;

  constructor(
    private readonly database: Database,
    private readonly imports: ImportRepository,
    private readonly files: ImportFileRepository,
    private readonly referenceData: ReferenceDataRepository,
    private readonly importMatching: ImportMatching,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    enterprises: EnterpriseImporter,
    needs: NeedImporter,
    ocds: OcdsImporter,
  ) {
    this.kinds = { enterprises, needs, ocds } as Record<ImportKind, KindImporter<unknown, unknown>>;
  }

  /** Runs the stored file of an import started through the API (the job's work). */
  async runStored(runId: string, options: RunImportOptions): Promise<ImportRunRow | null> {
    const run = await this.imports.findRun(runId);
    if (!run || run.status === 'DONE' || run.status === 'FAILED') return run;
    if (!run.fileId) return this.imports.finish(run.id, 'FAILED', catalogueMessage('importExport.fileGone'));
    const fileId = run.fileId;
    const finished = await this.run(runId, () => this.files.read(fileId), options);
    if (finished && (finished.status === 'DONE' || finished.status === 'FAILED')) await this.files.delete(fileId);
    return finished;
  }

  /** Runs an import run from `bytes`; returns the finished run. */
  async run(runId: string, bytes: () => AsyncIterable<Buffer>, options: RunImportOptions): Promise<ImportRunRow | null> {
    // The claim: null when the run is finished or another job is running it (its progress is fresh).
    const run = await this.imports.start(runId, IMPORT_STALE_RUNNING_MS);
    if (!run) return this.imports.findRun(runId);
    if (run.attempts > IMPORT_MAX_STARTS) {
      this.logger.warn(`import ${run.id} (${run.kind}, ${run.fileName}) failed: started ${run.attempts - 1} times without finishing`);
      return this.imports.finish(run.id, 'FAILED', catalogueMessage('importExport.stoppedTimes', { count: run.attempts - 1 }));
    }
    const importer = this.kinds[run.kind];
    const changes = { profiles: 0 };
    try {
      const context = await this.context(run);
      await this.process(run, importer, context, bytes(), options, changes);
      const done = (await this.imports.finish(run.id, 'DONE'))!;
      if (options.notifyMatching && changes.profiles > BULK_PROFILES) await this.importMatching.afterImport(run.id, changes.profiles);
      this.logger.log(`import ${run.id} (${run.kind}, ${run.fileName}) done: ${summary(done)}`);
      return done;
    } catch (error) {
      if (error instanceof ImportFileError || error instanceof DomainError || options.lastAttempt) {
        const failure = failureOf(error);
        this.logger.warn(`import ${run.id} (${run.kind}, ${run.fileName}) failed: ${failureText(failure, 'en')}`);
        const failed = await this.imports.finish(run.id, 'FAILED', failure);
        if (options.notifyMatching && changes.profiles > BULK_PROFILES) await this.importMatching.afterImport(run.id, changes.profiles);
        return failed;
      }
      // The job is retried: give the run back so that the retry can claim it at once.
      await this.imports.release(run.id).catch(() => undefined);
      throw error;
    }
  }

  private async context(run: ImportRunRow): Promise<ImportContext> {
    const snapshot = await ReferenceSnapshot.load(this.referenceData);
    const codes = new CodeLists(snapshot);
    return {
      runId: run.id,
      format: run.format,
      options: importOptionsOf(run.options),
      counties: run.scopeCounties,
      actor: run.requestedBy ? { kind: 'user', userId: run.requestedBy } : { kind: 'operator', userId: null },
      now: this.clock(),
      codes,
      organizations: new OrganizationValidator(codes),
      profiles: new ProfileValidator(codes),
      needs: new NeedValidator(codes),
      buyers: new Map(),
    };
  }

  private async process(
    run: ImportRunRow,
    importer: KindImporter<unknown, unknown>,
    context: ImportContext,
    bytes: AsyncIterable<Buffer>,
    options: RunImportOptions,
    changes: { profiles: number },
  ): Promise<void> {
    const size = BATCH[this.database.driver];
    // Rows committed by an earlier attempt are read past, not applied again.
    let skip = run.rowsRead;
    const firstLines = new Map<string, number>();
    let batch: ReadRow<unknown>[] = [];
    let ids = new Set<string>();
    for await (const source of importer.rows(bytes, run.format) as AsyncGenerator<SourceRow>) {
      const read: ReadRow<unknown> = source.error
        ? { line: source.line, item: source.item, externalId: null, problems: [{ field: '(row)', message: source.error }], warnings: [] }
        : importer.read(source, context);
      if (read.externalId !== null) {
        const first = firstLines.get(read.externalId);
        if (first !== undefined && !importer.repeatsAllowed) {
          read.problems.push(problem('externalId', 'importExport.repeatedInFile', { externalId: read.externalId, line: first }));
        } else if (first === undefined && !importer.repeatsAllowed && firstLines.size < 1_000_000) {
          firstLines.set(read.externalId, read.line);
        }
      }
      if (skip > 0) {
        skip -= 1;
        continue;
      }
      // Two releases of one process go to different batches, so the newer is applied after the older.
      if (read.externalId !== null && ids.has(read.externalId)) {
        await this.batch(run, importer, context, batch, options, changes);
        batch = [];
        ids = new Set();
      }
      batch.push(read);
      if (read.externalId !== null && read.problems.length === 0 && !read.skipped) ids.add(read.externalId);
      if (batch.length >= size) {
        await this.batch(run, importer, context, batch, options, changes);
        batch = [];
        ids = new Set();
      }
    }
    if (batch.length > 0) await this.batch(run, importer, context, batch, options, changes);
  }

  private async batch(
    run: ImportRunRow,
    importer: KindImporter<unknown, unknown>,
    context: ImportContext,
    rows: ReadRow<unknown>[],
    options: RunImportOptions,
    changes: { profiles: number },
  ): Promise<void> {
    const results = new Map<ReadRow<unknown>, RowResult>();
    const checked: CheckedRow<unknown>[] = [];
    const origin = new Map<CheckedRow<unknown>, ReadRow<unknown>>();
    for (const row of rows) {
      const warnings = row.warnings.map((w) => message(row, 'WARNING', w));
      if (row.skipped && row.problems.length === 0) {
        results.set(row, { outcome: 'skipped', messages: [message(row, 'WARNING', row.skipped), ...warnings] });
        continue;
      }
      if (row.problems.length > 0 || row.record === undefined || row.externalId === null) {
        results.set(row, { outcome: 'rejected', messages: [...row.problems.map((p) => message(row, 'ERROR', p)), ...warnings] });
        continue;
      }
      try {
        const item: CheckedRow<unknown> = {
          line: row.line,
          item: row.item,
          externalId: row.externalId,
          checked: await importer.check(row.record, context),
          warnings: row.warnings,
        };
        checked.push(item);
        origin.set(item, row);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.set(row, { outcome: 'rejected', messages: [...problemsOf(error).map((p) => message(row, 'ERROR', p)), ...warnings] });
      }
    }
    const committed = await this.database.transaction(async (tx) => {
      const applied = checked.length > 0 ? await importer.apply(checked, context, tx) : [];
      applied.forEach((result, i) => results.set(origin.get(checked[i])!, result));
      const counts = { ...EMPTY, rowsRead: rows.length };
      const messages: ImportMessage[] = [];
      for (const row of rows) {
        const result = results.get(row)!;
        counts[result.outcome] += 1;
        counts.warnings += result.messages.filter((m) => m.severity === 'WARNING').length;
        messages.push(...result.messages);
      }
      await this.imports.recordBatch(run.id, counts, messages, tx.manager);
      // The changes are recorded whoever runs the import; their jobs are enqueued only with notifyMatching.
      const profiles = [...results.values()].flatMap((r) => (r.profileChanged ? [r.profileChanged] : []));
      const needs = [...results.values()].flatMap((r) => (r.needChanged ? [r.needChanged] : []));
      // The first profiles are followed as they commit; past BULK_PROFILES the run's end decides (see run()).
      await this.outbox.publishMany(
        tx,
        'matching.profile',
        profiles.map((organizationId) => ({ organizationId })),
        { enqueue: options.notifyMatching && changes.profiles <= BULK_PROFILES },
      );
      changes.profiles += profiles.length;
      await this.outbox.publishMany(
        tx,
        'matching.need',
        needs.map((needId) => ({ needId })),
        { enqueue: options.notifyMatching },
      );
      // The run's job is alive: the outbox sweep leaves it be.
      await this.outbox.keepAlive(tx, 'import.run', { runId: run.id });
      return counts;
    });
    if (options.onProgress && committed) {
      const current = await this.imports.findRun(run.id);
      if (current) options.onProgress(current);
    }
  }
}

/** Why a run failed: the file's problem with its line, a refusal's first problem, or (an unexpected error, on the last attempt) its text. */
function failureOf(error: unknown): ImportFailure {
  if (error instanceof ImportFileError) return { ...error.detail, line: error.line };
  if (error instanceof DomainError) return (error.fields[0]?.message ?? error.detail) as ErrorDetail;
  return { text: error instanceof Error ? error.message : String(error) };
}

/** The counts in a line; skipped rows (OCDS releases that are not needs) only when there are any. */
export function summary(run: Pick<ImportRunRow, 'rowsRead' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'skipped' | 'warnings'>): string {
  const skipped = run.skipped > 0 ? `, ${run.skipped} skipped` : '';
  return `${run.rowsRead} rows read: ${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.rejected} rejected${skipped}; ${run.warnings} warnings`;
}
