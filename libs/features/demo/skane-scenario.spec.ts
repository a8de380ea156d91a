import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { STARTER_INDICATORS } from '@samverka/schema';
import {
  DIRECT_AWARD_LIMIT_SEK,
  NEED_FORMS,
  REPORT_INTERVALS,
  RESERVED_CONTRACT_MIN_SHARE,
  assertImpactValue,
  assertPasswordAcceptable,
  assertReportPeriod,
  eligibilityFor,
  missingForPublishing,
  needWarnings,
  normaliseEmail,
  normaliseOrganisationsnummer,
  periodsOverlap,
  profileReadiness,
  swedishDate,
  type NeedStatus,
  type OfferStatus,
} from '@samverka/domain';
import { agreementTerm, reportPeriod, type DemoTerm } from './demo-dates.js';
import type { DemoAgreement, DemoImpactValue, DemoLegalForm, DemoNeed, DemoOffer, DemoOrganization, DemoPartnership, DemoProfile } from './demo-scenario.types.js';
import { loadSkaneScenario } from './skane-scenario.js';

const scenario = loadSkaneScenario();

const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DATA_DIR, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

const cpvCodes = new Set(readCsv('cpv.csv').map((row) => row.code));
const municipalityCounty = new Map(readCsv('municipalities.csv').map((row) => [row.municipality_code, row.county_code]));
const countyCodes = new Set(readCsv('regions.csv').map((row) => row.county_code));
const sdgNumbers = new Set(readCsv('sdg.csv').map((row) => Number(row.goal_number)));

const SKANE = '12';

const people = new Map(scenario.people.map((p) => [p.key, p]));
const organizations = new Map(scenario.organizations.map((o) => [o.key, o]));
const profiles = new Map(scenario.profiles.map((p) => [p.organizationKey, p]));
const needs = new Map(scenario.needs.map((n) => [n.key, n]));
const enterprises = scenario.organizations.filter((o) => o.kind === 'SOCIAL_ENTERPRISE');
const buyers = scenario.organizations.filter((o) => o.kind === 'MUNICIPALITY' || o.kind === 'REGION');

const belongsTo = (personKey: string, org: DemoOrganization) => org.ownerKeys.includes(personKey) || org.memberKeys.includes(personKey);
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});
const offersOn = (need: DemoNeed) => scenario.offers.filter((o) => o.needKey === need.key);
const offerLabel = (o: DemoOffer) => `${o.needKey} ← ${o.enterpriseKey}`;
const agreements = scenario.partnerships.flatMap((p) => ('agreement' in p.source ? [[p.key, p.source.agreement] as const] : []));
const indicators = new Map(STARTER_INDICATORS.map((i) => [i.code, i]));
/** The county a buyer belongs to: the region's own, a municipality's by its kommunkod. */
const countyOf = (org: DemoOrganization) => org.countyCode ?? municipalityCounty.get(org.municipalityCode!);
/** The two parties of a partnership: the need's buyer and the accepted offer's enterprise, or the agreement's. */
function partiesOf(partnership: DemoPartnership): { buyer: DemoOrganization; enterprise: DemoOrganization } {
  if ('agreement' in partnership.source) {
    return { buyer: organizations.get(partnership.source.agreement.buyerKey)!, enterprise: organizations.get(partnership.source.agreement.enterpriseKey)! };
  }
  const need = needs.get(partnership.source.awardedNeedKey)!;
  const accepted = offersOn(need).find((o) => o.status === 'ACCEPTED')!;
  return { buyer: organizations.get(need.buyerKey)!, enterprise: organizations.get(accepted.enterpriseKey)! };
}

/** Every place the scenario names a CPV code, municipality, county or SDG, with where it came from. */
const cpvUses = [
  ...scenario.profiles.flatMap((p) => p.cpvCodes.map((code) => [p.organizationKey, code] as const)),
  ...scenario.needs.flatMap((n) => n.cpvCodes.map((code) => [n.key, code] as const)),
  ...agreements.flatMap(([key, a]) => a.cpvCodes.map((code) => [key, code] as const)),
];
const municipalityUses = [
  ...scenario.organizations.filter((o) => o.municipalityCode).map((o) => [o.key, o.municipalityCode!] as const),
  ...scenario.profiles.flatMap((p) => p.municipalityCodes.map((code) => [p.organizationKey, code] as const)),
  ...scenario.needs.filter((n) => n.municipalityCode).map((n) => [n.key, n.municipalityCode!] as const),
  ...agreements.filter(([, a]) => a.municipalityCode).map(([key, a]) => [key, a.municipalityCode!] as const),
];
const countyUses = [
  ...scenario.people.flatMap((p) => (p.coordinatorCountyCodes ?? []).map((code) => [p.key, code] as const)),
  ...scenario.organizations.filter((o) => o.countyCode).map((o) => [o.key, o.countyCode!] as const),
  ...scenario.profiles.flatMap((p) => p.countyCodes.map((code) => [p.organizationKey, code] as const)),
  ...scenario.needs.filter((n) => n.countyCode).map((n) => [n.key, n.countyCode!] as const),
];
const sdgUses = [
  ...scenario.profiles.flatMap((p) => p.sdgs.map((sdg) => [p.organizationKey, sdg] as const)),
  ...scenario.needs.flatMap((n) => n.sdgs.map((sdg) => [n.key, sdg] as const)),
  ...agreements.flatMap(([key, a]) => a.sdgs.map((sdg) => [key, sdg] as const)),
];

describe('the Skåne demo scenario', () => {
  /** The coordinator's work list (Förmedling): a published need without offers, due within a week. */
  const WORK_LIST = 'need-ystad-bryggor';
  describe('reference data', () => {
    it.each(cpvUses)('%s: CPV %s exists in data/cpv.csv', (_where, code) => {
      expect(code).toMatch(/^\d{8}-\d$/);
      expect(cpvCodes.has(code)).toBe(true);
    });

    it.each(municipalityUses)('%s: municipality %s exists and is in Skåne', (_where, code) => {
      expect(municipalityCounty.get(code)).toBe(SKANE);
    });

    it.each(countyUses)('%s: county %s exists', (_where, code) => {
      expect(countyCodes.has(code)).toBe(true);
      expect(code).toBe(SKANE);
    });

    it.each(sdgUses)('%s: SDG %d is a goal from 1 to 17', (_where, sdg) => {
      expect(Number.isInteger(sdg) && sdg >= 1 && sdg <= 17).toBe(true);
      expect(sdgNumbers.has(sdg)).toBe(true);
    });

    it('gives every profile, need and agreement 1 to 4 CPV codes and 1 to 4 SDGs, without repeats', () => {
      for (const item of [...scenario.profiles, ...scenario.needs, ...agreements.map(([, a]) => a)]) {
        expect(item.cpvCodes.length).toBeGreaterThanOrEqual(1);
        expect(item.cpvCodes.length).toBeLessThanOrEqual(4);
        expect(new Set(item.cpvCodes).size).toBe(item.cpvCodes.length);
        expect(item.sdgs.length).toBeGreaterThanOrEqual(1);
        expect(item.sdgs.length).toBeLessThanOrEqual(4);
        expect(new Set(item.sdgs).size).toBe(item.sdgs.length);
      }
    });
  });

  describe('people', () => {
    it('has unique keys and unique, lower-case e-mails on demo.samverka.se', () => {
      expect(people.size).toBe(scenario.people.length);
      const emails = scenario.people.map((p) => p.email);
      expect(new Set(emails).size).toBe(emails.length);
      for (const email of emails) {
        expect(normaliseEmail(email)).toBe(email);
        expect(email).toMatch(/^[a-z0-9.-]+@([a-z0-9-]+\.)?demo\.samverka\.se$/);
      }
    });

    it('gives every person an e-mail address a password can differ from', () => {
      for (const person of scenario.people) expect(() => assertPasswordAcceptable('a-generated-demo-password', person.email)).not.toThrow();
    });

    it('has one admin at admin@demo.samverka.se and one coordinator for Skåne', () => {
      const admins = scenario.people.filter((p) => p.platformRole === 'ADMIN');
      expect(admins.map((p) => p.email)).toEqual(['admin@demo.samverka.se']);
      const coordinators = scenario.people.filter((p) => p.platformRole === 'COORDINATOR');
      expect(coordinators).toHaveLength(1);
      expect(coordinators[0].coordinatorCountyCodes).toEqual([SKANE]);
      for (const person of scenario.people.filter((p) => p.platformRole !== 'COORDINATOR')) expect(person.coordinatorCountyCodes).toBeUndefined();
    });

    it('puts every user in exactly one organisation', () => {
      for (const person of scenario.people.filter((p) => p.platformRole === 'USER')) {
        expect([person.key, scenario.organizations.filter((o) => belongsTo(person.key, o)).length]).toEqual([person.key, 1]);
      }
    });
  });

  describe('organisations', () => {
    it('has unique keys', () => {
      expect(organizations.size).toBe(scenario.organizations.length);
    });

    it('has the counts of each kind', () => {
      const kinds = countBy(scenario.organizations, (o) => o.kind);
      expect(kinds.REGION).toBe(1);
      expect(kinds.MUNICIPALITY).toBeGreaterThanOrEqual(5);
      expect(kinds.MUNICIPALITY).toBeLessThanOrEqual(6);
      expect(kinds.SUPPORT_ORGANIZATION).toBe(1);
      expect(kinds.SOCIAL_ENTERPRISE).toBeGreaterThanOrEqual(30);
      expect(kinds.SOCIAL_ENTERPRISE).toBeLessThanOrEqual(36);
    });

    it.each(scenario.organizations.map((o) => [o.name, o.organisationsnummer] as const))('%s: %s is Luhn-valid and written NNNNNN-NNNN', (_name, number) => {
      expect(number).toMatch(/^\d{6}-\d{4}$/);
      expect(normaliseOrganisationsnummer(number)).toBe(number);
    });

    it('has unique organisationsnummer and names', () => {
      expect(new Set(scenario.organizations.map((o) => o.organisationsnummer)).size).toBe(scenario.organizations.length);
      expect(new Set(scenario.organizations.map((o) => o.name)).size).toBe(scenario.organizations.length);
    });

    it('gives municipalities and the region the number series of their kind (212 and 232)', () => {
      for (const org of scenario.organizations.filter((o) => o.kind === 'MUNICIPALITY')) expect(org.organisationsnummer).toMatch(/^212000-/);
      for (const org of scenario.organizations.filter((o) => o.kind === 'REGION')) expect(org.organisationsnummer).toMatch(/^232100-/);
    });

    const SERIES: Record<DemoLegalForm, RegExp> = {
      EKONOMISK_FORENING: /^769/,
      IDEELL_FORENING: /^802/,
      STIFTELSE: /^(802|817)/,
      AKTIEBOLAG: /^559/,
      AKTIEBOLAG_SVB: /^559/,
      OTHER: /^\d/,
    };
    it.each(enterprises.map((o) => [o.name, o.organisationsnummer, profiles.get(o.key)?.legalForm ?? 'OTHER'] as const))(
      '%s: %s fits its legal form %s',
      (_name, number, legalForm) => {
        expect(number).toMatch(SERIES[legalForm]);
      },
    );

    it('places every organisation: a municipality by its kommunkod, the region by länskod 12, the rest at home in Skåne', () => {
      for (const org of scenario.organizations) {
        if (org.kind === 'REGION') {
          expect([org.key, org.countyCode, org.municipalityCode]).toEqual([org.key, SKANE, undefined]);
        } else {
          expect([org.key, org.municipalityCode && municipalityCounty.get(org.municipalityCode)]).toEqual([org.key, SKANE]);
          if (org.countyCode) expect(org.countyCode).toBe(municipalityCounty.get(org.municipalityCode!));
        }
      }
    });

    it('has a valid website where one is given', () => {
      for (const org of scenario.organizations.filter((o) => o.website)) expect(new URL(org.website!).protocol).toBe('https:');
    });

    it('resolves owners and members, with at least one owner and nobody twice', () => {
      for (const org of scenario.organizations) {
        expect(org.ownerKeys.length).toBeGreaterThanOrEqual(1);
        const keys = [...org.ownerKeys, ...org.memberKeys];
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) expect([org.key, key, people.has(key)]).toEqual([org.key, key, true]);
        for (const key of keys) expect(people.get(key)!.platformRole).toBe('USER');
      }
    });

    it('gives each buyer one or two people and each enterprise one owner', () => {
      for (const org of buyers) {
        const count = org.ownerKeys.length + org.memberKeys.length;
        expect([org.key, count >= 1 && count <= 2]).toEqual([org.key, true]);
      }
      for (const org of enterprises) expect([org.key, org.ownerKeys.length]).toEqual([org.key, 1]);
    });

    it('verifies every organisation: only verified ones are shown, matched and make offers', () => {
      for (const org of scenario.organizations) expect([org.key, org.verified]).toEqual([org.key, true]);
    });

    it('spreads the enterprises over about ten Skåne municipalities', () => {
      expect(new Set(enterprises.map((o) => o.municipalityCode)).size).toBeGreaterThanOrEqual(9);
    });
  });

  describe('profiles', () => {
    it('has exactly one profile per social enterprise and none for anyone else', () => {
      expect(profiles.size).toBe(scenario.profiles.length);
      expect([...profiles.keys()].sort()).toEqual(enterprises.map((o) => o.key).sort());
    });

    it.each(scenario.profiles.map((p) => [p.organizationKey, p] as const))('%s: is complete and plausible', (_key, profile: DemoProfile) => {
      expect(profileReadiness({ ...profile, farFromLabourMarketShare: profile.farFromLabourMarketShare ?? null }).missing).toEqual([]);
      expect(profile.employees).toBeGreaterThanOrEqual(3);
      expect(profile.employees).toBeLessThanOrEqual(120);
      expect(profile.maxContractSek).toBeGreaterThanOrEqual(200_000);
      expect(profile.maxContractSek).toBeLessThanOrEqual(5_000_000);
      expect(profile.annualTurnoverSek).toBeGreaterThan(0);
      expect(Number.isSafeInteger(profile.annualTurnoverSek) && Number.isSafeInteger(profile.maxContractSek)).toBe(true);
      expect(new Set(profile.municipalityCodes).size).toBe(profile.municipalityCodes.length);
      expect(new Set(profile.certifications).size).toBe(profile.certifications.length);
      if (profile.nationwide) expect([...profile.municipalityCodes, ...profile.countyCodes]).toEqual([]);
      else expect(profile.municipalityCodes.length + profile.countyCodes.length).toBeGreaterThan(0);
    });

    it.each(scenario.profiles.map((p) => [p.organizationKey, p] as const))(
      '%s: farFromLabourMarketShare is set exactly when work-integrating, within 0–100',
      (_key, profile: DemoProfile) => {
        if (profile.workIntegrating) {
          expect(Number.isInteger(profile.farFromLabourMarketShare)).toBe(true);
          expect(profile.farFromLabourMarketShare).toBeGreaterThanOrEqual(0);
          expect(profile.farFromLabourMarketShare).toBeLessThanOrEqual(100);
        } else {
          expect(profile.farFromLabourMarketShare).toBeUndefined();
        }
      },
    );

    it('marks associations and foundations idéburna and limited companies not', () => {
      for (const profile of scenario.profiles) {
        const associationOrFoundation = ['EKONOMISK_FORENING', 'IDEELL_FORENING', 'STIFTELSE'].includes(profile.legalForm);
        expect([profile.organizationKey, profile.ideburen]).toEqual([profile.organizationKey, associationOrFoundation]);
      }
    });

    it('covers the cases the demo shows: local, county-wide and nationwide; reserved-contract refusals', () => {
      const nationwide = scenario.profiles.filter((p) => p.nationwide).length;
      expect(nationwide).toBeGreaterThanOrEqual(1);
      expect(nationwide).toBeLessThanOrEqual(2);
      expect(scenario.profiles.some((p) => p.countyCodes.includes(SKANE))).toBe(true);
      expect(scenario.profiles.filter((p) => p.municipalityCodes.length > 0).length).toBeGreaterThan(scenario.profiles.length / 2);
      const lowShare = scenario.profiles.filter((p) => p.workIntegrating && p.farFromLabourMarketShare! < RESERVED_CONTRACT_MIN_SHARE);
      expect(lowShare.length).toBeGreaterThanOrEqual(2);
      expect(scenario.profiles.some((p) => !p.workIntegrating)).toBe(true);
      expect(scenario.profiles.some((p) => !p.ideburen)).toBe(true);
    });
  });

  describe('needs', () => {
    it('has 12 to 17 needs with unique keys and titles', () => {
      expect(scenario.needs.length).toBeGreaterThanOrEqual(12);
      expect(scenario.needs.length).toBeLessThanOrEqual(17);
      expect(needs.size).toBe(scenario.needs.length);
      expect(new Set(scenario.needs.map((n) => n.title)).size).toBe(scenario.needs.length);
    });

    it('uses every form', () => {
      expect(new Set(scenario.needs.map((n) => n.form))).toEqual(new Set(NEED_FORMS));
    });

    it('is mostly published, with two drafts, two closed, two or three awarded and one cancelled', () => {
      const statuses = countBy(scenario.needs, (n) => n.status);
      expect(statuses.DRAFT).toBe(2);
      expect(statuses.CLOSED).toBe(2);
      expect(statuses.AWARDED).toBeGreaterThanOrEqual(2);
      expect(statuses.AWARDED).toBeLessThanOrEqual(3);
      expect(statuses.CANCELLED).toBe(1);
      expect(statuses.PUBLISHED).toBeGreaterThan(scenario.needs.length / 2 - 1);
      for (const [status, count] of Object.entries(statuses)) if (status !== 'PUBLISHED') expect(count).toBeLessThan(statuses.PUBLISHED);
    });

    const DEADLINES: Record<NeedStatus, [number, number]> = {
      PUBLISHED: [10, 60],
      CLOSED: [-40, -5],
      AWARDED: [-40, -5],
      DRAFT: [30, 90],
      CANCELLED: [-365, 365],
    };
    it.each(scenario.needs.map((n) => [n.key, n] as const))('%s: is posted by its buyer, placed, budgeted and timed for its status', (_key, need: DemoNeed) => {
      const buyer = organizations.get(need.buyerKey);
      expect(buyer && ['MUNICIPALITY', 'REGION'].includes(buyer.kind)).toBe(true);
      expect(belongsTo(need.createdByKey, buyer!)).toBe(true);
      if (buyer!.kind === 'MUNICIPALITY') {
        expect(need.municipalityCode).toBe(buyer!.municipalityCode);
      } else {
        expect(need.municipalityCode).toBeUndefined();
        expect(need.countyCode).toBe(buyer!.countyCode);
      }
      expect(need.budgetMaxSek).toBeDefined();
      if (need.budgetMinSek !== undefined) expect(need.budgetMinSek).toBeLessThanOrEqual(need.budgetMaxSek!);
      expect(need.wantedImpact.trim().length).toBeGreaterThan(20);
      const [from, to] = need.key === WORK_LIST ? [3, 7] : DEADLINES[need.status];
      expect(need.responseDeadlineInDays).toBeGreaterThanOrEqual(from);
      expect(need.responseDeadlineInDays).toBeLessThanOrEqual(to);
      // Everything a buyer needs to publish; a closed or awarded need was published before its deadline passed.
      const now = new Date();
      const missing = missingForPublishing(
        {
          ...need,
          municipalityCode: need.municipalityCode ?? null,
          countyCode: need.countyCode ?? null,
          budgetMinSek: need.budgetMinSek ?? null,
          budgetMaxSek: need.budgetMaxSek ?? null,
          responseDeadline: new Date(now.getTime() + need.responseDeadlineInDays * 86_400_000),
        },
        now,
      );
      const pastDeadline = (m: { field: string }) => m.field === 'responseDeadline' && need.responseDeadlineInDays < 0;
      expect(missing.filter((m) => !pastDeadline(m))).toEqual([]);
    });

    it('has direct awards mostly under the limit and exactly one above it, which gets the warning', () => {
      const direct = scenario.needs.filter((n) => n.form === 'DIRECT_AWARD');
      const over = direct.filter((n) => n.budgetMaxSek! > DIRECT_AWARD_LIMIT_SEK);
      expect(over).toHaveLength(1);
      expect(direct.length - over.length).toBeGreaterThan(over.length);
      expect(needWarnings({ form: over[0].form, budgetMaxSek: over[0].budgetMaxSek! }).map((w) => w.code)).toEqual(['DIRECT_AWARD_OVER_LIMIT']);
    });
  });

  describe('offers', () => {
    it('has 25 to 40 offers, at most one per need and enterprise', () => {
      expect(scenario.offers.length).toBeGreaterThanOrEqual(25);
      expect(scenario.offers.length).toBeLessThanOrEqual(40);
      const pairs = scenario.offers.map((o) => `${o.needKey}|${o.enterpriseKey}`);
      expect(new Set(pairs).size).toBe(pairs.length);
    });

    const ALLOWED: Record<NeedStatus, readonly OfferStatus[]> = {
      DRAFT: [],
      CANCELLED: [],
      PUBLISHED: ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'WITHDRAWN'],
      CLOSED: ['SUBMITTED', 'SHORTLISTED', 'WITHDRAWN'],
      AWARDED: ['ACCEPTED', 'DECLINED', 'WITHDRAWN'],
    };
    it.each(scenario.offers.map((o) => [offerLabel(o), o] as const))('%s: resolves, fits the need’s status and is eligible', (_label, offer: DemoOffer) => {
      const need = needs.get(offer.needKey);
      const enterprise = organizations.get(offer.enterpriseKey);
      const profile = profiles.get(offer.enterpriseKey);
      expect(need).toBeDefined();
      expect(enterprise?.kind).toBe('SOCIAL_ENTERPRISE');
      expect(profile).toBeDefined();
      expect(belongsTo(offer.createdByKey, enterprise!)).toBe(true);
      expect(ALLOWED[need!.status]).toContain(offer.status);
      expect(eligibilityFor(need!.form, { ...profile!, farFromLabourMarketShare: profile!.farFromLabourMarketShare ?? null })).toEqual({ eligible: true });
      expect(offer.priceSek).toBeGreaterThan(0);
      expect(offer.priceSek).toBeGreaterThanOrEqual((need!.budgetMinSek ?? 0) * 0.5);
      expect(offer.priceSek).toBeLessThanOrEqual(need!.budgetMaxSek! * 1.1);
      expect(offer.message.trim().length).toBeGreaterThan(20);
      expect(offer.proposedOutcomes.trim().length).toBeGreaterThan(20);
    });

    it.each(scenario.needs.filter((n) => n.status === 'AWARDED').map((n) => [n.key, n] as const))(
      '%s: exactly one offer is accepted and the others declined or withdrawn',
      (_key, need: DemoNeed) => {
        const statuses = offersOn(need).map((o) => o.status);
        expect(statuses.filter((s) => s === 'ACCEPTED')).toHaveLength(1);
        expect(statuses.filter((s) => s !== 'ACCEPTED').every((s) => s === 'DECLINED' || s === 'WITHDRAWN')).toBe(true);
      },
    );

    it('leaves no offers on drafts, cancelled needs and the work list’s need, and gives every other public need at least one', () => {
      for (const need of scenario.needs) {
        const count = offersOn(need).length;
        if (need.status === 'DRAFT' || need.status === 'CANCELLED' || need.key === WORK_LIST) expect([need.key, count]).toEqual([need.key, 0]);
        else expect([need.key, count > 0]).toEqual([need.key, true]);
      }
    });

    it('includes offers from work-integrating enterprises on reserved contracts and from idéburna on IOPs', () => {
      for (const form of ['RESERVED_CONTRACT', 'IOP'] as const) {
        expect(scenario.offers.some((o) => needs.get(o.needKey)!.form === form)).toBe(true);
      }
      // The refusals are real: enterprises exist that may not answer these needs.
      const reserved = scenario.needs.find((n) => n.form === 'RESERVED_CONTRACT')!;
      const iop = scenario.needs.find((n) => n.form === 'IOP')!;
      const refusedReserved = scenario.profiles.filter((p) => !eligibilityFor(reserved.form, { ...p, farFromLabourMarketShare: p.farFromLabourMarketShare ?? null }).eligible);
      const refusedIop = scenario.profiles.filter((p) => !eligibilityFor(iop.form, { ...p, farFromLabourMarketShare: p.farFromLabourMarketShare ?? null }).eligible);
      expect(refusedReserved.length).toBeGreaterThanOrEqual(2);
      expect(refusedIop.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('introductions', () => {
    const label = (i: { needKey: string; enterpriseKey: string }) => `${i.needKey} ← ${i.enterpriseKey}`;

    it.each(scenario.introductions.map((i) => [label(i), i] as const))('%s: made by a coordinator of the buyer’s county, to an eligible enterprise', (_label, introduction) => {
      const need = needs.get(introduction.needKey);
      const enterprise = organizations.get(introduction.enterpriseKey);
      const coordinator = people.get(introduction.coordinatorKey);
      expect(need).toBeDefined();
      expect(enterprise?.kind).toBe('SOCIAL_ENTERPRISE');
      expect(coordinator?.platformRole).toBe('COORDINATOR');
      // The policy's rule ('introduction.create'): the coordinator coordinates the buyer's county.
      expect(coordinator!.coordinatorCountyCodes).toContain(countyOf(organizations.get(need!.buyerKey)!));
      // Introduced while the need takes offers: the seeder publishes it first (closed and awarded ones too).
      expect(['PUBLISHED', 'CLOSED', 'AWARDED']).toContain(need!.status);
      const profile = profiles.get(introduction.enterpriseKey)!;
      expect(eligibilityFor(need!.form, { ...profile, farFromLabourMarketShare: profile.farFromLabourMarketShare ?? null })).toEqual({ eligible: true });
      expect(introduction.note.trim().length).toBeGreaterThan(20);
      expect(introduction.note.length).toBeLessThanOrEqual(2_000);
    });

    it.each(scenario.introductions.map((i) => [label(i), i] as const))('%s: answered by the enterprise, and followed by an offer exactly when accepted', (_label, introduction) => {
      const need = needs.get(introduction.needKey)!;
      const offer = offersOn(need).find((o) => o.enterpriseKey === introduction.enterpriseKey);
      if (introduction.status === 'PROPOSED') {
        expect([introduction.respondedByKey, introduction.responseNote]).toEqual([undefined, undefined]);
        // Still open: on a need that takes offers, so the enterprise can accept it.
        expect(need.status).toBe('PUBLISHED');
      } else {
        expect(belongsTo(introduction.respondedByKey!, organizations.get(introduction.enterpriseKey)!)).toBe(true);
        expect((introduction.responseNote ?? '').length).toBeLessThanOrEqual(2_000);
      }
      if (introduction.status === 'ACCEPTED') expect(offer && offer.status !== 'DRAFT').toBe(true);
      else expect(offer).toBeUndefined();
    });

    it('has one introduction per need and enterprise, and shows every answer: accepted, declined and still proposed', () => {
      const pairs = scenario.introductions.map(label);
      expect(new Set(pairs).size).toBe(pairs.length);
      expect(new Set(scenario.introductions.map((i) => i.status))).toEqual(new Set(['PROPOSED', 'ACCEPTED', 'DECLINED']));
      // One accepted introduction leads to the award, so a partnership the coordinator brokered comes of it.
      expect(scenario.introductions.some((i) => i.status === 'ACCEPTED' && needs.get(i.needKey)!.status === 'AWARDED')).toBe(true);
    });
  });

  describe('partnerships', () => {
    it('has unique keys and titles, one for each award, and agreements recorded by a coordinator', () => {
      const keys = scenario.partnerships.map((p) => p.key);
      expect(new Set(keys).size).toBe(keys.length);
      const titles = scenario.partnerships.map((p) => ('agreement' in p.source ? p.source.agreement.title : needs.get(p.source.awardedNeedKey)!.title));
      expect(new Set(titles).size).toBe(titles.length);
      // Each award starts a partnership whether the scenario lists it or not; listing it gives it its story.
      const awarded = scenario.partnerships.flatMap((p) => ('awardedNeedKey' in p.source ? [p.source.awardedNeedKey] : []));
      expect(awarded.sort()).toEqual(
        scenario.needs
          .filter((n) => n.status === 'AWARDED')
          .map((n) => n.key)
          .sort(),
      );
      expect(agreements.length).toBeGreaterThanOrEqual(1);
    });

    it.each(agreements)('%s: an agreement between a buyer and an enterprise, recorded by a coordinator of the buyer’s county', (_key, agreement: DemoAgreement) => {
      const buyer = organizations.get(agreement.buyerKey)!;
      const enterprise = organizations.get(agreement.enterpriseKey)!;
      expect(['MUNICIPALITY', 'REGION']).toContain(buyer.kind);
      expect(enterprise.kind).toBe('SOCIAL_ENTERPRISE');
      const coordinator = people.get(agreement.coordinatorKey)!;
      expect(coordinator.platformRole).toBe('COORDINATOR');
      expect(coordinator.coordinatorCountyCodes).toContain(countyOf(buyer));
      // The partnership's municipality lies in the buyer's county; a municipality's agreement is its own.
      if (agreement.municipalityCode) expect(municipalityCounty.get(agreement.municipalityCode)).toBe(countyOf(buyer));
      if (buyer.kind === 'MUNICIPALITY') expect(agreement.municipalityCode).toBe(buyer.municipalityCode);
      expect(agreement.title.length).toBeGreaterThan(10);
      expect(agreement.title.length).toBeLessThanOrEqual(200);
      expect(agreement.description.trim().length).toBeGreaterThan(50);
      expect(Number.isInteger(agreement.startsMonthsAgo) && agreement.startsMonthsAgo >= 1).toBe(true);
      if (agreement.termMonths !== undefined) expect(Number.isInteger(agreement.termMonths) && agreement.termMonths >= 1).toBe(true);
    });

    it.each(scenario.partnerships.map((p) => [p.key, p] as const))(
      '%s: targets on catalogue indicators, proposed by one party and agreed by the other',
      (_key, partnership: DemoPartnership) => {
        const { buyer, enterprise } = partiesOf(partnership);
        expect(REPORT_INTERVALS).toContain(partnership.reportEveryMonths);
        const targets = partnership.targets;
        if (!targets) return;
        expect(targets.items.length).toBeGreaterThanOrEqual(1);
        expect(targets.items.length).toBeLessThanOrEqual(20);
        const codes = targets.items.map((t) => t.indicatorCode);
        expect(new Set(codes).size).toBe(codes.length);
        targets.items.forEach((t, i) => {
          expect([t.indicatorCode, indicators.has(t.indicatorCode)]).toEqual([t.indicatorCode, true]);
          expect(() => assertImpactValue(t.target, indicators.get(t.indicatorCode)!.unit, `targets[${i}].target`)).not.toThrow();
          expect(t.target).toBeGreaterThan(0);
          expect((t.note ?? '').length).toBeLessThanOrEqual(1_000);
        });
        const proposerParty = belongsTo(targets.proposedByKey, buyer) ? buyer : enterprise;
        expect(belongsTo(targets.proposedByKey, proposerParty)).toBe(true);
        if (targets.agreedByKey) {
          const other = proposerParty === buyer ? enterprise : buyer;
          expect(belongsTo(targets.agreedByKey, other)).toBe(true);
          expect(belongsTo(targets.agreedByKey, proposerParty)).toBe(false);
        }
      },
    );

    it.each(scenario.partnerships.map((p) => [p.key, p] as const))(
      '%s: reports by the enterprise on the agreed indicators, decided by the buyer',
      (_key, partnership: DemoPartnership) => {
        const { buyer, enterprise } = partiesOf(partnership);
        // An award's partnership starts on the day of seeding: nothing of it can be reported yet.
        if ('awardedNeedKey' in partnership.source) expect(partnership.reports).toEqual([]);
        if (partnership.reports.length > 0) expect(partnership.targets?.agreedByKey).toBeDefined();
        const agreed = new Set((partnership.targets?.items ?? []).map((t) => t.indicatorCode));
        const checkValues = (values: DemoImpactValue[]) => {
          expect(values.length).toBeGreaterThanOrEqual(1);
          expect(new Set(values.map((v) => v.indicatorCode)).size).toBe(values.length);
          values.forEach((v, i) => {
            expect([v.indicatorCode, agreed.has(v.indicatorCode)]).toEqual([v.indicatorCode, true]);
            expect(() => assertImpactValue(v.value, indicators.get(v.indicatorCode)!.unit, `values[${i}].value`)).not.toThrow();
          });
        };
        for (const report of partnership.reports) {
          expect(Number.isInteger(report.period) && report.period >= 0).toBe(true);
          expect(belongsTo(report.createdByKey, enterprise)).toBe(true);
          expect(report.narrative.trim().length).toBeGreaterThan(20);
          expect(report.narrative.length).toBeLessThanOrEqual(5_000);
          checkValues(report.values);
          if (report.status === 'SUBMITTED') expect([report.decidedByKey, report.returnComment]).toEqual([undefined, undefined]);
          else expect(belongsTo(report.decidedByKey!, buyer)).toBe(true);
          if (report.status === 'RETURNED') {
            expect(report.returnComment!.trim().length).toBeGreaterThan(20);
            expect(report.returnComment!.length).toBeLessThanOrEqual(2_000);
          } else {
            expect(report.returnComment).toBeUndefined();
          }
          if (report.correction) {
            expect(report.status).toBe('CONFIRMED');
            checkValues(report.correction.values);
            expect(report.correction.values).not.toEqual(report.values);
            expect(report.correction.narrative.trim().length).toBeGreaterThan(20);
          }
        }
        // Periods do not overlap: each report covers a period of its own.
        const periods = partnership.reports.map((r) => r.period);
        expect(new Set(periods).size).toBe(periods.length);
      },
    );

    // The dates move with the day of seeding: check them on days that test the calendar.
    const SEEDING_DAYS = ['2026-01-01', '2026-03-31', '2027-02-28', '2028-02-29', '2028-12-31', swedishDate(new Date())];
    const seededOn = agreements.flatMap(([key, agreement]) => SEEDING_DAYS.map((today) => [key, today, agreement] as const));
    it.each(seededOn)('%s seeded on %s: every report’s period lies in the past, within the agreed term, without overlaps', (key, today, agreement: DemoAgreement) => {
      const partnership = scenario.partnerships.find((p) => p.key === key)!;
      const term: DemoTerm = agreementTerm(agreement, today);
      expect(term.startsOn < today).toBe(true);
      if (term.endsOn) expect(term.endsOn >= term.startsOn).toBe(true);
      const reported = partnership.reports.map((report) => {
        const period = reportPeriod(term, partnership.reportEveryMonths, report.period);
        expect(period).not.toBeNull();
        const { periodStart, periodEnd } = period!;
        expect(() => assertReportPeriod(periodStart, periodEnd, today)).not.toThrow();
        expect(periodStart >= term.startsOn).toBe(true);
        expect(periodEnd < today).toBe(true);
        if (term.endsOn) expect(periodEnd <= term.endsOn).toBe(true);
        return { periodStart, periodEnd };
      });
      reported.forEach((a, i) => reported.slice(i + 1).forEach((b) => expect(periodsOverlap(a, b)).toBe(false)));
      // Completed once its agreed term is over; terminated before it is.
      if (partnership.end?.status === 'COMPLETED') expect(term.endsOn !== null && term.endsOn < today).toBe(true);
      if (partnership.end?.status === 'TERMINATED') expect(term.endsOn === null || term.endsOn >= today).toBe(true);
    });

    it.each(scenario.partnerships.map((p) => [p.key, p] as const))('%s: ended and shown by the right parties', (_key, partnership: DemoPartnership) => {
      const { buyer, enterprise } = partiesOf(partnership);
      if (partnership.end) {
        const { status, byKey, note } = partnership.end;
        // The buyer completes; either party terminates, with a reason.
        if (status === 'COMPLETED') expect(belongsTo(byKey, buyer)).toBe(true);
        else expect(belongsTo(byKey, buyer) || belongsTo(byKey, enterprise)).toBe(true);
        expect(note.trim().length).toBeGreaterThan(10);
        expect(note.length).toBeLessThanOrEqual(2_000);
        // An award's partnership starts on the day of seeding: it does not end the same day.
        expect('agreement' in partnership.source).toBe(true);
      }
      if (partnership.public) {
        expect(partnership.end?.status).not.toBe('TERMINATED');
        expect(belongsTo(partnership.public.buyerByKey, buyer)).toBe(true);
        expect(belongsTo(partnership.public.enterpriseByKey, enterprise)).toBe(true);
        expect(partnership.public.summary.trim().length).toBeGreaterThan(50);
        expect(partnership.public.summary.length).toBeLessThanOrEqual(2_000);
      }
    });

    it('shows what the features do: every report state, a correction, both ends, targets awaiting agreement and good examples', () => {
      const reports = scenario.partnerships.flatMap((p) => p.reports);
      expect(new Set(reports.map((r) => r.status))).toEqual(new Set(['SUBMITTED', 'RETURNED', 'CONFIRMED']));
      expect(reports.filter((r) => r.correction)).toHaveLength(1);
      const ends = countBy(scenario.partnerships, (p) => p.end?.status ?? 'ACTIVE');
      expect(ends.COMPLETED).toBeGreaterThanOrEqual(1);
      expect(ends.TERMINATED).toBe(1);
      expect(scenario.partnerships.some((p) => p.targets && !p.targets.agreedByKey)).toBe(true);
      const shown = scenario.partnerships.filter((p) => p.public);
      expect(shown.length).toBeGreaterThanOrEqual(2);
      expect(shown.length).toBeLessThanOrEqual(3);
      // The good examples have confirmed impact to show.
      for (const partnership of shown) expect([partnership.key, partnership.reports.some((r) => r.status === 'CONFIRMED')]).toEqual([partnership.key, true]);
    });
  });
});
