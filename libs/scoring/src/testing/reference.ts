import path from 'node:path';
import { readScoringReference } from '@samverka/matching';
import { ScoringModel } from '../scoring-model.js';
import type { NeedInput, ProfileInput, ScoringReference } from '../types.js';

/**
 * Test helpers for the scoring library: the project's reference data (read as the platform reads it for
 * the workers, without Nest or the database), and builders for needs and profiles with neutral defaults.
 */
export const DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

let reference: ScoringReference | undefined;

export function testReference(): ScoringReference {
  reference ??= readScoringReference(DATA_DIR);
  return reference;
}

/** A fresh model over the project's reference data (a few hundred milliseconds: build one per file). */
export function testModel(): ScoringModel {
  return new ScoringModel(testReference());
}

let seq = 0;

/** A need with no place, no SDGs, no budget and an open form unless told otherwise. */
export function makeNeed(overrides: Partial<NeedInput> = {}): NeedInput {
  seq += 1;
  return {
    id: `need-${seq}`,
    buyerOrganizationId: 'buyer-1',
    title: '',
    description: '',
    cpvCodes: [],
    sdgs: [],
    municipalityCode: null,
    countyCode: null,
    budgetMinSek: null,
    budgetMaxSek: null,
    form: 'PUBLIC_PROCUREMENT',
    ...overrides,
  };
}

/** A profile with no place, no SDGs, no capacity figure and no partnerships unless told otherwise. */
export function makeProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  seq += 1;
  return {
    organizationId: `org-${seq}`,
    description: '',
    services: '',
    cpvCodes: [],
    sdgs: [],
    nationwide: false,
    municipalityCodes: [],
    countyCodes: [],
    maxContractSek: null,
    ideburen: false,
    workIntegrating: false,
    farFromLabourMarketShare: null,
    ...overrides,
  };
}
