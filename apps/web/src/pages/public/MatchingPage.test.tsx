import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
// The page explains the matcher's own figures: these guard that it says what the code does.
import { RESERVED_CONTRACT_MIN_SHARE as DOMAIN_MIN_SHARE } from '../../../../../libs/domain/src/marketplace/marketplace-types';
import { WEIGHTS } from '../../../../../libs/scoring/src/weights';
import { MATCHING_WEIGHTS, MatchingPage } from './MatchingPage';
import { RESERVED_CONTRACT_MIN_SHARE } from './rules';

describe('how matching works', () => {
  it('states the weights and the reserved-contract share the matcher uses', () => {
    expect(MATCHING_WEIGHTS).toEqual(WEIGHTS);
    expect(RESERVED_CONTRACT_MIN_SHARE).toBe(DOMAIN_MIN_SHARE);
  });

  it('lists each part with its weight and each kind of reason in a definition list', () => {
    render(
      <MemoryRouter>
        <MatchingPage />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Så fungerar matchningen' })).toBeInTheDocument();
    const text = screen.getByRole('rowheader', { name: 'Text' }).closest('tr')!;
    expect(within(text).getByText('37 %')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(1 + Object.keys(WEIGHTS).length);
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['Behörighet', 'Text', 'CPV-koder', 'Geografi', 'Globala mål', 'Kapacitet', 'Erfarenhet']);
    expect(screen.getByText(/minst 30 % av personalen/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'En människa bestämmer alltid' })).toBeInTheDocument();
  });
});
