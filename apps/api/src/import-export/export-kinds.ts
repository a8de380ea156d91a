import { ExportRepository, type EnterpriseExportRow, type ExportScope, type NeedExportRow } from '@samverka/database';
import { ENTERPRISE_EXPORT_ONLY, ENTERPRISE_FIELDS, NEED_EXPORT_ONLY, NEED_FIELDS } from '@samverka/platform';

/** A column of an export: its name (the same as the import's field) and its value in a row. */
export interface ExportColumn<R> {
  name: string;
  value(row: R): unknown;
}

/**
 * One kind of export: its columns, in order, and how to read its rows a page at a time in id order. A new
 * kind (partnerships with their impact, OCDS awards) is one more entry in EXPORT_KINDS: the formats, the
 * command and the HTTP endpoint take it as it is.
 */
export interface ExportKind<R> {
  columns: readonly ExportColumn<R>[];
  page(repository: ExportRepository, scope: ExportScope, page: { limit: number; afterId?: string }): Promise<R[]>;
  idOf(row: R): string;
}

/** Columns named like the import's fields, so that an export can be imported again. */
function columns<R>(names: readonly string[], values: Partial<Record<string, (row: R) => unknown>>): ExportColumn<R>[] {
  return names.map((name) => ({ name, value: values[name] ?? ((row: R) => (row as Record<string, unknown>)[name]) }));
}

const enterprises: ExportKind<EnterpriseExportRow> = {
  columns: columns<EnterpriseExportRow>([...ENTERPRISE_FIELDS, ...ENTERPRISE_EXPORT_ONLY], {
    // Its id in the source it was imported from; else its organisationsnummer, which an import takes as the id.
    externalId: (r) => r.externalId ?? r.organisationsnummer,
  }),
  page: (repository, scope, page) => repository.enterprises(scope, page),
  idOf: (row) => row.id,
};

const needs: ExportKind<NeedExportRow> = {
  // The buyer by organisationsnummer only: an import refuses a row that names it both ways.
  columns: columns<NeedExportRow>([...NEED_FIELDS.filter((f) => f !== 'buyerOrganizationId'), ...NEED_EXPORT_ONLY], {
    externalId: (r) => r.externalId ?? r.id,
  }),
  page: (repository, scope, page) => repository.needs(scope, page),
  idOf: (row) => row.id,
};

export const EXPORT_KINDS: { enterprises: ExportKind<EnterpriseExportRow>; needs: ExportKind<NeedExportRow> } = { enterprises, needs };
export type ExportKindName = keyof typeof EXPORT_KINDS;
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportKind(name: string): name is ExportKindName {
  return Object.hasOwn(EXPORT_KINDS, name);
}
