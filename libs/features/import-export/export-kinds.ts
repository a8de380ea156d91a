import { ExportRepository, type EnterpriseExportRow, type ExportScope, type NeedExportRow, type PartnershipExportRow } from './export.repository.js';
import { ENTERPRISE_EXPORT_ONLY, ENTERPRISE_FIELDS } from './import/rows/enterprise-row.js';
import { NEED_EXPORT_ONLY, NEED_FIELDS } from './import/rows/need-row.js';
import { partnershipRelease, type OcdsExportOptions } from './partnership-release.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'ocds'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats of rows and columns; `ocds` is a document of its own (an OCDS release package). */
export type TableFormat = Exclude<ExportFormat, 'ocds'>;

/** How each format's file name ends (`GET /export/<kind>.<ending>`). */
export const FORMAT_ENDINGS: Record<ExportFormat, string> = { csv: 'csv', jsonl: 'jsonl', ocds: 'ocds.json' };

/** A column of an export: its name (the same as the import's field, where there is one) and its value in a row. */
export interface ExportColumn<R> {
  name: string;
  value(row: R): unknown;
}

/**
 * One kind of export: its formats, its columns, and how to read its rows a page at a time in id order. A new
 * kind is one more entry in EXPORT_KINDS: the formats, the command and the HTTP endpoint take it as it is.
 */
export interface ExportKind<R> {
  readonly formats: readonly ExportFormat[];
  /** The columns of a table format, read once before the first page (the partnerships' impact columns follow the indicator catalogue). */
  columns(format: TableFormat, repository: ExportRepository): Promise<readonly ExportColumn<R>[]>;
  page(repository: ExportRepository, scope: ExportScope, page: { limit: number; afterId?: string }): Promise<R[]>;
  idOf(row: R): string;
  /** The row as an OCDS release, for the kinds exported as `ocds`. */
  release?(row: R, options: OcdsExportOptions): Record<string, unknown>;
}

/** Columns named like the import's fields, so that an export can be imported again. */
function columns<R>(names: readonly string[], values: Partial<Record<string, (row: R) => unknown>> = {}): ExportColumn<R>[] {
  return names.map((name) => ({ name, value: values[name] ?? ((row: R) => (row as Record<string, unknown>)[name]) }));
}

const ENTERPRISE_COLUMNS = columns<EnterpriseExportRow>([...ENTERPRISE_FIELDS, ...ENTERPRISE_EXPORT_ONLY], {
  // Its id in the source it was imported from; else its organisationsnummer, which an import takes as the id.
  externalId: (r) => r.externalId ?? r.organisationsnummer,
});

const enterprises: ExportKind<EnterpriseExportRow> = {
  formats: ['csv', 'jsonl'],
  columns: async () => ENTERPRISE_COLUMNS,
  page: (repository, scope, page) => repository.enterprises(scope, page),
  idOf: (row) => row.id,
};

// The buyer by organisationsnummer only: an import refuses a row that names it both ways.
const NEED_COLUMNS = columns<NeedExportRow>([...NEED_FIELDS.filter((f) => f !== 'buyerOrganizationId'), ...NEED_EXPORT_ONLY], {
  externalId: (r) => r.externalId ?? r.id,
});

const needs: ExportKind<NeedExportRow> = {
  formats: ['csv', 'jsonl'],
  columns: async () => NEED_COLUMNS,
  page: (repository, scope, page) => repository.needs(scope, page),
  idOf: (row) => row.id,
};

const PARTNERSHIP_COLUMNS = columns<PartnershipExportRow>([
  'id',
  'title',
  'buyerId',
  'buyerName',
  'buyerOrganisationsnummer',
  'enterpriseId',
  'enterpriseName',
  'enterpriseOrganisationsnummer',
  'status',
  'startsOn',
  'endsOn',
  'endedAt',
  'countyCode',
  'municipalityCode',
  'cpvCodes',
  'sdgs',
  'needId',
  'offerPriceSek',
  'brokeredBy',
  'targetsStatus',
  'description',
  'updatedAt',
]);

/**
 * The impact: in JSON Lines one `impact` array (an object per indicator); in CSV two columns per indicator
 * of the catalogue, `impact.<CODE>.target` and `impact.<CODE>.confirmed`, so that a spreadsheet sums and
 * filters them as numbers. Both are empty for an indicator the partnership does not measure.
 */
async function partnershipColumns(format: TableFormat, repository: ExportRepository): Promise<ExportColumn<PartnershipExportRow>[]> {
  if (format === 'jsonl') {
    return [
      ...PARTNERSHIP_COLUMNS,
      {
        name: 'impact',
        value: (r) =>
          r.impact.map(({ indicatorCode, nameSv, nameEn, unit, target, confirmedTotal, confirmedReports }) => ({
            indicatorCode,
            nameSv,
            nameEn,
            unit,
            target,
            confirmedTotal,
            confirmedReports,
          })),
      },
    ];
  }
  const indicators = await repository.indicators();
  return [
    ...PARTNERSHIP_COLUMNS,
    ...indicators.flatMap(({ code }) => [
      { name: `impact.${code}.target`, value: (r: PartnershipExportRow) => r.impact.find((i) => i.indicatorCode === code)?.target },
      { name: `impact.${code}.confirmed`, value: (r: PartnershipExportRow) => r.impact.find((i) => i.indicatorCode === code)?.confirmedTotal },
    ]),
  ];
}

const partnerships: ExportKind<PartnershipExportRow> = {
  formats: ['csv', 'jsonl', 'ocds'],
  columns: partnershipColumns,
  page: (repository, scope, page) => repository.partnerships(scope, page),
  idOf: (row) => row.id,
  release: partnershipRelease,
};

export const EXPORT_KINDS: {
  enterprises: ExportKind<EnterpriseExportRow>;
  needs: ExportKind<NeedExportRow>;
  partnerships: ExportKind<PartnershipExportRow>;
} = { enterprises, needs, partnerships };
export type ExportKindName = keyof typeof EXPORT_KINDS;

export function isExportKind(name: string): name is ExportKindName {
  return Object.hasOwn(EXPORT_KINDS, name);
}

/** Every file the endpoint serves: enterprises.csv, …, partnerships.ocds.json. */
export function exportFileNames(): string[] {
  return Object.entries(EXPORT_KINDS).flatMap(([kind, definition]) => definition.formats.map((f) => `${kind}.${FORMAT_ENDINGS[f]}`));
}

/** The kind and format a file name asks for (`partnerships.ocds.json`), or null when there is no such export. */
export function exportOfFileName(file: string): { kind: ExportKindName; format: ExportFormat } | null {
  const dot = file.indexOf('.');
  const kind = file.slice(0, dot);
  const format = EXPORT_FORMATS.find((f) => FORMAT_ENDINGS[f] === file.slice(dot + 1));
  if (dot < 0 || !isExportKind(kind) || !format || !EXPORT_KINDS[kind].formats.includes(format)) return null;
  return { kind, format };
}
