import { MockedProvider, type MockedResponse } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import type { EnterpriseFilterInput, EnterpriseSort } from '../../gql/graphql';
import { DIRECTORY_FILTERS, directoryFilter, directorySort, ENTERPRISES_PAGE_SEARCH, EnterprisesPage } from './EnterprisesPage';
import { readFilters } from '../../components/url-filters';

function enterprise(id: string, name: string, extra: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'EnterpriseProfile',
    organizationId: id,
    services: `Tjänster hos ${name}`,
    cpvCodes: [],
    nationwide: false,
    countyCodes: ['12'],
    municipalityCodes: [],
    legalForm: 'EKONOMISK_FORENING',
    ideburen: false,
    workIntegrating: false,
    organization: { __typename: 'Organization', id, name },
    ...extra,
  };
}

function search(filter: EnterpriseFilterInput, sort: EnterpriseSort, nodes: ReturnType<typeof enterprise>[], totalCount = nodes.length): MockedResponse {
  return {
    request: { query: ENTERPRISES_PAGE_SEARCH, variables: { filter, sort, first: 20 } },
    result: {
      data: {
        enterprises: {
          __typename: 'EnterpriseProfileConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage: totalCount > nodes.length, endCursor: nodes.length ? 'c1' : null },
          nodes,
        },
      },
    },
  };
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{decodeURIComponent(location.search)}</output>;
}

function renderDirectory(url: string, mocks: MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[url]}>
        <EnterprisesPage />
        <Where />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the directory’s filters', () => {
  it('turns the address into the API’s filter, verified enterprises only', () => {
    const values = readFilters(DIRECTORY_FILTERS, new URLSearchParams('q=städ&lan=12&kommun=1280&cpv=90910000-9&mal=8,10&form=IDEELL_FORENING,NOPE&ideburen=ja'));
    expect(directoryFilter(values)).toEqual({
      verified: true,
      search: 'städ',
      municipalityCode: '1280',
      cpvCodes: ['90910000-9'],
      sdgs: [8, 10],
      legalForms: ['IDEELL_FORENING'],
      ideburen: true,
    });
    expect(directorySort(values)).toBe('RELEVANCE');
    const none = readFilters(DIRECTORY_FILTERS, new URLSearchParams('lan=12&sortera=kapacitet'));
    expect(directoryFilter(none)).toEqual({ verified: true, countyCode: '12' });
    expect(directorySort(none)).toBe('CAPACITY');
    expect(directorySort(readFilters(DIRECTORY_FILTERS, new URLSearchParams('')))).toBe('NAME');
  });

  it('announces the count, and a filter changes the address and the results', async () => {
    const mocks = [
      search({ verified: true, countyCode: '12' }, 'NAME', [enterprise('a', 'Arkivlaget'), enterprise('b', 'Brobyggarna', { workIntegrating: true })]),
      search({ verified: true, countyCode: '12', workIntegrating: true }, 'NAME', [enterprise('b', 'Brobyggarna', { workIntegrating: true })]),
    ];
    renderDirectory('/foretag?lan=12', mocks);
    const status = within(screen.getByRole('region', { name: 'Resultat' })).getByRole('status');
    expect(await within(status).findByText('2 företag matchar')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Arkivlaget' })).toHaveAttribute('href', '/foretag/a');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Arbetsintegrerande socialt företag' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?lan=12&arbetsintegrerande=ja');
    expect(await within(status).findByText('1 företag matchar')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Arkivlaget' })).not.toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Brobyggarna' });
    expect(within(card).getByText('Arbetsintegrerande')).toBeInTheDocument();
    expect(within(card).getByText('Ekonomisk förening (till exempel ett kooperativ)')).toBeInTheDocument();
  });

  it('searches the text on submit, sorted by relevance, and says when nothing matches', async () => {
    const mocks = [search({ verified: true }, 'NAME', [enterprise('a', 'Arkivlaget')]), search({ verified: true, search: 'städ' }, 'RELEVANCE', [])];
    renderDirectory('/foretag', mocks);
    expect(await screen.findByText('1 företag matchar')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Sök' }), 'städ');
    await userEvent.click(screen.getByRole('button', { name: 'Sök' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?q=städ');
    expect(await screen.findByText('Inga företag matchar')).toBeInTheDocument();
    expect(screen.getByText('Inga företag matchar filtren. Prova färre filter eller andra sökord.')).toBeInTheDocument();
  });

  it('writes a large count the Swedish way and adds the next page below the first', async () => {
    const next = search({ verified: true }, 'NAME', [enterprise('b', 'Brobyggarna')], 1234);
    (next.request.variables as Record<string, unknown>).after = 'c1';
    renderDirectory('/foretag', [search({ verified: true }, 'NAME', [enterprise('a', 'Arkivlaget')], 1234), next]);
    expect(await screen.findByText(/^1\s234 företag matchar$/)).toBeInTheDocument();
    expect(screen.getByText(/^Visar 1 av 1\s234$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Visa fler företag' }));
    expect(await screen.findByRole('link', { name: 'Brobyggarna' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Arkivlaget' })).toBeInTheDocument();
    expect(screen.getByText(/^Visar 2 av 1\s234$/)).toBeInTheDocument();
  });

  it('keeps the filters in a labelled region, not a menu', () => {
    renderDirectory('/foretag', [search({ verified: true }, 'NAME', [])]);
    expect(screen.getByRole('region', { name: 'Filtrera företag' })).toBeInTheDocument();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
