import { message, type Message } from '../messages/index.js';
import { RESERVED_CONTRACT_MIN_SHARE } from './marketplace-types.js';

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

/** An item of the checklist, named for clients that show their own help for it. */
export type ReadinessItem = 'description' | 'services' | 'cpvCodes' | 'sdgs' | 'area' | 'capacity' | 'size' | 'legalForm' | 'workIntegrationShare';

export interface Readiness {
  /** 0–100: the share of the checklist that is done, weighted. */
  score: number;
  missing: { item: ReadinessItem; advice: Message }[];
}

const DESCRIPTION_MIN = 100;

const CHECKS: { item: ReadinessItem; weight: number; advice: Message; done: (p: ProfileForReadiness) => boolean }[] = [
  {
    item: 'description',
    weight: 20,
    advice: message('marketplace.readinessDescription', { min: DESCRIPTION_MIN }),
    done: (p) => p.description.trim().length >= DESCRIPTION_MIN,
  },
  { item: 'services', weight: 15, advice: message('marketplace.readinessServices'), done: (p) => p.services.trim().length >= 20 },
  { item: 'cpvCodes', weight: 20, advice: message('marketplace.readinessCpvCodes'), done: (p) => p.cpvCodes.length > 0 },
  { item: 'sdgs', weight: 5, advice: message('marketplace.readinessSdgs'), done: (p) => p.sdgs.length > 0 },
  {
    item: 'area',
    weight: 15,
    advice: message('marketplace.readinessArea'),
    done: (p) => p.nationwide || p.municipalityCodes.length > 0 || p.countyCodes.length > 0,
  },
  { item: 'capacity', weight: 15, advice: message('marketplace.readinessCapacity'), done: (p) => p.maxContractSek !== null },
  { item: 'size', weight: 5, advice: message('marketplace.readinessSize'), done: (p) => p.employees !== null && p.annualTurnoverSek !== null },
  { item: 'legalForm', weight: 5, advice: message('marketplace.readinessLegalForm'), done: (p) => p.legalForm !== null },
  {
    item: 'workIntegrationShare',
    weight: 0,
    advice: message('marketplace.readinessWorkIntegrationShare', { min: RESERVED_CONTRACT_MIN_SHARE }),
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
