import fs from 'node:fs';
import path from 'node:path';
import { readOcdsItem } from './ocds-release.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../../test/fixtures/ocds');
const releases = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'uk_procurement_releases.json'), 'utf8')) as { releases: Record<string, unknown>[] }).releases;
const release = (ocid: string, tag?: string) => releases.find((r) => r.ocid === ocid && (!tag || (r.tag as string[]).includes(tag)))!;
const GBP = { exchangeRates: { GBP: 13.5 } };

describe('an OCDS release as a need', () => {
  it('takes the title, description, CPV codes, budget, deadline of a real Contracts Finder tender', () => {
    const { row, problems, warnings } = readOcdsItem(release('ocds-b5fd17-0064608c-a004-4bf1-bea8-bcc569de6670'), 'releases[0]', GBP);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(row).toMatchObject({
      externalId: 'ocds-b5fd17-0064608c-a004-4bf1-bea8-bcc569de6670',
      buyer: null,
      sourceVersion: '2025-01-23T15:35:50Z',
      values: {
        title: 'Dynamic Purchasing System for the Provision of Transport Services',
        cpvCodes: ['60000000'],
        budgetMinSek: 405_000_000,
        budgetMaxSek: 540_000_000,
        responseDeadline: new Date('2025-02-23T12:00:00Z'),
        // suitability.vcse is advice to suppliers, not a reservation.
        form: 'PUBLIC_PROCUREMENT',
      },
    });
    expect(row!.values.description).toMatch(/^Nottinghamshire County Council \(the Council\) is seeking/);
  });

  it.each([
    ['ocds-r6ebe6-0000580540', 'RESERVED_CONTRACT'],
    ['ocds-kuma6s-148223', 'RESERVED_CONTRACT'],
    ['ocds-kuma6s-139221', 'PUBLIC_PROCUREMENT'],
  ])('gives %s the form %s', (ocid, form) => {
    expect(readOcdsItem(release(ocid), 'releases[0]', GBP).row!.values.form).toBe(form);
  });

  it('reads CPV codes from the items and their additional classifications, each once, saying where each stands', () => {
    const { row } = readOcdsItem(release('ocds-kuma6s-139221'), 'releases[0]', GBP);
    expect(row!.values.cpvCodes).toEqual(['80000000', '80320000', '80300000']);
    expect(row!.fieldNames['cpvCodes.1']).toBe('tender.items[0].additionalClassifications[1].id');
  });

  it('leaves out an amount in a currency without a rate, with a warning naming it', () => {
    const { row, warnings } = readOcdsItem(release('ocds-b5fd17-0064608c-a004-4bf1-bea8-bcc569de6670'), 'releases[0]', { exchangeRates: {} });
    expect(row!.values).toMatchObject({ budgetMinSek: null, budgetMaxSek: null });
    expect(warnings.map((w) => w.field)).toEqual(['tender.value.currency', 'tender.minValue.currency']);
  });

  it('takes amounts in SEK as they are, and the buyer from a Swedish identifier', () => {
    const swedish = {
      ocid: 'ocds-x-1',
      date: '2026-11-20T09:00:00+01:00',
      parties: [{ id: 'p1', roles: ['buyer'], identifier: { scheme: 'SE-BLV', id: '2120001132' } }],
      buyer: { id: 'p1' },
      tender: { title: 'Tvätt', value: { amount: 1_200_000.4, currency: 'SEK' }, procurementMethod: 'direct', classification: { scheme: 'CPV', id: '98310000' } },
    };
    const { row } = readOcdsItem(swedish, 'releases[0]', { exchangeRates: {} });
    expect(row).toMatchObject({ buyer: { organisationsnummer: '2120001132', field: 'parties[0].identifier.id' }, values: { budgetMaxSek: 1_200_000, form: 'DIRECT_AWARD' } });
  });

  it('marks a need reserved only when every lot is reserved, and says why when some are', () => {
    const lots = (reserved: boolean[]) => ({
      ocid: 'ocds-x-2',
      tender: { title: 'Lots', lots: reserved.map((r, i) => ({ id: String(i), otherRequirements: { reservedParticipation: r ? ['shelteredWorkshop'] : [] } })) },
    });
    expect(readOcdsItem(lots([true, true]), 'releases[0]', GBP).row!.values.form).toBe('RESERVED_CONTRACT');
    const partly = readOcdsItem(lots([true, false]), 'releases[0]', GBP);
    expect(partly.row!.values.form).toBe('PUBLIC_PROCUREMENT');
    expect(partly.warnings).toEqual([{ field: 'tender.lots', message: { key: 'importExport.lotsPartlyReserved', params: { reserved: 1, lots: 2 } } }]);
    const mission = readOcdsItem(
      { ocid: 'ocds-x-3', tender: { title: 'Art. 77', otherRequirements: { reservedParticipation: ['publicServiceMissionOrganization'] } } },
      'releases[0]',
      GBP,
    );
    expect(mission.row!.values.form).toBe('PUBLIC_PROCUREMENT');
    expect(mission.warnings[0].message).toEqual({ key: 'importExport.publicServiceMission' });
  });

  it('takes a record’s compiled release, or else its newest embedded release', () => {
    const tender = release('ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18', 'tender');
    const award = release('ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18', 'award');
    const amended = { ...tender, date: '2025-01-24T09:00:00Z', tag: ['tenderAmendment'] };
    expect(readOcdsItem({ ocid: tender.ocid, compiledRelease: tender }, 'records[0]', GBP).row!.sourceVersion).toBe(tender.date);
    expect(readOcdsItem({ ocid: tender.ocid, releases: [amended, tender] }, 'records[0]', GBP).row!.sourceVersion).toBe(amended.date);
    // The newest is the award: the process is past its tender.
    const newestAward = readOcdsItem({ ocid: tender.ocid, releases: [award, tender] }, 'records[0]', GBP);
    expect(newestAward.row).toBeUndefined();
    expect(newestAward.skipped?.field).toBe('tender.status');
    expect(readOcdsItem({ ocid: tender.ocid, releases: [{ url: 'https://x', date: '2025-01-01' }] }, 'records[0]', GBP).problems).toEqual([
      { field: 'compiledRelease', message: { key: 'importExport.compiledReleaseMissing' } },
    ]);
  });

  it('skips a release whose tender is closed or missing: an award, a contract, a cancellation is not a need', () => {
    const award = release('ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18', 'award');
    const skipped = readOcdsItem(award, 'releases[11]', GBP);
    expect(skipped).toEqual({
      problems: [],
      warnings: [],
      skipped: {
        field: 'tender.status',
        message: { key: 'importExport.tenderClosed', params: { status: 'complete' } },
      },
    });
    for (const status of ['cancelled', 'unsuccessful', 'withdrawn', 'Complete']) {
      expect(readOcdsItem({ ocid: 'x', tender: { title: 'T', status } }, 'releases[0]', GBP).skipped?.field).toBe('tender.status');
    }
    expect(readOcdsItem({ ocid: 'x', awards: [{ id: '1' }] }, 'releases[0]', GBP)).toEqual({
      problems: [],
      warnings: [],
      skipped: { field: 'tender', message: { key: 'importExport.tenderMissing' } },
    });
    // Open, or not saying: read as a need.
    for (const status of ['planning', 'planned', 'active', undefined, '']) {
      const read = readOcdsItem({ ocid: 'x', tender: { title: 'T', status } }, 'releases[0]', GBP);
      expect(read.skipped).toBeUndefined();
      expect(read.row?.values.title).toBe('T');
    }
    // A release that cannot be identified is still rejected, whatever its tender.
    const unknown = readOcdsItem({ tender: { status: 'complete' } }, 'releases[0]', GBP);
    expect(unknown.problems.map((p) => p.field)).toEqual(['ocid']);
    expect(unknown.skipped).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    expect(readOcdsItem({ tender: {} }, 'releases[0]', GBP).problems.map((p) => p.field)).toEqual(['ocid', 'tender.title']);
    const wrong = readOcdsItem({ ocid: 'x', tender: { title: 'T', value: { amount: -5, currency: 'SEK' }, tenderPeriod: { endDate: 'next week' } } }, 'releases[0]', GBP);
    expect(wrong.problems.map((p) => p.field)).toEqual(['tender.value.amount', 'tender.tenderPeriod.endDate']);
  });
});
