import { DomainError } from '../domain-error.js';
import { eligibilityFor } from './eligibility.js';
import { needAfter, offerAfter, type NeedTransition, type OfferTransition } from './lifecycle.js';
import { NEED_STATUSES, OFFER_STATUSES, type NeedStatus, type OfferStatus } from './marketplace-types.js';
import { assertBudget, missingForPublishing, needWarnings, type NeedForPublishing } from './need-rules.js';
import { profileReadiness, type ProfileForReadiness } from './readiness.js';

describe('need lifecycle', () => {
  const allowed: Record<NeedTransition, Partial<Record<NeedStatus, NeedStatus>>> = {
    publish: { DRAFT: 'PUBLISHED' },
    close: { PUBLISHED: 'CLOSED' },
    award: { PUBLISHED: 'AWARDED', CLOSED: 'AWARDED' },
    cancel: { DRAFT: 'CANCELLED', PUBLISHED: 'CANCELLED', CLOSED: 'CANCELLED' },
  };
  const cases = (Object.keys(allowed) as NeedTransition[]).flatMap((t) => NEED_STATUSES.map((s) => [t, s, allowed[t][s]] as const));
  it.each(cases)('%s from %s → %s', (transition, from, to) => {
    if (to) expect(needAfter(from, transition)).toBe(to);
    else {
      expect(() => needAfter(from, transition)).toThrow(DomainError);
      expect(() => needAfter(from, transition)).toThrow(new RegExp(`^A ${from} need cannot be .*: only a .* need can$`));
    }
  });
});

describe('offer lifecycle', () => {
  const allowed: Record<OfferTransition, Partial<Record<OfferStatus, OfferStatus>>> = {
    submit: { DRAFT: 'SUBMITTED' },
    shortlist: { SUBMITTED: 'SHORTLISTED' },
    accept: { SUBMITTED: 'ACCEPTED', SHORTLISTED: 'ACCEPTED' },
    decline: { SUBMITTED: 'DECLINED', SHORTLISTED: 'DECLINED' },
    withdraw: { DRAFT: 'WITHDRAWN', SUBMITTED: 'WITHDRAWN', SHORTLISTED: 'WITHDRAWN' },
  };
  const cases = (Object.keys(allowed) as OfferTransition[]).flatMap((t) => OFFER_STATUSES.map((s) => [t, s, allowed[t][s]] as const));
  it.each(cases)('%s from %s → %s', (transition, from, to) => {
    if (to) expect(offerAfter(from, transition)).toBe(to);
    else expect(() => offerAfter(from, transition)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('eligibility', () => {
  const asf = (share: number | null) => ({ ideburen: false, workIntegrating: true, farFromLabourMarketShare: share });
  it.each([
    ['RESERVED_CONTRACT', asf(30), true, ''],
    ['RESERVED_CONTRACT', asf(29), false, 'reports 29 %'],
    ['RESERVED_CONTRACT', asf(null), false, 'reports 0 %'],
    ['RESERVED_CONTRACT', { ideburen: true, workIntegrating: false, farFromLabourMarketShare: null }, false, 'not marked work-integrating'],
    ['IOP', { ideburen: true, workIntegrating: false, farFromLabourMarketShare: null }, true, ''],
    ['IOP', asf(80), false, 'only for idéburna organisations'],
    ['PUBLIC_PROCUREMENT', asf(0), true, ''],
    ['DIRECT_AWARD', null, false, 'no enterprise profile'],
  ] as const)('%s with %j → %s', (form, facts, eligible, reason) => {
    const result = eligibilityFor(form, facts);
    expect(result.eligible).toBe(eligible);
    if (!result.eligible) expect(result.reason).toContain(reason);
  });
});

describe('publishing a need', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const complete: NeedForPublishing = {
    title: 'Lokalvård av förskolor',
    description: 'Daglig lokalvård av sex förskolor i centrala Malmö, med arbetsträning för deltagare.',
    cpvCodes: ['90919200'],
    municipalityCode: '1280',
    countyCode: '12',
    form: 'RESERVED_CONTRACT',
    budgetMinSek: 300_000,
    budgetMaxSek: 600_000,
    responseDeadline: new Date('2026-12-20T12:00:00Z'),
  };
  it('finds nothing missing in a complete need', () => expect(missingForPublishing(complete, now)).toEqual([]));
  it.each([
    [{ title: 'Städ' }, 'title'],
    [{ description: 'För kort.' }, 'description'],
    [{ cpvCodes: [] }, 'cpvCodes'],
    [{ municipalityCode: null, countyCode: null }, 'municipalityCode'],
    [{ budgetMaxSek: null }, 'budgetMaxSek'],
    [{ responseDeadline: null }, 'responseDeadline'],
    [{ responseDeadline: new Date('2026-11-26T11:59:59Z') }, 'responseDeadline'],
  ])('names what is missing: %j', (change, field) => {
    expect(missingForPublishing({ ...complete, ...change }, now).map((m) => m.field)).toEqual([field]);
  });
  it.each([
    ['DIRECT_AWARD', 700_000, []],
    ['DIRECT_AWARD', 700_001, ['DIRECT_AWARD_OVER_LIMIT']],
    ['PUBLIC_PROCUREMENT', 5_000_000, []],
  ] as const)('warns a %s with budget %d: %j', (form, budgetMaxSek, codes) => {
    expect(needWarnings({ form, budgetMaxSek }).map((w) => w.code)).toEqual(codes);
  });
  it('gives the budget and the limit to the warning', () => {
    expect(needWarnings({ form: 'DIRECT_AWARD', budgetMaxSek: 900_000 })[0].message).toEqual({
      key: 'marketplace.directAwardOverLimit',
      params: { budget: 900_000, limit: 700_000 },
    });
  });
  it.each([
    [500, 400, 'budgetMinSek'],
    [-1, null, 'budgetMinSek'],
    [null, 1.5, 'budgetMaxSek'],
  ])('refuses budget %s–%s', (min, max, field) => {
    expect(() => assertBudget(min, max)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });
});

describe('profile readiness', () => {
  const empty: ProfileForReadiness = {
    description: '',
    services: '',
    cpvCodes: [],
    sdgs: [],
    nationwide: false,
    municipalityCodes: [],
    countyCodes: [],
    employees: null,
    annualTurnoverSek: null,
    maxContractSek: null,
    legalForm: null,
    workIntegrating: false,
    farFromLabourMarketShare: null,
  };
  const full: ProfileForReadiness = {
    description: 'Vi är ett arbetsintegrerande socialt företag i Malmö som erbjuder lokalvård och arbetsträning för personer långt från arbetsmarknaden.',
    services: 'Lokalvård, fönsterputs, trappstädning',
    cpvCodes: ['90910000'],
    sdgs: [8, 10],
    nationwide: false,
    municipalityCodes: ['1280'],
    countyCodes: [],
    employees: 25,
    annualTurnoverSek: 8_000_000,
    maxContractSek: 1_500_000,
    legalForm: 'EKONOMISK_FORENING',
    workIntegrating: true,
    farFromLabourMarketShare: 60,
  };
  it('scores an empty profile 0 and lists every item', () => {
    expect(profileReadiness(empty).score).toBe(0);
    expect(profileReadiness(empty).missing.map((m) => m.item)).toEqual(['description', 'services', 'cpvCodes', 'sdgs', 'area', 'capacity', 'size', 'legalForm']);
  });
  it('scores a complete profile 100', () => expect(profileReadiness(full)).toEqual({ score: 100, missing: [] }));
  it('asks a work-integrating enterprise for its share', () => {
    expect(profileReadiness({ ...full, farFromLabourMarketShare: null }).missing).toEqual([
      { item: 'workIntegrationShare', advice: { key: 'marketplace.readinessWorkIntegrationShare', params: { min: 30 } } },
    ]);
  });
  it('weights the items', () => expect(profileReadiness({ ...full, cpvCodes: [] }).score).toBe(80));
});
