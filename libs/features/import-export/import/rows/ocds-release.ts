import type { NeedForm } from '@samverka/domain';
import { type FieldProblem, parseDateTime, problem } from './field-reader.js';
import type { BuyerReference, NeedRow } from './need-row.js';
import { MAX_CODES } from '@samverka/reference-data';
import { NEED_DESCRIPTION_MAX, NEED_TITLE_MAX } from '@samverka/marketplace';

/** How an OCDS import reads money: SEK as it is, another currency only at a rate the importer gives. */
export interface OcdsReadOptions {
  /** Kronor per unit of each other currency, e.g. { GBP: 13.4 }. */
  exchangeRates: Readonly<Record<string, number>>;
}

const TITLE_MAX = NEED_TITLE_MAX;
const DESCRIPTION_MAX = NEED_DESCRIPTION_MAX;
const MAX_CPV = MAX_CODES;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Where each need field comes from in OCDS, for messages. */
const FIELD_NAMES: Partial<Record<string, string>> = {
  title: 'tender.title',
  description: 'tender.description',
  cpvCodes: 'tender.classification',
  budgetMinSek: 'tender.minValue.amount',
  budgetMaxSek: 'tender.value.amount',
  responseDeadline: 'tender.tenderPeriod.endDate',
  form: 'tender.procurementMethod',
  municipalityCode: 'buyer',
  countyCode: 'buyer',
};

/**
 * tenderStatus codes (OCDS 1.1) of a process that has not yet chosen its supplier: its tender may still be
 * answered, so it is a need. The others (complete, cancelled, unsuccessful, withdrawn) close it.
 */
const OPEN_TENDER_STATUSES = ['planning', 'planned', 'active'];

export interface OcdsItem {
  row?: NeedRow;
  problems: FieldProblem[];
  warnings: FieldProblem[];
  /** Why the release is not a need at all (its tender is closed, or it has none): it is skipped, not rejected. */
  skipped?: FieldProblem;
}

/**
 * One OCDS release, or one record (its compiledRelease), as a need: see docs/import.md ("OCDS") for the
 * mapping and its limits. Problems reject the row; warnings say what was left out or changed. A release
 * whose process is past its tender (an award, a contract, a cancellation; Samverka's own partnership
 * export) is not a need: it is skipped, with the reason.
 */
export function readOcdsItem(value: unknown, item: string, options: OcdsReadOptions): OcdsItem {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const release = item.startsWith('records')
    ? releaseOfRecord(value, problems)
    : isObject(value)
      ? value
      : (problems.push(problem('(release)', 'importExport.releaseNotObject')), undefined);
  if (!release) return { problems, warnings };
  const ocid = text(release.ocid)?.trim();
  if (!ocid) problems.push(problem('ocid', 'importExport.ocidRequired'));
  else if (ocid.length > 200) problems.push(problem('ocid', 'validation.tooLong', { count: 200 }));
  const tender = release.tender;
  if (!isObject(tender)) {
    const skipped = problem('tender', 'importExport.tenderMissing');
    return problems.length > 0 ? { problems, warnings } : { problems, warnings, skipped };
  }
  const status = text(tender.status)?.trim();
  if (status !== undefined && !OPEN_TENDER_STATUSES.includes(status.toLowerCase())) {
    const skipped = problem('tender.status', 'importExport.tenderClosed', { status });
    return problems.length > 0 ? { problems, warnings } : { problems, warnings, skipped };
  }

  let title = text(tender.title) ?? text(release.title);
  if (!title) problems.push(problem('tender.title', 'validation.required'));
  else if (title.length > TITLE_MAX) {
    title = cut(title, TITLE_MAX);
    warnings.push(problem('tender.title', 'importExport.titleShortened', { max: TITLE_MAX }));
  }
  const lots = list(tender.lots).filter(isObject);
  let description =
    text(tender.description) ??
    (lots
      .map((l) => text(l.description))
      .filter(Boolean)
      .join('\n\n') ||
      text(release.description) ||
      '');
  if (description.length > DESCRIPTION_MAX) {
    description = cut(description, DESCRIPTION_MAX);
    warnings.push(problem('tender.description', 'importExport.descriptionShortened', { max: DESCRIPTION_MAX }));
  }

  const { codes, fields } = cpvCodes(tender);
  if (codes.length > MAX_CPV) warnings.push(problem('tender.items', 'importExport.cpvCodesCut', { count: codes.length, max: MAX_CPV }));

  const budgetMaxSek = kronor(tender.value, 'tender.value', options, problems, warnings);
  const budgetMinSek = kronor(tender.minValue, 'tender.minValue', options, problems, warnings);

  let responseDeadline: Date | undefined;
  const period = isObject(tender.tenderPeriod) ? tender.tenderPeriod : undefined;
  if (period?.endDate !== undefined && period.endDate !== null) {
    const parsed = typeof period.endDate === 'string' ? parseDateTime(period.endDate.trim()) : null;
    if (!parsed) problems.push(problem('tender.tenderPeriod.endDate', 'importExport.deadlineInvalid', { value: JSON.stringify(period.endDate) }));
    else responseDeadline = parsed;
  }

  const form = formOf(tender, lots, warnings);
  const buyer = buyerOf(release);
  const sourceVersion = text(release.date)?.trim() ?? null;
  if (sourceVersion !== null && !parseDateTime(sourceVersion)) problems.push(problem('date', 'importExport.releaseDateInvalid', { value: sourceVersion }));
  if (problems.length > 0) return { problems, warnings };
  return {
    row: {
      externalId: ocid!,
      buyer,
      values: {
        title: title!,
        description,
        cpvCodes: codes.slice(0, MAX_CPV),
        sdgs: [],
        budgetMinSek,
        budgetMaxSek,
        form,
        wantedImpact: '',
        responseDeadline: responseDeadline ?? null,
      },
      status: null,
      sourceVersion,
      fieldNames: { ...FIELD_NAMES, ...Object.fromEntries(fields.slice(0, MAX_CPV).map((f, i) => [`cpvCodes.${i}`, f])) },
    },
    problems,
    warnings,
  };
}

/** A record's compiledRelease, or else the newest of its embedded releases. */
function releaseOfRecord(value: unknown, problems: FieldProblem[]): Json | undefined {
  if (!isObject(value)) {
    problems.push(problem('(record)', 'importExport.recordNotObject'));
    return undefined;
  }
  if (isObject(value.compiledRelease)) return { ...value.compiledRelease, ocid: value.compiledRelease.ocid ?? value.ocid };
  const embedded = list(value.releases).filter((r): r is Json => isObject(r) && isObject(r.tender));
  if (embedded.length === 0) {
    problems.push(problem('compiledRelease', 'importExport.compiledReleaseMissing'));
    return undefined;
  }
  const newest = embedded.reduce((a, b) => ((parseDateTime(String(b.date ?? ''))?.getTime() ?? 0) >= (parseDateTime(String(a.date ?? ''))?.getTime() ?? 0) ? b : a));
  return { ...newest, ocid: newest.ocid ?? value.ocid };
}

/** CPV codes of the tender, its items and their additional classifications, each once, with where it was found. */
function cpvCodes(tender: Json): { codes: string[]; fields: string[] } {
  const codes: string[] = [];
  const fields: string[] = [];
  const add = (classification: unknown, field: string) => {
    if (!isObject(classification) || String(classification.scheme ?? '').toUpperCase() !== 'CPV') return;
    const id = typeof classification.id === 'string' || typeof classification.id === 'number' ? String(classification.id).trim() : '';
    if (id === '' || codes.some((c) => c.slice(0, 8) === id.slice(0, 8))) return;
    codes.push(id);
    fields.push(`${field}.id`);
  };
  add(tender.classification, 'tender.classification');
  list(tender.additionalClassifications).forEach((c, i) => add(c, `tender.additionalClassifications[${i}]`));
  list(tender.items).forEach((it, i) => {
    if (!isObject(it)) return;
    add(it.classification, `tender.items[${i}].classification`);
    list(it.additionalClassifications).forEach((c, j) => add(c, `tender.items[${i}].additionalClassifications[${j}]`));
  });
  return { codes, fields };
}

/** An OCDS Value in whole kronor: SEK as given, another currency at the importer's rate, else left out with a warning. */
function kronor(value: unknown, field: string, options: OcdsReadOptions, problems: FieldProblem[], warnings: FieldProblem[]): number | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value) || value.amount === undefined || value.amount === null) return null;
  if (typeof value.amount !== 'number' || !Number.isFinite(value.amount) || value.amount < 0) {
    problems.push(problem(`${field}.amount`, 'importExport.amountInvalid', { value: JSON.stringify(value.amount) }));
    return null;
  }
  const currency = typeof value.currency === 'string' ? value.currency.trim().toUpperCase() : '';
  if (currency === 'SEK') return Math.round(value.amount);
  const rate = options.exchangeRates[currency];
  if (rate === undefined) {
    warnings.push(currency ? problem(`${field}.currency`, 'importExport.currencyWithoutRate', { currency }) : problem(`${field}.currency`, 'importExport.currencyMissing'));
    return null;
  }
  return Math.round(value.amount * rate);
}

/**
 * The need's form. Only a reservation for sheltered workshops and for the integration of disabled or
 * disadvantaged persons (the eForms code shelteredWorkshop, article 20 of Directive 2014/24/EU, LOU 4
 * kap. 18 §) makes a RESERVED_CONTRACT; a direct procurement method makes a DIRECT_AWARD; anything else
 * is a PUBLIC_PROCUREMENT. Suitability flags (Contracts Finder's suitability.vcse, suitable for
 * voluntary, community and social enterprises) are advice to suppliers, not a reservation.
 */
function formOf(tender: Json, lots: Json[], warnings: FieldProblem[]): NeedForm {
  const reservations = (owner: Json): string[] => {
    const requirements = isObject(owner.otherRequirements) ? owner.otherRequirements : undefined;
    return list(requirements?.reservedParticipation).filter((r): r is string => typeof r === 'string');
  };
  const tenderReserved = reservations(tender);
  const reservedLots = lots.filter((l) => reservations(l).includes('shelteredWorkshop'));
  if (tenderReserved.includes('shelteredWorkshop') || (lots.length > 0 && reservedLots.length === lots.length)) return 'RESERVED_CONTRACT';
  if (reservedLots.length > 0) {
    warnings.push(problem('tender.lots', 'importExport.lotsPartlyReserved', { reserved: reservedLots.length, lots: lots.length }));
  }
  if ([...tenderReserved, ...lots.flatMap(reservations)].includes('publicServiceMissionOrganization')) {
    warnings.push(problem('tender.otherRequirements.reservedParticipation', 'importExport.publicServiceMission'));
  }
  return tender.procurementMethod === 'direct' ? 'DIRECT_AWARD' : 'PUBLIC_PROCUREMENT';
}

/**
 * The buyer's Swedish organisationsnummer, when the release gives one: the buyer party's identifier (or an
 * additional identifier) in a Swedish scheme (org-id.guide's SE-…, e.g. SE-BLV for Bolagsverket). Null
 * otherwise: the run's buyer option then names the buyer.
 */
function buyerOf(release: Json): BuyerReference | null {
  const buyerId = isObject(release.buyer) ? release.buyer.id : undefined;
  const parties = list(release.parties);
  for (let i = 0; i < parties.length; i++) {
    const party = parties[i];
    if (!isObject(party)) continue;
    const isBuyer = (buyerId !== undefined && party.id === buyerId) || list(party.roles).includes('buyer');
    if (!isBuyer) continue;
    const identifiers = [
      ...(isObject(party.identifier) ? [{ value: party.identifier, field: `parties[${i}].identifier.id` }] : []),
      ...list(party.additionalIdentifiers).flatMap((a, j) => (isObject(a) ? [{ value: a, field: `parties[${i}].additionalIdentifiers[${j}].id` }] : [])),
    ];
    for (const { value, field } of identifiers) {
      const scheme = typeof value.scheme === 'string' ? value.scheme.toUpperCase() : '';
      const id = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id).trim() : '';
      if (scheme.startsWith('SE-') && id) return { organisationsnummer: id, field };
    }
  }
  return null;
}

/** The text cut at a word boundary to at most `max` characters, with an ellipsis. */
function cut(value: string, max: number): string {
  const head = value.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}
