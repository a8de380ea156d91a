import type { PartnershipExportRow } from './export.repository.js';

/** What the OCDS export is published with. */
export interface OcdsExportOptions {
  /** The publisher's registered OCID prefix (OCDS_OCID_PREFIX). */
  ocidPrefix: string;
  /** Samverka's public address (PUBLIC_URL): the package's uri and the publisher's. */
  publicUrl: string;
  publishedDate: Date;
}

/**
 * Organisationsnummer in org-id.guide's SE-ON list (Swedish organisation numbers, NNNNNN-NNNN). Its former
 * prefixes SE-BLV (Bolagsverket) and SE-KK are deprecated there; SE-ON also covers the municipalities' and
 * regions' numbers, which Bolagsverket does not give.
 */
export const ORGANISATIONSNUMMER_SCHEME = 'SE-ON';

/** The package up to the opening of its releases; the releases follow one by one, then PACKAGE_END. */
export function releasePackageStart(options: OcdsExportOptions): string {
  const head = {
    uri: `${options.publicUrl}/export/partnerships.ocds.json`,
    version: '1.1',
    publishedDate: options.publishedDate.toISOString(),
    publisher: { name: 'Samverka', uri: options.publicUrl },
  };
  return `${JSON.stringify(head).slice(0, -1)},"releases":[\n`;
}

export const PACKAGE_END = ']}\n';

/**
 * A partnership as an OCDS 1.1 release of its award and contract (docs/import.md, "Partnerships as
 * OCDS"): the buyer and the enterprise as parties with their organisationsnummer, what it is about as
 * the tender, the accepted offer as the award, the partnership as the contract, and its confirmed impact
 * in the Samverka extension's fields on the contract.
 */
export function partnershipRelease(row: PartnershipExportRow, options: OcdsExportOptions): Record<string, unknown> {
  const ocid = `${options.ocidPrefix}-${row.id}`;
  const buyer = party(row.buyerOrganisationsnummer, row.buyerName, ['buyer', 'procuringEntity']);
  const supplier = party(row.enterpriseOrganisationsnummer, row.enterpriseName, ['supplier']);
  const value = row.offerPriceSek === null ? undefined : { amount: row.offerPriceSek, currency: 'SEK' };
  const ended = row.status !== 'ACTIVE';
  const awardId = row.offerId ?? row.id;
  return {
    ocid,
    // A release is one state of the process: the same state has the same id in every export, a changed one a new id.
    id: `${ocid}-${row.updatedAt.toISOString().replace(/[-:.]/g, '')}`,
    date: row.updatedAt.toISOString(),
    tag: ended ? ['award', 'contract', 'contractTermination'] : ['award', 'contract'],
    initiationType: 'tender',
    language: 'sv',
    parties: [buyer, supplier],
    buyer: { id: buyer.id, name: buyer.name },
    tender: {
      id: row.needId ?? row.id,
      title: row.title,
      // The published need's description; a brokered agreement's notes stay with its parties (as in the library of good examples).
      ...(row.needId !== null && row.description !== '' ? { description: row.description } : {}),
      status: 'complete',
      ...(row.needForm === 'DIRECT_AWARD' ? { procurementMethod: 'direct' } : {}),
      procurementMethodDetails: row.needForm ?? 'BROKERED_AGREEMENT',
      items: row.cpvCodes.map((code, i) => ({
        id: String(i + 1),
        ...(row.cpvLabels[i] ? { description: row.cpvLabels[i] } : {}),
        // The 8 digits, as eForms and most OCDS publishers write CPV codes.
        classification: { scheme: 'CPV', id: code.slice(0, 8), ...(row.cpvLabels[i] ? { description: row.cpvLabels[i] } : {}) },
      })),
    },
    awards: [
      {
        id: awardId,
        title: row.title,
        status: 'active',
        date: (row.offerDecidedAt ?? row.startedAt).toISOString(),
        suppliers: [{ id: supplier.id, name: supplier.name }],
        ...(value ? { value } : {}),
      },
    ],
    contracts: [
      {
        id: row.id,
        awardID: awardId,
        title: row.title,
        // OCDS 1.1 contractStatus: concluded and running, or come to a close (completed or ended early alike).
        status: ended ? 'terminated' : 'active',
        period: { startDate: swedishDateTime(row.startsOn, 'start'), ...(row.endsOn ? { endDate: swedishDateTime(row.endsOn, 'end') } : {}) },
        ...(value ? { value } : {}),
        samverkaPartnershipStatus: row.status,
        samverkaEndedAt: row.endedAt?.toISOString() ?? null,
        samverkaImpact: row.impact.map((i) => ({
          indicatorCode: i.indicatorCode,
          name: i.nameSv,
          name_en: i.nameEn,
          unit: i.unit,
          target: i.target,
          confirmedTotal: i.confirmedTotal,
          reports: i.confirmedReports,
        })),
      },
    ],
  };
}

function party(organisationsnummer: string, name: string, roles: string[]) {
  return {
    id: `${ORGANISATIONSNUMMER_SCHEME}-${organisationsnummer}`,
    name,
    identifier: { scheme: ORGANISATIONSNUMMER_SCHEME, id: organisationsnummer, legalName: name },
    roles,
  };
}

/** A Swedish date (YYYY-MM-DD) as the start (00:00:00) or end (23:59:59) of that day in Swedish time, with its offset. */
export function swedishDateTime(date: string, edge: 'start' | 'end'): string {
  const time = edge === 'start' ? '00:00:00' : '23:59:59';
  // Summer time begins and ends at night (02:00–03:00), so exactly one of the two offsets gives this wall-clock time.
  const offset = ['+01:00', '+02:00'].find((candidate) => STOCKHOLM.format(new Date(`${date}T${time}${candidate}`)) === `${date} ${time}`) ?? '+01:00';
  return `${date}T${time}${offset}`;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
