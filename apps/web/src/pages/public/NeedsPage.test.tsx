import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { SDG_PICKER_GOALS } from '../../components/SdgPicker';
import type { NeedFilterInput } from '../../gql/graphql';
import { i18n } from '../../i18n';
import { NEEDS_PAGE_SEARCH, NeedsPage } from './NeedsPage';
import { NEEDS_PAGE_NAMES } from './needs-shared';

const counties = [
  { __typename: 'County', code: '01', name: 'Stockholms län' },
  { __typename: 'County', code: '12', name: 'Skåne län' },
];
const municipalities = [
  { __typename: 'Municipality', code: '0180', name: 'Stockholm', countyCode: '01' },
  { __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' },
];

function need(n: number) {
  return {
    __typename: 'Need',
    id: `need-${n}`,
    title: n === 1 ? 'Lokalvård i fem förskolor i Fosie – reserverat kontrakt' : `Behov nummer ${n}`,
    form: 'RESERVED_CONTRACT',
    budgetMinSek: 1_400_000,
    budgetMaxSek: 2_000_000,
    responseDeadline: '2027-01-11T13:31:00.000Z',
    publishedAt: '2026-12-07T10:00:00.000Z',
    municipalityCode: '1280',
    countyCode: '12',
    cpvCodes: ['90919300-5'],
    buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
  };
}

/** What the page asked the API for, in order. */
let asked: NeedFilterInput[] = [];

const mocks = [
  {
    request: { query: NEEDS_PAGE_SEARCH, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (variables: { filter: NeedFilterInput; after?: string | null }) => {
      asked.push(variables.filter);
      const total = variables.filter.search ? 1 : 12;
      if (variables.after === 'c2') {
        return {
          data: {
            needs: {
              __typename: 'NeedConnection',
              totalCount: total,
              pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c4' },
              nodes: [need(3), need(4)],
            },
          },
        };
      }
      return {
        data: {
          needs: {
            __typename: 'NeedConnection',
            totalCount: total,
            pageInfo: { __typename: 'PageInfo', hasNextPage: total > 2, endCursor: total > 2 ? 'c2' : null },
            nodes: Array.from({ length: Math.min(total, 2) }, (_, i) => need(i + 1)),
          },
        },
      };
    },
  },
  {
    request: { query: NEEDS_PAGE_NAMES },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        counties,
        municipalities,
        cpvCodes: {
          __typename: 'CpvCodeConnection',
          nodes: [{ __typename: 'CpvCode', code: '90000000-7', division: '90', labelSv: 'Avlopp och städning', labelEn: 'Sewage and cleaning' }],
        },
      },
    },
  },
  { request: { query: PLACE_PICKER_PLACES }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: { counties, municipalities } } },
  {
    request: { query: SDG_PICKER_GOALS },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { sdgs: [{ __typename: 'Sdg', number: 8, titleSv: 'Anständiga arbetsvillkor', titleEn: 'Decent work' }] } },
  },
];

function Address() {
  const location = useLocation();
  return <output data-testid="address">{decodeURIComponent(location.search)}</output>;
}

function renderPage(path = '/behov') {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <NeedsPage />
        <Address />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the needs search', () => {
  beforeEach(() => {
    asked = [];
  });
  afterEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('says how many needs match in a polite live region, with the plural in each language', async () => {
    renderPage();
    const count = await screen.findByRole('heading', { level: 2, name: '12 behov' });
    expect(count.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Lokalvård i fem förskolor i Fosie – reserverat kontrakt' })).toHaveAttribute('href', '/behov/need-1');
    const first = screen.getAllByRole('article')[0];
    expect(within(first).getByText('Malmö stad · Malmö, Skåne län')).toBeInTheDocument();
    expect(within(first).getByText('Reserverad upphandling')).toBeInTheDocument();
    expect(within(first).getByText('Avlopp och städning')).toBeInTheDocument();
    expect(screen.getByText('Visar 2 av 12.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Visa fler behov' })).toBeInTheDocument();

    await i18n.changeLanguage('en');
    expect(await screen.findByRole('heading', { level: 2, name: '12 needs' })).toBeInTheDocument();
    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search the needs' }), 'städ{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: '1 need' })).toBeInTheDocument();
  });

  it('keeps the filters in the address with short Swedish names, and asks the API for them', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.getByRole('search', { name: 'Sök och filtrera behov' })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: '12 behov' });

    await user.type(screen.getByRole('searchbox', { name: 'Sök bland behoven' }), 'städ');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    expect(screen.getByTestId('address')).toHaveTextContent('?q=städ');
    expect(await screen.findByRole('heading', { level: 2, name: '1 behov' })).toBeInTheDocument();

    const county = screen.getByRole('combobox', { name: 'Län' });
    await waitFor(() => expect(within(county).getByRole('option', { name: 'Skåne län' })).toBeInTheDocument());
    await user.selectOptions(county, 'Skåne län');
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?q=städ&lan=12$/);

    await user.click(screen.getByRole('checkbox', { name: 'Reserverad upphandling' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?q=städ&lan=12&form=reserverad$/);

    await user.type(screen.getByRole('textbox', { name: 'Från (kr)' }), '500 000');
    await user.click(screen.getByRole('button', { name: 'Använd belopp och datum' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?q=städ&lan=12&form=reserverad&budgetFran=500000$/);

    await waitFor(() => expect(asked.at(-1)).toEqual({ statuses: ['PUBLISHED'], search: 'städ', countyCode: '12', forms: ['RESERVED_CONTRACT'], budgetFromSek: 500000 }));
    expect(screen.getByRole('heading', { level: 2, name: 'Filtrera (3 valda)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Rensa alla filter' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?q=städ$/);
  });

  it('reads a bookmarked search from the address', async () => {
    renderPage('/behov?q=st%C3%A4d&lan=12&mal=8&sortera=svarsdag');
    expect(await screen.findByRole('heading', { level: 2, name: '1 behov' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Sök bland behoven' })).toHaveValue('städ');
    expect(screen.getByRole('combobox', { name: 'Sortera' })).toHaveValue('DEADLINE');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Län' })).toHaveValue('12'));
    expect(asked[0]).toEqual({ statuses: ['PUBLISHED'], search: 'städ', countyCode: '12', sdgs: [8] });
  });

  it('refuses an amount that is not whole kronor, on its field', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('heading', { level: 2, name: '12 behov' });
    const from = screen.getByRole('textbox', { name: 'Från (kr)' });
    await user.type(from, '12,5');
    await user.click(screen.getByRole('button', { name: 'Använd belopp och datum' }));
    expect(from).toHaveFocus();
    expect(from).toHaveAccessibleDescription(/Skriv ett belopp i hela kronor/);
    expect(screen.getByTestId('address')).toHaveTextContent(/^$/);
  });

  it('shows more needs after the last one, and moves the focus to the first new one', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('heading', { level: 2, name: '12 behov' });
    await user.click(screen.getByRole('button', { name: 'Visa fler behov' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(4));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Behov nummer 3' })).toHaveFocus());
    expect(screen.getByText('Visar 4 av 12.')).toBeInTheDocument();
  });
});
