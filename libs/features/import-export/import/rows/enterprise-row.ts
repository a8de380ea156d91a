import { LEGAL_FORMS, normaliseOrganisationsnummer, message } from '@samverka/domain';
import type { ProfileValues } from '@samverka/marketplace';
import { ImportFileError } from '../sources/source-row.js';
import { FieldReader, problem, type FieldProblem } from './field-reader.js';

/** The fields of an enterprise row, in the order the documentation and the CSV export list them. */
export const ENTERPRISE_FIELDS = [
  'externalId',
  'organisationsnummer',
  'name',
  'municipalityCode',
  'countyCode',
  'website',
  'description',
  'services',
  'cpvCodes',
  'sdgs',
  'nationwide',
  'municipalityCodes',
  'countyCodes',
  'employees',
  'annualTurnoverSek',
  'maxContractSek',
  'legalForm',
  'ideburen',
  'workIntegrating',
  'farFromLabourMarketShare',
  'certifications',
] as const;

/** Columns an export adds that an import reads past, so an export can be imported again. */
export const ENTERPRISE_EXPORT_ONLY = ['id', 'verified', 'importSource', 'updatedAt'] as const;

const KNOWN = new Set<string>(ENTERPRISE_FIELDS);
const IGNORED = new Set<string>(ENTERPRISE_EXPORT_ONLY);
const REQUIRED = ['organisationsnummer', 'name'];

/** One enterprise as a row gives it: its organisation and its whole profile. */
export interface EnterpriseRow {
  /** The row's id in its source; the organisationsnummer as written when the row has none. */
  externalId: string;
  organization: { organisationsnummer: string; name: string; municipalityCode: string | null; countyCode: string | null; website: string | null };
  profile: ProfileValues;
}

/** A CSV header must name the required columns, and only known ones (a misspelt column would lose its data). */
export function checkEnterpriseHeader(columns: readonly string[]): void {
  const unknown = columns.filter((c) => !KNOWN.has(c) && !IGNORED.has(c));
  if (unknown.length > 0) throw new ImportFileError(message('importExport.unknownColumns', { columns: unknown.join(', '), known: ENTERPRISE_FIELDS.join(', ') }), 1);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ImportFileError(message('importExport.missingColumns', { columns: missing.join(', ') }), 1);
}

export function readEnterpriseRow(value: unknown, csv: boolean): { row?: EnterpriseRow; externalId?: string; problems: FieldProblem[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: [problem('(row)', 'importExport.enterpriseNotObject')] };
  const r = new FieldReader(value as Record<string, unknown>, csv);
  if (!csv) r.unknownKeys(KNOWN, IGNORED);
  const organisationsnummer = r.text('organisationsnummer');
  const name = r.text('name');
  const externalId = r.text('externalId')?.trim() || (organisationsnummer === undefined ? undefined : asWritten(organisationsnummer));
  const organization = {
    organisationsnummer: organisationsnummer ?? '',
    name: name ?? '',
    municipalityCode: r.text('municipalityCode') ?? null,
    countyCode: r.text('countyCode') ?? null,
    website: r.text('website') ?? null,
  };
  const profile: ProfileValues = {
    description: r.text('description'),
    services: r.text('services'),
    cpvCodes: r.textList('cpvCodes'),
    sdgs: r.integerList('sdgs'),
    nationwide: r.boolean('nationwide'),
    municipalityCodes: r.textList('municipalityCodes'),
    countyCodes: r.textList('countyCodes'),
    employees: r.integer('employees'),
    annualTurnoverSek: r.integer('annualTurnoverSek'),
    maxContractSek: r.integer('maxContractSek'),
    legalForm: r.oneOf('legalForm', LEGAL_FORMS),
    ideburen: r.boolean('ideburen'),
    workIntegrating: r.boolean('workIntegrating'),
    farFromLabourMarketShare: r.integer('farFromLabourMarketShare'),
    certifications: r.textList('certifications'),
  };
  const problems = [...r.problems];
  if (organisationsnummer === undefined) problems.push(problem('organisationsnummer', 'validation.required'));
  if (name === undefined) problems.push(problem('name', 'validation.required'));
  if (externalId !== undefined && externalId.length > 200) problems.push(problem('externalId', 'validation.tooLong', { count: 200 }));
  if (problems.length > 0 || !externalId) return { externalId, problems };
  return { row: { externalId, organization, profile }, externalId, problems };
}

/** The organisationsnummer as the external id: normalised when it is valid, so 5566778899 and 556677-8899 are one enterprise. */
function asWritten(organisationsnummer: string): string {
  try {
    return normaliseOrganisationsnummer(organisationsnummer);
  } catch {
    return organisationsnummer.trim();
  }
}
