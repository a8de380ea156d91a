import type { TypedDocumentNode } from '@apollo/client';
import { parse } from 'graphql';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { graphql } from '../../gql';

/**
 * Reference data the public pages name things by: counties and municipalities by code, goals by number,
 * CPV codes by code. Apollo's cache keeps each for the visit, so a page asks for them once.
 */
const SDGS = graphql(`
  query PublicSdgTitles {
    sdgs {
      number
      titleSv
      titleEn
      color
    }
  }
`);

const CPV = graphql(`
  query PublicCpvLabel($code: String!) {
    cpvCode(code: $code) {
      code
      labelSv
      labelEn
    }
  }
`);

/** The name of a county ("Skåne län") or municipality ("Malmö") by its code; the code while loading. */
export function usePlaceNames() {
  const { data } = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const counties = new Map((data?.counties ?? []).map((c) => [c.code, c.name]));
    const municipalities = new Map((data?.municipalities ?? []).map((m) => [m.code, m.name]));
    return {
      ready: data !== undefined,
      county: (code: string) => counties.get(code) ?? code,
      municipality: (code: string) => municipalities.get(code) ?? code,
    };
  }, [data]);
}

/** Where an enterprise works, in words: "Hela Sverige", or its counties and municipalities by name. */
export function usePlacesText() {
  const { t } = useTranslation('directory');
  const names = usePlaceNames();
  return (p: { nationwide: boolean; countyCodes: readonly string[]; municipalityCodes: readonly string[] }): string[] => {
    if (p.nationwide) return [t('where.nationwide')];
    const places = [...p.countyCodes.map(names.county), ...p.municipalityCodes.map(names.municipality)];
    return places.length > 0 ? places : [t('where.unknown')];
  };
}

export interface SdgTitle {
  number: number;
  title: string;
  color: string;
}

/** The 17 goals with their titles in the reader's language (the API's own texts). */
export function useSdgs(): { ready: boolean; all: SdgTitle[]; title(n: number): string } {
  const { i18n } = useTranslation();
  const { data } = useQuery(SDGS, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const all = (data?.sdgs ?? []).map((s) => ({ number: s.number, title: i18n.language === 'en' ? s.titleEn : s.titleSv, color: s.color }));
    const byNumber = new Map(all.map((s) => [s.number, s.title]));
    return { ready: data !== undefined, all, title: (n: number) => byNumber.get(n) ?? String(n) };
  }, [data, i18n.language]);
}

/** A CPV code's label in the reader's language, the code itself until it arrives. */
export function CpvLabel({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const { data } = useQuery(CPV, { variables: { code }, fetchPolicy: 'cache-first' });
  const cpv = data?.cpvCode;
  if (!cpv) return <>{code}</>;
  return <>{i18n.language === 'en' ? cpv.labelEn : cpv.labelSv}</>;
}

interface CpvLabelled {
  code: string;
  labelSv: string;
  labelEn: string;
}

const CPV_CODE = /^\d{8}(-\d)?$/;

/** The API refuses more than 30 aliases in one document (GRAPHQL_MAX_ALIASES): labels are asked for in groups of this many. */
const CPV_LABELS_PER_REQUEST = 25;

function cpvLabelsDocument(count: number) {
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: String!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `c${i}: cpvCode(code: $c${i}) { code labelSv labelEn }`).join('\n');
  // Built at run time for the number of codes, so parsed here rather than by the code generator.
  return parse(`query PublicCpvLabels(${variables}) {\n${fields}\n}`) as TypedDocumentNode<Record<string, CpvLabelled | null>, Record<string, string>>;
}

/**
 * The labels of many CPV codes in a request or two (a list page would otherwise ask once per code): one
 * aliased `cpvCode` field per code, the codes as variables. The answers land in the cache under the same
 * fields as PublicCpvLabel's, so a profile opened next has them already. A code shows as itself until its
 * label has come.
 */
export function useCpvLabels(codes: readonly string[]): (code: string) => string {
  const { i18n } = useTranslation();
  const client = useApolloClient();
  const key = [...new Set(codes)]
    .filter((c) => CPV_CODE.test(c))
    .sort()
    .join(',');
  const [found, setFound] = useState<ReadonlyMap<string, CpvLabelled>>(new Map());
  useEffect(() => {
    const wanted = key ? key.split(',') : [];
    if (wanted.length === 0) return;
    let current = true;
    const groups: string[][] = [];
    for (let i = 0; i < wanted.length; i += CPV_LABELS_PER_REQUEST) groups.push(wanted.slice(i, i + CPV_LABELS_PER_REQUEST));
    void Promise.all(
      groups.map((group) =>
        client
          .query({ query: cpvLabelsDocument(group.length), variables: Object.fromEntries(group.map((code, i) => [`c${i}`, code])) })
          .then((result) => Object.values(result.data ?? {}).filter((c): c is CpvLabelled => c != null))
          .catch(() => [] as CpvLabelled[]),
      ),
    ).then((lists) => {
      if (!current) return;
      setFound((previous) => {
        const next = new Map(previous);
        for (const c of lists.flat()) next.set(c.code, c);
        return next;
      });
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  return useCallback(
    (code: string) => {
      const c = found.get(code);
      return c ? (i18n.language === 'en' ? c.labelEn : c.labelSv) : code;
    },
    [found, i18n.language],
  );
}

/** The global goals as a list: "8 Anständiga arbetsvillkor och ekonomisk tillväxt". */
export function SdgList({ sdgs, className }: { sdgs: readonly number[]; className?: string }) {
  const goals = useSdgs();
  if (sdgs.length === 0) return null;
  return (
    <ul className={`public-sdgs ${className ?? ''}`}>
      {sdgs.map((n) => (
        <li key={n}>
          <span className="public-sdg-number">{n}</span> {goals.title(n)}
        </li>
      ))}
    </ul>
  );
}
