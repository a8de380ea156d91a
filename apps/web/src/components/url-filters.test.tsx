import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { readFilters, useUrlFilters, writeFilters, type ParamKind } from './url-filters';

const SPEC = { q: 'text', lan: 'text', cpv: 'list', budgetFran: 'number', mal: 'numbers' } as const satisfies Record<string, ParamKind>;

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
  return renderHook(() => ({ filters: useUrlFilters(SPEC), location: useLocation() }), { wrapper });
}

describe('filters kept in the address', () => {
  it('reads each kind, with what is not set as empty and what cannot be read ignored', () => {
    const values = readFilters(SPEC, new URLSearchParams('q=st%C3%A4d&cpv=90910000-9,,85311000-2,90910000-9&budgetFran=12x&mal=8,abc,10'));
    expect(values).toEqual({ q: 'städ', lan: '', cpv: ['90910000-9', '85311000-2'], budgetFran: null, mal: [8, 10] });
  });

  it('writes in the spec’s order, leaving out empty filters and keeping unknown parameters', () => {
    const written = writeFilters(SPEC, { q: 'städ', lan: '12', cpv: [], budgetFran: 500000, mal: [8, 10] }, new URLSearchParams('lan=01&utm=x'));
    expect(decodeURIComponent(written.toString())).toBe('q=städ&lan=12&budgetFran=500000&mal=8,10&utm=x');
  });

  it('changes some filters and keeps the others, so the address is a bookmark of the search', () => {
    const { result } = setup('/behov?lan=12');
    act(() => result.current.filters.set({ q: 'städ' }));
    expect(decodeURIComponent(result.current.location.search)).toBe('?q=städ&lan=12');
    expect(result.current.filters.values.q).toBe('städ');
    act(() => result.current.filters.set({ cpv: ['90910000-9'], mal: [10, 8] }));
    expect(result.current.filters.values).toMatchObject({ q: 'städ', lan: '12', cpv: ['90910000-9'], mal: [10, 8] });
    expect(result.current.filters.activeCount()).toBe(4);
    expect(result.current.filters.activeCount(['q'])).toBe(3);
  });

  it('resets every filter, or all but those kept', () => {
    const { result } = setup('/behov?q=st%C3%A4d&lan=12&mal=3&sida=2');
    act(() => result.current.filters.reset(['q']));
    expect(decodeURIComponent(result.current.location.search)).toBe('?q=städ&sida=2');
    act(() => result.current.filters.reset());
    expect(result.current.location.search).toBe('?sida=2');
    expect(result.current.filters.activeCount()).toBe(0);
  });
});
