import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { SDG_PICKER_GOALS } from '../../components/SdgPicker';
import { i18n } from '../../i18n';
import { NEEDS_PAGE_SEARCH } from '../public/NeedsPage';
import { NEEDS_PAGE_NAMES } from '../public/needs-shared';
import { CREATE_SAVED_SEARCH, DELETE_SAVED_SEARCH, ForEnterprise, NEEDS_FOR_YOU } from './NeedsForYouPage';

const counties = [{ __typename: 'County', code: '12', name: 'Skåne län' }];
const municipalities = [{ __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' }];

const saved = {
  __typename: 'SavedSearch',
  id: 's1',
  name: 'Städning i Malmö',
  minScore: 60,
  email: false,
  filter: {
    __typename: 'SavedNeedFilter',
    search: 'städ',
    cpvCodes: ['90910000'],
    sdgs: [],
    municipalityCode: '1280',
    countyCode: null,
    forms: ['RESERVED_CONTRACT'],
    budgetFromSek: null,
    budgetToSek: null,
  },
};

function page(searches = [saved]) {
  return {
    recommendedNeeds: {
      __typename: 'MatchConnection',
      totalCount: 1,
      nodes: [
        {
          __typename: 'Match',
          score: 72.4,
          reasons: [{ __typename: 'MatchReason', code: 'geography.sameMunicipality', text: 'Verkar i Malmö' }],
          need: {
            __typename: 'Need',
            id: 'n1',
            title: 'Lokalvård av förskolor',
            form: 'RESERVED_CONTRACT',
            responseDeadline: '2027-01-11T13:31:00Z',
            budgetMinSek: 300_000,
            budgetMaxSek: 600_000,
            buyer: { __typename: 'Organization', id: 'b1', name: 'Malmö stad' },
          },
        },
      ],
    },
    enterpriseProfile: { __typename: 'EnterpriseProfile', organizationId: 'o1', workIntegrating: false, farFromLabourMarketShare: 10, ideburen: true },
    savedSearches: searches,
  };
}

let created: unknown[] = [];

function mocks(extra: unknown[] = []) {
  return [
    { request: { query: NEEDS_FOR_YOU, variables: { organizationId: 'o1', first: 10 } }, result: { data: page() } },
    { request: { query: NEEDS_FOR_YOU, variables: { organizationId: 'o1', first: 10 } }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: page([]) } },
    {
      request: { query: NEEDS_PAGE_SEARCH, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { needs: { __typename: 'NeedConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] } } },
    },
    {
      request: { query: NEEDS_PAGE_NAMES },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { counties, municipalities, cpvCodes: { __typename: 'CpvCodeConnection', nodes: [] } } },
    },
    { request: { query: PLACE_PICKER_PLACES }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: { counties, municipalities } } },
    { request: { query: SDG_PICKER_GOALS }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: { sdgs: [] } } },
    ...extra,
  ];
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{decodeURIComponent(location.search)}</output>;
}

function renderPage(extra: unknown[] = [], path = '/behov-for-er') {
  return render(
    <MockedProvider mocks={mocks(extra) as never}>
      <MemoryRouter initialEntries={[path]}>
        <ForEnterprise organizationId="o1" />
        <Address />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('Behov för er', () => {
  beforeEach(() => {
    created = [];
  });
  afterEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('shows the recommended needs with the score, the reasons and whether the enterprise may answer', async () => {
    renderPage();
    const match = await screen.findByRole('article', { name: 'Lokalvård av förskolor' });
    expect(within(match).getByText('72 av 100')).toBeInTheDocument();
    expect(within(match).getByText('Verkar i Malmö')).toBeInTheDocument();
    expect(within(match).getByText('Bara för arbetsintegrerande företag')).toBeInTheDocument();
    expect(within(match).getByRole('link', { name: 'Lokalvård av förskolor' })).toHaveAttribute('href', '/behov/n1');
  });

  it('lists the saved searches and opens one by writing its filters into the address', async () => {
    renderPage();
    const item = (await screen.findByRole('heading', { level: 3, name: 'Städning i Malmö' })).closest('li')!;
    expect(within(item).getByText(/Minst 60 av 100 · Bara inkorg/)).toBeInTheDocument();
    await userEvent.click(within(item).getByRole('button', { name: 'Visa träffar för Städning i Malmö' }));
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('?q=städ&kommun=1280&cpv=90910000&form=reserverad'));
  });

  it('checks the form before sending, and links the error summary to the fields', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 2, name: 'Spara sökningen' });
    const minScore = screen.getByRole('textbox', { name: /Lägsta matchning/ });
    await userEvent.clear(minScore);
    await userEvent.type(minScore, '120');
    await userEvent.click(screen.getByRole('button', { name: 'Spara sökningen' }));
    expect(await screen.findByRole('link', { name: 'Skriv ett namn på sökningen.' })).toHaveAttribute('href', '#saved-search-name');
    expect(screen.getByRole('link', { name: 'Ange ett heltal från 0 till 100.' })).toHaveAttribute('href', '#saved-search-minScore');
  });

  it('saves the search with the filters in the address', async () => {
    const create = {
      request: { query: CREATE_SAVED_SEARCH, variables: () => true },
      result: (variables: { input: unknown }) => {
        created.push(variables.input);
        return { data: { createSavedSearch: { __typename: 'CreateSavedSearchPayload', savedSearch: { __typename: 'SavedSearch', id: 's2', name: 'Grönt i Skåne' } } } };
      },
    };
    renderPage([create], '/behov-for-er?lan=12&mal=15');
    await userEvent.type(await screen.findByRole('textbox', { name: /Namn på sökningen/ }), 'Grönt i Skåne');
    await userEvent.click(screen.getByRole('radio', { name: 'Bara i inkorgen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Spara sökningen' }));
    expect(await screen.findByText('Sökningen ”Grönt i Skåne” är sparad.')).toBeInTheDocument();
    expect(created).toEqual([
      {
        organizationId: 'o1',
        name: 'Grönt i Skåne',
        minScore: 60,
        email: false,
        filter: { search: null, cpvCodes: [], sdgs: [15], municipalityCode: null, countyCode: '12', forms: [], budgetFromSek: null, budgetToSek: null },
      },
    ]);
  });

  it('asks before deleting a search', async () => {
    const remove = {
      request: { query: DELETE_SAVED_SEARCH, variables: { input: { organizationId: 'o1', savedSearchId: 's1' } } },
      result: { data: { deleteSavedSearch: { __typename: 'DeleteSavedSearchPayload', savedSearchId: 's1' } } },
    };
    renderPage([remove]);
    await userEvent.click(await screen.findByRole('button', { name: 'Ta bort Städning i Malmö' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Ta bort sökningen ”Städning i Malmö”?' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ta bort sökningen' }));
    expect(await screen.findByText('Sökningen ”Städning i Malmö” är borttagen.')).toBeInTheDocument();
  });

  it('is in English for an English reader', async () => {
    await i18n.changeLanguage('en');
    renderPage();
    expect(await screen.findByRole('heading', { level: 2, name: 'Suggested needs' })).toBeInTheDocument();
    expect(await screen.findByText('72 out of 100')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Your saved searches' })).toBeInTheDocument();
  });
});
