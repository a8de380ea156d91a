import { screen, within } from '@testing-library/react';
import { BUYER_START, BuyerStart } from './BuyerStart';
import { Component as MyNeedsPage, MY_NEEDS } from './MyNeedsPage';
import { meMock, renderAt, signIn, signOut } from './test-support';

function need(id: string, title: string, status: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Need',
    id,
    title,
    status,
    form: 'RESERVED_CONTRACT',
    responseDeadline: '2027-01-11T13:31:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    awaitingVerification: false,
    offers: [],
    ...overrides,
  };
}

function listMock(nodes: ReturnType<typeof need>[]) {
  return {
    request: { query: MY_NEEDS, variables: { organizationId: 'malmo' } },
    result: {
      data: {
        needs: {
          __typename: 'NeedConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    },
  };
}

beforeEach(() => signIn());
afterEach(() => signOut());

describe('the buyer’s needs', () => {
  it('lists them by status, drafts first with a link to go on with each', async () => {
    renderAt(
      '/mina-behov',
      [{ path: '/mina-behov', element: <MyNeedsPage /> }],
      [
        meMock(),
        listMock([
          need('p1', 'Lokalvård i Fosie', 'PUBLISHED', { offers: [{ __typename: 'Offer', id: 'o1', status: 'SUBMITTED' }] }),
          need('d1', 'Fönsterputs i simhallarna', 'DRAFT', { responseDeadline: null, form: 'DIRECT_AWARD' }),
          need('c1', 'Catering till äldreboenden', 'CANCELLED'),
        ]),
      ],
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Era behov' })).toBeInTheDocument();
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Utkast (1)', 'Publicerade (1)', 'Avbrutna (1)']);

    const drafts = screen.getByRole('region', { name: 'Utkast (1)' });
    expect(within(drafts).getByRole('link', { name: 'Fönsterputs i simhallarna' })).toHaveAttribute('href', '/mina-behov/d1/redigera?steg=granska');
    expect(within(drafts).getByText(/Direktupphandling · Ingen sista svarsdag än/)).toBeInTheDocument();

    const published = screen.getByRole('region', { name: 'Publicerade (1)' });
    expect(within(published).getByRole('link', { name: 'Lokalvård i Fosie' })).toHaveAttribute('href', '/mina-behov/p1');
    expect(within(published).getByText(/1 anbud/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lägg upp ett nytt behov' })).toHaveAttribute('href', '/mina-behov/nytt');
  });

  it('says how to begin when there are none', async () => {
    renderAt('/mina-behov', [{ path: '/mina-behov', element: <MyNeedsPage /> }], [meMock(), listMock([])]);
    expect(await screen.findByText(/Ni har inte lagt upp några behov än/)).toBeInTheDocument();
  });

  it('is for kommuner and regioner only', async () => {
    renderAt('/mina-behov', [{ path: '/mina-behov', element: <MyNeedsPage /> }], [meMock('SOCIAL_ENTERPRISE')]);
    expect(await screen.findByText(/Behov läggs upp av kommuner och regioner/)).toBeInTheDocument();
  });
});

describe('the buyer’s start', () => {
  it('shows needs by status, offers to decide on, coming deadlines and what partnerships wait for, with links', async () => {
    const now = new Date('2027-01-01T12:00:00Z');
    renderAt(
      '/start',
      [{ path: '/start', element: <BuyerStart organizationId="malmo" now={now} /> }],
      [
        meMock(),
        {
          request: { query: BUYER_START, variables: { organizationId: 'malmo' } },
          result: {
            data: {
              organizationDashboard: {
                __typename: 'Dashboard',
                needs: [
                  { __typename: 'StatusCount', status: 'PUBLISHED', count: 2 },
                  { __typename: 'StatusCount', status: 'DRAFT', count: 1 },
                ],
                offersReceived: [
                  { __typename: 'StatusCount', status: 'SUBMITTED', count: 2 },
                  { __typename: 'StatusCount', status: 'ACCEPTED', count: 1 },
                ],
              },
              needs: {
                __typename: 'NeedConnection',
                nodes: [
                  {
                    __typename: 'Need',
                    id: 'p1',
                    title: 'Lokalvård i Fosie',
                    status: 'PUBLISHED',
                    responseDeadline: '2027-01-11T13:31:00.000Z',
                    offers: [
                      { __typename: 'Offer', id: 'o1', status: 'SUBMITTED' },
                      { __typename: 'Offer', id: 'o2', status: 'SUBMITTED' },
                    ],
                  },
                  { __typename: 'Need', id: 'p2', title: 'Gammalt behov', status: 'PUBLISHED', responseDeadline: '2026-12-01T13:31:00.000Z', offers: [] },
                ],
              },
              partnerships: {
                __typename: 'PartnershipConnection',
                nodes: [
                  {
                    __typename: 'Partnership',
                    id: 'pa1',
                    title: 'Måltider i Rosengård',
                    targetsStatus: 'PROPOSED',
                    targetsProposedBy: { __typename: 'Organization', id: 'rent' },
                    need: { __typename: 'Need', id: 'n9', title: 'Måltider' },
                    impactReports: [{ __typename: 'ImpactReport', id: 'r1', status: 'SUBMITTED', periodStart: '2026-07-01', periodEnd: '2026-09-30' }],
                  },
                ],
              },
            },
          },
        },
      ],
    );
    expect(await screen.findByRole('link', { name: 'Utkast: 1' })).toHaveAttribute('href', '/mina-behov#my-needs-DRAFT');
    expect(screen.getByRole('link', { name: 'Publicerade: 2' })).toHaveAttribute('href', '/mina-behov#my-needs-PUBLISHED');
    expect(screen.getByText('2 anbud väntar på ert beslut.')).toBeInTheDocument();
    const offers = screen.getByRole('region', { name: 'Anbud att ta ställning till' });
    expect(within(offers).getByRole('link', { name: 'Lokalvård i Fosie' })).toHaveAttribute('href', '/mina-behov/p1');
    const deadlines = screen.getByRole('region', { name: 'Sista svarsdagar som närmar sig' });
    expect(within(deadlines).getByText(/Sista svarsdag 11 januari 2027 kl\. 14:31 \(om 10 dagar\)/)).toBeInTheDocument();
    expect(within(deadlines).queryByText('Gammalt behov')).not.toBeInTheDocument();
    const waiting = screen.getByRole('region', { name: 'Mål och rapporter som väntar på er' });
    expect(within(waiting).getByText(/Förslag på effektmål att godkänna/)).toBeInTheDocument();
    expect(within(waiting).getByText(/Effektrapport för 1 juli 2026–30 september 2026 att granska/)).toBeInTheDocument();
    expect(within(waiting).getAllByRole('link', { name: 'Behovet: Måltider' })[0]).toHaveAttribute('href', '/mina-behov/n9');
  });
});
