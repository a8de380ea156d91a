import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * How one filter is written in the address: `text` a single value, `list` values joined by commas,
 * `number` a whole number, `numbers` whole numbers joined by commas.
 */
export type ParamKind = 'text' | 'list' | 'number' | 'numbers';

type ValueOf<K extends ParamKind> = K extends 'text' ? string : K extends 'list' ? string[] : K extends 'number' ? number | null : number[];

/** The filters a spec describes, read from the address: '' / [] / null where a filter is not set. */
export type FilterValues<S extends Record<string, ParamKind>> = { -readonly [P in keyof S]: ValueOf<S[P]> };

function readOne(kind: ParamKind, raw: string | null): string | string[] | number | number[] | null {
  const text = raw?.trim() ?? '';
  switch (kind) {
    case 'text':
      return text;
    case 'list':
      return [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
    case 'number': {
      if (!/^\d+$/.test(text)) return null;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : null;
    }
    case 'numbers':
      return [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter((s) => /^\d+$/.test(s))
            .map(Number),
        ),
      ];
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Reads every filter of the spec from search parameters; what cannot be read counts as not set. */
export function readFilters<S extends Record<string, ParamKind>>(spec: S, params: URLSearchParams): FilterValues<S> {
  const values: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) values[name] = readOne(kind, params.get(name));
  return values as FilterValues<S>;
}

/**
 * Writes the filters into search parameters in the spec's order (so the same search always has the same
 * address), leaving out those not set and keeping parameters the spec does not know.
 */
export function writeFilters<S extends Record<string, ParamKind>>(spec: S, values: FilterValues<S>, previous?: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const name of Object.keys(spec)) {
    const value = values[name as keyof S] as unknown;
    if (isEmpty(value)) continue;
    next.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  previous?.forEach((value, name) => {
    if (!(name in spec)) next.append(name, value);
  });
  return next;
}

export interface UrlFilters<S extends Record<string, ParamKind>> {
  values: FilterValues<S>;
  /** Changes some filters, keeping the others; a new entry in the history unless `replace`. */
  set(patch: Partial<FilterValues<S>>, options?: { replace?: boolean }): void;
  /** Clears every filter of the spec (or all but those named in `keep`). */
  reset(keep?: readonly (keyof S)[]): void;
  /** How many filters are set, not counting those named in `ignore`. */
  activeCount(ignore?: readonly (keyof S)[]): number;
}

/**
 * Filters kept in the address's search parameters, so a search is a bookmark and the back button undoes
 * a change. Declare the spec outside the component (or memoise it): `{ q: 'text', cpv: 'list', mal: 'numbers' }`.
 */
export function useUrlFilters<const S extends Record<string, ParamKind>>(spec: S): UrlFilters<S> {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => readFilters(spec, params), [spec, params]);
  // React Router hands a functional update the parameters of the render that made the callback; a handler
  // from before the last navigation would undo that navigation's filters. Changes start from the latest.
  const latest = useRef(params);
  latest.current = params;

  const set = useCallback(
    (patch: Partial<FilterValues<S>>, options?: { replace?: boolean }) => {
      setParams(() => writeFilters(spec, { ...readFilters(spec, latest.current), ...patch }, latest.current), { replace: options?.replace });
    },
    [spec, setParams],
  );

  const reset = useCallback(
    (keep: readonly (keyof S)[] = []) => {
      setParams(() => {
        const previous = latest.current;
        const current = readFilters(spec, previous);
        const kept = Object.fromEntries(
          Object.entries(current).map(([name, value]) => [name, keep.includes(name) ? value : Array.isArray(value) ? [] : typeof value === 'string' ? '' : null]),
        );
        return writeFilters(spec, kept as FilterValues<S>, previous);
      });
    },
    [spec, setParams],
  );

  const activeCount = useCallback(
    (ignore: readonly (keyof S)[] = []) => Object.entries(values).filter(([name, value]) => !ignore.includes(name) && !isEmpty(value)).length,
    [values],
  );

  return { values, set, reset, activeCount };
}
