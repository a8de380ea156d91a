import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import { ExportRepository, type ExportScope } from './export.repository.js';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_KINDS, type ExportColumn, type ExportFormat, type ExportKind, type ExportKindName, type TableFormat } from './export-kinds.js';
import { PACKAGE_END, releasePackageStart } from './partnership-release.js';

/** Rows read per query. */
export const EXPORT_PAGE = 1_000;

/**
 * Exports as they stream: a page of rows at a time (keyset on id), turned into CSV, JSON Lines or the
 * releases of an OCDS package, so an export of any size needs the memory of one page.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly repository: ExportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The export's text, piece by piece; the kind must be exported in the format (EXPORT_KINDS[kind].formats). */
  lines(kind: ExportKindName, format: ExportFormat, scope: ExportScope): AsyncGenerator<string> {
    const definition = EXPORT_KINDS[kind] as unknown as ExportKind<unknown>;
    if (!definition.formats.includes(format)) throw new Error(`${kind} are not exported as ${format}`);
    return format === 'ocds' ? this.ocds(definition, scope) : this.table(definition, format, scope);
  }

  private async *table(definition: ExportKind<unknown>, format: TableFormat, scope: ExportScope): AsyncGenerator<string> {
    const columns = await definition.columns(format, this.repository);
    // A byte order mark, so spreadsheet programs read the CSV as UTF-8 (the import skips it).
    if (format === 'csv') yield `\uFEFF${stringify([columns.map((c) => c.name)])}`;
    for await (const rows of this.pages(definition, scope)) {
      yield format === 'csv' ? stringify(rows.map((row) => columns.map((c) => csvCell(c, row)))) : rows.map((row) => `${JSON.stringify(jsonRecord(columns, row))}\n`).join('');
    }
  }

  /** An OCDS release package: its head, then one release a line (a page at a time), then its end. */
  private async *ocds(definition: ExportKind<unknown>, scope: ExportScope): AsyncGenerator<string> {
    const options = { ocidPrefix: this.config.exports.ocidPrefix, publicUrl: this.config.http.publicUrl, publishedDate: new Date() };
    yield releasePackageStart(options);
    let first = true;
    for await (const rows of this.pages(definition, scope)) {
      yield `${first ? '' : ',\n'}${rows.map((row) => JSON.stringify(definition.release!(row, options))).join(',\n')}`;
      first = false;
    }
    yield `${first ? '' : '\n'}${PACKAGE_END}`;
  }

  /** The rows a page at a time, in id order, each page read after the one before it has been written. */
  private async *pages(definition: ExportKind<unknown>, scope: ExportScope): AsyncGenerator<unknown[]> {
    let afterId: string | undefined;
    for (;;) {
      const rows = await definition.page(this.repository, scope, { limit: EXPORT_PAGE, afterId });
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_PAGE) return;
      afterId = definition.idOf(rows.at(-1)!);
    }
  }
}

/** Lists joined by ";" (as the import reads them), dates in ISO 8601, nothing for null. */
function csvCell(column: ExportColumn<unknown>, row: unknown): string {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function jsonRecord(columns: readonly ExportColumn<unknown>[], row: unknown): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.name, c.value(row) ?? null]));
}
