import { Injectable } from '@nestjs/common';
import { ExportRepository, type ExportScope } from '@samverka/database';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_KINDS, type ExportColumn, type ExportFormat, type ExportKind, type ExportKindName } from './export-kinds.js';

/** Rows read per query. */
const PAGE = 1_000;

/**
 * Exports as they stream: a page of rows at a time (keyset on id), turned into CSV or JSON Lines text, so
 * an export of any size needs the memory of one page.
 */
@Injectable()
export class ExportService {
  constructor(private readonly repository: ExportRepository) {}

  async *lines(kind: ExportKindName, format: ExportFormat, scope: ExportScope): AsyncGenerator<string> {
    const definition = EXPORT_KINDS[kind] as unknown as ExportKind<unknown>;
    const { columns } = definition;
    // A byte order mark, so spreadsheet programs read the CSV as UTF-8 (the import skips it).
    if (format === 'csv') yield `\uFEFF${stringify([columns.map((c) => c.name)])}`;
    let afterId: string | undefined;
    for (;;) {
      const rows = await definition.page(this.repository, scope, { limit: PAGE, afterId });
      if (rows.length === 0) return;
      yield format === 'csv' ? stringify(rows.map((row) => columns.map((c) => csvCell(c, row)))) : rows.map((row) => `${JSON.stringify(jsonRecord(columns, row))}\n`).join('');
      if (rows.length < PAGE) return;
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
