export interface ProfileForReadiness {
  description: string;
  services: string;
  cpvCodes: readonly string[];
  sdgs: readonly number[];
  nationwide: boolean;
  municipalityCodes: readonly string[];
  countyCodes: readonly string[];
  employees: number | null;
  annualTurnoverSek: number | null;
  maxContractSek: number | null;
  legalForm: string | null;
  workIntegrating: boolean;
  farFromLabourMarketShare: number | null;
}

export interface Readiness {
  /** 0–100: the share of the checklist that is done, weighted. */
  score: number;
  missing: { item: string; advice: string }[];
}

const CHECKS: { item: string; weight: number; advice: string; done: (p: ProfileForReadiness) => boolean }[] = [
  { item: 'description', weight: 20, advice: 'Describe the enterprise and its social purpose in at least 100 characters', done: (p) => p.description.trim().length >= 100 },
  { item: 'services', weight: 15, advice: 'List the services you offer', done: (p) => p.services.trim().length >= 20 },
  { item: 'cpvCodes', weight: 20, advice: 'Add at least one CPV code, so buyers’ needs find you', done: (p) => p.cpvCodes.length > 0 },
  { item: 'sdgs', weight: 5, advice: 'Name the global goals (SDGs) your work serves', done: (p) => p.sdgs.length > 0 },
  {
    item: 'area',
    weight: 15,
    advice: 'Say where you work: municipalities, regions or nationwide',
    done: (p) => p.nationwide || p.municipalityCodes.length > 0 || p.countyCodes.length > 0,
  },
  { item: 'capacity', weight: 15, advice: 'Give the largest contract you can take (SEK), so buyers see what fits', done: (p) => p.maxContractSek !== null },
  { item: 'size', weight: 5, advice: 'Give your number of employees and annual turnover', done: (p) => p.employees !== null && p.annualTurnoverSek !== null },
  { item: 'legalForm', weight: 5, advice: 'Give your legal form', done: (p) => p.legalForm !== null },
  {
    item: 'workIntegrationShare',
    weight: 0,
    advice: 'Give the share of staff far from the labour market: reserved contracts need at least 30 %',
    done: (p) => !p.workIntegrating || p.farFromLabourMarketShare !== null,
  },
];

/** How complete a profile is, and what to add next. */
export function profileReadiness(profile: ProfileForReadiness): Readiness {
  const total = CHECKS.reduce((sum, c) => sum + c.weight, 0);
  const done = CHECKS.filter((c) => c.done(profile));
  return {
    score: Math.round((100 * done.reduce((sum, c) => sum + c.weight, 0)) / total),
    missing: CHECKS.filter((c) => !c.done(profile)).map(({ item, advice }) => ({ item, advice })),
  };
}
