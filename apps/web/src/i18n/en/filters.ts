import type { Translation } from '../types';
import type { filters as sv } from '../sv/filters';

export const filters: Translation<typeof sv> = {
  place: {
    county: 'County (län)',
    allCounties: 'All of Sweden',
    municipality: 'Municipality (kommun)',
    allMunicipalities: 'All municipalities',
    allMunicipalitiesInCounty: 'All municipalities in the county',
    loading: 'Loading counties and municipalities …',
  },
  cpv: {
    legend: 'What is it about? (CPV codes)',
    hint: 'CPV is the EU’s common set of codes for what is bought. A code includes every code below it: choose 90910000-9 Cleaning services and you also get, for example, 90919300-5 School cleaning services.',
    search: 'Search for a code or word',
    searchHint: 'Type at least two characters, such as "cleaning", "catering" or the start of a code like "8531". Choose with the arrow keys and Enter.',
    suggestions: 'Suggestions',
    noMatch: 'No code matches "{{text}}".',
    searching: 'Searching …',
    results_one: '{{count}} suggestion. Choose with the arrow keys.',
    results_other: '{{count}} suggestions. Choose with the arrow keys.',
    chosen: 'Chosen codes',
    noneChosen: 'No code chosen: every field is shown.',
    remove: 'Remove {{code}} {{label}}',
    added: '{{code}} {{label}} is chosen.',
    removed: '{{code}} {{label}} is removed.',
    alreadyChosen: 'chosen',
    browse: 'Browse all codes',
    showBelow: 'Show codes below {{code}} {{label}}',
    hideBelow: 'Hide codes below {{code}} {{label}}',
    loadingBelow: 'Loading codes …',
    more: 'There are more suggestions: type more to narrow them down.',
  },
  sdg: {
    legend: 'Global goals',
    hint: 'Show what contributes to any of the goals you choose.',
    summary: 'Global goals',
    summaryChosen_one: 'Global goals ({{count}} chosen)',
    summaryChosen_other: 'Global goals ({{count}} chosen)',
    goal: 'Goal {{number}}: {{title}}',
    loading: 'Loading the goals …',
  },
};
