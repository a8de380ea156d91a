import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { NeedForm, NeedSort, NeedsPageNamesQuery } from '../../gql/graphql';

/** The forms in the order the filter offers them: the ones for social enterprises first. */
export const NEED_FORMS: readonly NeedForm[] = ['RESERVED_CONTRACT', 'IOP', 'DIRECT_AWARD', 'PUBLIC_PROCUREMENT', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL'];

/** Each form as a Swedish word in the address (`?form=reserverad`), so a bookmark reads as what it is. */
export const FORM_PARAM: Record<NeedForm, string> = {
  RESERVED_CONTRACT: 'reserverad',
  IOP: 'iop',
  DIRECT_AWARD: 'direktupphandling',
  PUBLIC_PROCUREMENT: 'upphandling',
  INNOVATION_PARTNERSHIP: 'innovationspartnerskap',
  FUNDING_CALL: 'bidrag',
};

export const SORT_PARAM: Record<NeedSort, string> = {
  PUBLISHED: 'nyast',
  DEADLINE: 'svarsdag',
  BUDGET: 'budget',
  TITLE: 'rubrik',
  RELEVANCE: 'relevans',
};

export function formsFromParam(values: readonly string[]): NeedForm[] {
  return NEED_FORMS.filter((form) => values.includes(FORM_PARAM[form]));
}

export function sortFromParam(value: string): NeedSort | null {
  const found = (Object.keys(SORT_PARAM) as NeedSort[]).find((sort) => SORT_PARAM[sort] === value);
  return found ?? null;
}

const TIME_ZONE = 'Europe/Stockholm';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a calendar date, YYYY-MM-DD, that exists. */
export function isDate(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

function stockholmOffsetMinutes(moment: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(new Date(moment)).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The moment a calendar day starts in Swedish time (summer time included). */
export function startOfSwedishDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - stockholmOffsetMinutes(utcMidnight) * 60_000);
}

/** The last moment of a calendar day in Swedish time. */
export function endOfSwedishDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(startOfSwedishDay(next).getTime() - 1);
}

/** The calendar day (YYYY-MM-DD) a moment falls on in Sweden. */
export function swedishDay(moment: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(moment));
}

/** Names for the codes the results carry: län, kommuner and CPV divisions. */
export const NEEDS_PAGE_NAMES = graphql(`
  query NeedsPageNames {
    counties {
      code
      name
    }
    municipalities {
      code
      name
      countyCode
    }
    cpvCodes(level: 1, first: 100) {
      nodes {
        code
        division
        labelSv
        labelEn
      }
    }
  }
`);

export type Names = NeedsPageNamesQuery | undefined;

/** "Malmö, Skåne län", or "Hela Skåne län", from the codes a need carries. */
export function usePlaceName(names: Names, municipalityCode: string | null | undefined, countyCode: string | null | undefined): string {
  const { t } = useTranslation('needs');
  const county = names?.counties.find((c) => c.code === (countyCode ?? municipalityCode?.slice(0, 2)));
  const municipality = municipalityCode ? names?.municipalities.find((m) => m.code === municipalityCode) : undefined;
  if (municipality && county) return t('place.both', { municipality: municipality.name, county: county.name });
  if (municipality) return municipality.name;
  if (county) return t('place.wholeCounty', { county: county.name });
  return municipalityCode ?? countyCode ?? t('place.unknown');
}
