import type { NeedForm, SavedNeedFilterInput } from '../../gql/graphql';
import type { FilterValues } from '../../components/url-filters';
import { NEEDS_FILTERS } from '../public/NeedsPage';
import { FORM_PARAM, formsFromParam } from '../public/needs-shared';

export type NeedsFilters = FilterValues<typeof NEEDS_FILTERS>;

/** The needs page's filters (from the address) as the saved search keeps them; dates and sort are not kept. */
export function savedFilterOf(values: NeedsFilters): SavedNeedFilterInput {
  return {
    search: values.q || null,
    cpvCodes: values.cpv,
    sdgs: values.mal.filter((n) => n >= 1 && n <= 17),
    municipalityCode: /^\d{4}$/.test(values.kommun) ? values.kommun : null,
    countyCode: /^\d{2}$/.test(values.lan) ? values.lan : null,
    forms: formsFromParam(values.form),
    budgetFromSek: values.budgetFran,
    budgetToSek: values.budgetTill,
  };
}

interface SavedFilter {
  search?: string | null;
  cpvCodes: readonly string[];
  sdgs: readonly number[];
  municipalityCode?: string | null;
  countyCode?: string | null;
  forms: readonly NeedForm[];
  budgetFromSek?: number | null;
  budgetToSek?: number | null;
}

/** A saved search's filter as the address writes it, every other filter cleared ("open" the search). */
export function urlFiltersOf(filter: SavedFilter): NeedsFilters {
  return {
    q: filter.search ?? '',
    lan: filter.countyCode ?? '',
    kommun: filter.municipalityCode ?? '',
    cpv: [...filter.cpvCodes],
    form: filter.forms.map((f) => FORM_PARAM[f]),
    budgetFran: filter.budgetFromSek ?? null,
    budgetTill: filter.budgetToSek ?? null,
    svarFran: '',
    svarTill: '',
    mal: [...filter.sdgs],
    sortera: '',
  };
}

/** Whether any filter is chosen (a search without one covers every new need). */
export function hasFilters(filter: SavedNeedFilterInput): boolean {
  return Object.values(filter).some((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}
