import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblems, NEED_FORMS, type Actor, type NeedForm } from '@samverka/domain';
import { cpvPrefixPatterns, Database, prefixTsQuery } from '@samverka/engine';
import { CodeLists } from '@samverka/reference-data';
import { SavedSearchRepository, type SavedNeedFilter, type SavedSearchCriteria, type SavedSearchRow, type SavedSearchValues } from './saved-search.repository.js';

export const SAVED_SEARCH_NAME_MAX = 100;
export const SAVED_SEARCHES_MAX = 20;
export const SAVED_SEARCH_DEFAULT_MIN_SCORE = 60;

/** What the client sends: the needs search's filter, a name, a minimum score and the e-mail choice. */
export interface SavedSearchInput {
  name: string;
  minScore?: number | null;
  email?: boolean | null;
  filter?: {
    search?: string | null;
    cpvCodes?: string[] | null;
    sdgs?: number[] | null;
    municipalityCode?: string | null;
    countyCode?: string | null;
    forms?: NeedForm[] | null;
    budgetFromSek?: number | null;
    budgetToSek?: number | null;
  } | null;
}

/** An enterprise's saved needs searches: kept, changed and removed by its members. */
@Injectable()
export class SavedSearchService {
  constructor(
    private readonly database: Database,
    private readonly searches: SavedSearchRepository,
    private readonly codes: CodeLists,
  ) {}

  async list(organizationId: string): Promise<SavedSearchRow[]> {
    return this.searches.list(organizationId);
  }

  async create(actor: Actor, organizationId: string, input: SavedSearchInput): Promise<SavedSearchRow> {
    const values = await this.check(input);
    return this.database.transaction(async ({ manager }) => {
      await this.enterprise(organizationId, manager);
      if ((await this.searches.count(organizationId, manager)) >= SAVED_SEARCHES_MAX) {
        throw DomainError.conflict('matching.savedSearchLimit', { max: SAVED_SEARCHES_MAX });
      }
      return this.searches.insert(organizationId, userOf(actor), values, manager);
    });
  }

  async update(organizationId: string, savedSearchId: string, input: Partial<SavedSearchInput>): Promise<SavedSearchRow> {
    const current = await this.searches.findInOrganization(savedSearchId, organizationId);
    if (!current) throw DomainError.notFound('savedSearch', savedSearchId);
    // Checked before the transaction: the code lists read through their own connection (PGlite has one).
    const values = await this.check({
      name: input.name ?? current.name,
      minScore: input.minScore ?? current.minScore,
      email: input.email ?? current.email,
      filter: input.filter ?? current.filter,
    });
    return this.database.transaction(async ({ manager }) => {
      if (!(await this.searches.findInOrganization(savedSearchId, organizationId, manager))) throw DomainError.notFound('savedSearch', savedSearchId);
      return this.searches.update(savedSearchId, values, manager);
    });
  }

  async delete(organizationId: string, savedSearchId: string): Promise<void> {
    await this.database.transaction(async ({ manager }) => {
      const current = await this.searches.findInOrganization(savedSearchId, organizationId, manager);
      if (!current) throw DomainError.notFound('savedSearch', savedSearchId);
      await this.searches.delete(savedSearchId, manager);
    });
  }

  private async enterprise(organizationId: string, manager: Parameters<SavedSearchRepository['count']>[1]): Promise<void> {
    const organization = await this.searches.lockOrganization(organizationId, manager);
    if (!organization) throw DomainError.notFound('organization', organizationId);
    if (organization.kind !== 'SOCIAL_ENTERPRISE') throw DomainError.badInput('organizationId', 'NOT_ALLOWED', 'matching.savedSearchOnlyEnterprises');
  }

  /** The input checked and normalised; every problem names its field and rule. */
  private async check(input: SavedSearchInput): Promise<SavedSearchValues> {
    const problems = new FieldProblems();
    const name = (input.name ?? '').normalize('NFC').trim();
    if (name === '') problems.add('name', 'REQUIRED', 'validation.required');
    else if ([...name].length > SAVED_SEARCH_NAME_MAX) problems.add('name', 'TOO_LONG', 'validation.tooLong', { count: SAVED_SEARCH_NAME_MAX });
    else if (name.includes('\u0000')) problems.add('name', 'INVALID_FORMAT', 'validation.nulCharacter');
    const minScore = input.minScore ?? SAVED_SEARCH_DEFAULT_MIN_SCORE;
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) problems.add('minScore', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 0, max: 100 });
    const raw = input.filter ?? {};
    const forms = [...new Set(raw.forms ?? [])];
    if (forms.some((f) => !NEED_FORMS.includes(f))) problems.add('filter.forms', 'UNKNOWN_VALUE', 'validation.oneOf', { values: NEED_FORMS.join(', ') });
    let checked: Awaited<ReturnType<CodeLists['searchFilter']>> | undefined;
    try {
      checked = await this.codes.searchFilter({
        search: raw.search ?? undefined,
        cpvCodes: raw.cpvCodes ?? undefined,
        sdgs: raw.sdgs ?? undefined,
        municipalityCode: raw.municipalityCode ?? undefined,
        countyCode: raw.countyCode ?? undefined,
        budgetFromSek: raw.budgetFromSek ?? undefined,
        budgetToSek: raw.budgetToSek ?? undefined,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.absorb(() => {
        throw error;
      });
    }
    problems.throwIfAny();
    const f = checked!;
    const filter: SavedNeedFilter = compact({
      search: f.search,
      cpvCodes: f.cpvCodes8,
      sdgs: f.sdgs,
      municipalityCode: f.municipalityCode,
      countyCode: f.countyCode,
      forms: forms.length ? forms : undefined,
      budgetFromSek: f.budgetFromSek,
      budgetToSek: f.budgetToSek,
    });
    const criteria: SavedSearchCriteria = compact({
      tsQuery: f.search ? prefixTsQuery(f.search) : undefined,
      cpvPatterns: f.cpvCodes8?.length ? cpvPrefixPatterns(f.cpvCodes8) : undefined,
      sdgs: f.sdgs?.length ? f.sdgs : undefined,
      municipalityCode: f.municipalityCode,
      countyCode: f.countyCode,
      forms: forms.length ? forms : undefined,
      budgetFromSek: f.budgetFromSek,
      budgetToSek: f.budgetToSek,
    });
    return { name, minScore, email: input.email ?? true, filter, criteria };
  }
}

function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw DomainError.unauthenticated();
  return actor.userId;
}

/** Without the keys that are not set, so the stored filter holds only what was chosen. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as T;
}
