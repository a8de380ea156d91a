import { NEED_FORMS, type NeedStatus, message } from '@samverka/domain';
import type { NeedValues } from '@samverka/marketplace';
import { ImportFileError } from '../sources/source-row.js';
import { FieldReader, problem, type FieldProblem } from './field-reader.js';

/** Statuses a need may be imported in. */
export const IMPORT_NEED_STATUSES = ['DRAFT', 'PUBLISHED'] as const satisfies readonly NeedStatus[];
export type ImportNeedStatus = (typeof IMPORT_NEED_STATUSES)[number];

export const NEED_FIELDS = [
  'externalId',
  'buyerOrganisationsnummer',
  'buyerOrganizationId',
  'title',
  'description',
  'cpvCodes',
  'sdgs',
  'municipalityCode',
  'countyCode',
  'budgetMinSek',
  'budgetMaxSek',
  'form',
  'wantedImpact',
  'responseDeadline',
  'status',
] as const;

/** Columns a needs export adds that an import reads past. */
export const NEED_EXPORT_ONLY = ['id', 'buyerName', 'publishedAt', 'createdAt', 'updatedAt', 'importSource'] as const;

const KNOWN = new Set<string>(NEED_FIELDS);
const IGNORED = new Set<string>(NEED_EXPORT_ONLY);

/** Who buys: an organisation named by id or organisationsnummer, or none (the run's --buyer then applies). */
export interface BuyerReference {
  organizationId?: string;
  organisationsnummer?: string;
  /** The field that named it, for messages. */
  field: string;
}

/** One need as a row gives it. */
export interface NeedRow {
  externalId: string;
  buyer: BuyerReference | null;
  values: NeedValues;
  /** DRAFT or PUBLISHED; the run's default when the row does not say. */
  status: ImportNeedStatus | null;
  /** OCDS: the release's date; an older release than the one already imported changes nothing. */
  sourceVersion: string | null;
  /** How the row's fields are called in its file, by the need field the rules name (OCDS paths). */
  fieldNames: Partial<Record<string, string>>;
}

export function checkNeedHeader(columns: readonly string[]): void {
  const unknown = columns.filter((c) => !KNOWN.has(c) && !IGNORED.has(c));
  if (unknown.length > 0) throw new ImportFileError(message('importExport.unknownColumns', { columns: unknown.join(', '), known: NEED_FIELDS.join(', ') }), 1);
  const missing = ['externalId', 'title', 'form'].filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ImportFileError(message('importExport.missingColumns', { columns: missing.join(', ') }), 1);
}

export function readNeedRow(value: unknown, csv: boolean): { row?: NeedRow; externalId?: string; problems: FieldProblem[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: [problem('(row)', 'importExport.needNotObject')] };
  const r = new FieldReader(value as Record<string, unknown>, csv);
  if (!csv) r.unknownKeys(KNOWN, IGNORED);
  const externalId = r.text('externalId')?.trim();
  const buyerId = r.text('buyerOrganizationId')?.trim();
  const buyerNumber = r.text('buyerOrganisationsnummer')?.trim();
  const values: NeedValues = {
    title: r.text('title'),
    description: r.text('description'),
    cpvCodes: r.textList('cpvCodes'),
    sdgs: r.integerList('sdgs'),
    municipalityCode: r.text('municipalityCode'),
    countyCode: r.text('countyCode'),
    budgetMinSek: r.integer('budgetMinSek'),
    budgetMaxSek: r.integer('budgetMaxSek'),
    form: r.oneOf('form', NEED_FORMS),
    wantedImpact: r.text('wantedImpact'),
    responseDeadline: r.dateTime('responseDeadline'),
  };
  const status = r.oneOf('status', IMPORT_NEED_STATUSES) ?? null;
  const problems = [...r.problems];
  if (!externalId) problems.push(problem('externalId', 'importExport.needExternalIdRequired'));
  else if (externalId.length > 200) problems.push(problem('externalId', 'validation.tooLong', { count: 200 }));
  if (buyerId && buyerNumber) problems.push(problem('buyerOrganizationId', 'importExport.buyerGivenTwice'));
  if (problems.length > 0) return { externalId, problems };
  const buyer: BuyerReference | null = buyerId
    ? { organizationId: buyerId, field: 'buyerOrganizationId' }
    : buyerNumber
      ? { organisationsnummer: buyerNumber, field: 'buyerOrganisationsnummer' }
      : null;
  return { row: { externalId: externalId!, buyer, values, status, sourceVersion: null, fieldNames: {} }, externalId, problems };
}
