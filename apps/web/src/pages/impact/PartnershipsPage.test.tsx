import { screen, within } from '@testing-library/react';
import { meMock, renderAt, signIn, signOut } from '../buyer/test-support';
import { PARTNERSHIPS_PAGE, PartnershipsPage } from './PartnershipsPage';

function node(fields: { id: string; title: string; status: string; reports?: { id: string; status: string }[]; targetsStatus?: string; nextReportDue?: string | null }) {
  return {
    __typename: 'Partnership',
    startsOn: '2026-07-01',
    endsOn: null,
    endedAt: null,
    nextReportDue: null,
    buyerOrganizationId: 'malmo',
    enterpriseOrganizationId: 'rent',
    targetsStatus: 'AGREED',
    targetsProposedBy: { __typename: 'Organization', id: 'malmo' },
    buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
    enterprise: { __typename: 'Organization', id: 'rent', name: 'Rent & Redo' },
    need: { __typename: 'Need', id: 'n1', title: 'Lokalvård i förskolor' },
    ...fields,
    impactReports: (fields.reports ?? []).map((r) => ({ __typename: 'ImpactReport', periodStart: '2026-07-01', periodEnd: '2026-09-30', ...r })),
  };
}

function listMock(organizationId: string) {
  return {
    request: { query: PARTNERSHIPS_PAGE, variables: { organizationId } },
    result: {
      data: {
        partnerships: {
          __typename: 'PartnershipConnection',
          nodes: [
            node({
              id: 'p1',
              title: 'Lokalvård i fem förskolor',
              status: 'ACTIVE',
              nextReportDue: '2027-01-01',
              reports: [
                { id: 'r1', status: 'SUBMITTED' },
                { id: 'r2', status: 'RETURNED' },
              ],
            }),
            node({ id: 'p2', title: 'Pilotår med återbruk', status: 'COMPLETED' }),
          ],
        },
      },
    },
  };
}

const open = (kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE') => {
  signIn();
  renderAt('/samarbeten', [{ path: '/samarbeten', element: <PartnershipsPage /> }], [meMock(kind), listMock(kind === 'MUNICIPALITY' ? 'malmo' : 'rent')]);
};

describe('the list of partnerships', () => {
  afterEach(signOut);

  it('shows the buyer its partnerships by status, with the reports waiting for it to confirm', async () => {
    open('MUNICIPALITY');
    const active = await screen.findByRole('region', { name: 'Pågående (1)' });
    expect(within(active).getByRole('link', { name: 'Lokalvård i fem förskolor' })).toHaveAttribute('href', '/samarbeten/p1');
    expect(within(active).getByText('Med Rent & Redo')).toBeInTheDocument();
    expect(within(active).getByText('Behovet: Lokalvård i förskolor')).toBeInTheDocument();
    expect(within(active).getByText('Nästa rapport: 1 januari 2027')).toBeInTheDocument();
    expect(within(active).getByText('Rapport för 1 juli 2026–30 september 2026 att granska')).toBeInTheDocument();
    expect(within(active).queryByText(/skickades tillbaka/)).not.toBeInTheDocument();
    const completed = screen.getByRole('region', { name: 'Avslutade (1)' });
    expect(within(completed).getByRole('link', { name: 'Pilotår med återbruk' })).toBeInTheDocument();
  });

  it('shows the enterprise the reports returned to it and the next one due', async () => {
    open('SOCIAL_ENTERPRISE');
    const active = await screen.findByRole('region', { name: 'Pågående (1)' });
    expect(within(active).getByText('Med Malmö stad')).toBeInTheDocument();
    expect(within(active).getByText('Rapport för 1 juli 2026–30 september 2026 skickades tillbaka: rätta och skicka igen')).toBeInTheDocument();
    expect(within(active).getByText('Rapport att lämna från 1 januari 2027')).toBeInTheDocument();
    expect(within(active).queryByText(/att granska/)).not.toBeInTheDocument();
  });
});
