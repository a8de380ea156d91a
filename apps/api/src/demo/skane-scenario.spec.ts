import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  DIRECT_AWARD_LIMIT_SEK,
  NEED_FORMS,
  RESERVED_CONTRACT_MIN_SHARE,
  assertPasswordAcceptable,
  eligibilityFor,
  missingForPublishing,
  needWarnings,
  normaliseEmail,
  normaliseOrganisationsnummer,
  profileReadiness,
  type NeedStatus,
  type OfferStatus,
} from '@samverka/domain';
import type { DemoLegalForm, DemoNeed, DemoOffer, DemoOrganization, DemoProfile } from './demo-scenario.types.js';
import { skaneScenario as scenario } from './skane-scenario.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

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

/** Every place the scenario names a CPV code, municipality, county or SDG, with where it came from. */
const cpvUses = [
  ...scenario.profiles.flatMap((p) => p.cpvCodes.map((code) => [p.organizationKey, code] as const)),
  ...scenario.needs.flatMap((n) => n.cpvCodes.map((code) => [n.key, code] as const)),
];
const municipalityUses = [
  ...scenario.organizations.filter((o) => o.municipalityCode).map((o) => [o.key, o.municipalityCode!] as const),
  ...scenario.profiles.flatMap((p) => p.municipalityCodes.map((code) => [p.organizationKey, code] as const)),
  ...scenario.needs.filter((n) => n.municipalityCode).map((n) => [n.key, n.municipalityCode!] as const),
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
];

describe('the Skåne demo scenario', () => {
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

    it('gives every profile and need 1 to 4 CPV codes and 1 to 4 SDGs, without repeats', () => {
      for (const item of [...scenario.profiles, ...scenario.needs]) {
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

    it('verifies most enterprises but not all', () => {
      const unverified = enterprises.filter((o) => !o.verified).length;
      expect(unverified).toBeGreaterThanOrEqual(1);
      expect(unverified).toBeLessThan(enterprises.length / 4);
      for (const org of scenario.organizations.filter((o) => o.kind !== 'SOCIAL_ENTERPRISE')) expect(org.verified).toBe(true);
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
    it('has 12 to 16 needs with unique keys and titles', () => {
      expect(scenario.needs.length).toBeGreaterThanOrEqual(12);
      expect(scenario.needs.length).toBeLessThanOrEqual(16);
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
      const [from, to] = DEADLINES[need.status];
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

    it('leaves no offers on drafts and cancelled needs, and gives every public need at least one', () => {
      for (const need of scenario.needs) {
        const count = offersOn(need).length;
        if (need.status === 'DRAFT' || need.status === 'CANCELLED') expect([need.key, count]).toEqual([need.key, 0]);
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
});
