import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ENTERPRISE_START, EnterpriseStart } from './EnterpriseStart';

const ORGANIZATION = { id: 'o1', name: 'Växthuset Helsingborg' };

function data(extra: Record<string, unknown> = {}) {
  return {
    organizationDashboard: {
      __typename: 'Dashboard',
      offersMade: [
        { __typename: 'StatusCount', status: 'SUBMITTED', count: 2 },
        { __typename: 'StatusCount', status: 'ACCEPTED', count: 1 },
        { __typename: 'StatusCount', status: 'DRAFT', count: 0 },
      ],
      profileReadiness: {
        __typename: 'Readiness',
        score: 80,
        missing: [{ __typename: 'ReadinessItem', item: 'capacity', advice: 'Ange det största kontrakt verksamheten kan ta, i kronor.' }],
      },
    },
    recommendedNeeds: {
      __typename: 'MatchConnection',
      totalCount: 7,
      nodes: [
        {
          __typename: 'Match',
          score: 48.6,
          reasons: [
            { __typename: 'MatchReason', code: 'geography.sameCounty', text: 'Verkar i samma län (Skåne län)' },
            { __typename: 'MatchReason', code: 'category.ancestor', text: 'CPV-koderna omfattar varandra: 77314000 Markskötsel' },
          ],
          need: {
            __typename: 'Need',
            id: 'n1',
            title: 'Röjning av vandringsleder längs Helge å',
            form: 'DIRECT_AWARD',
            responseDeadline: '2026-12-25T16:42:00Z',
            budgetMinSek: 250_000,
            budgetMaxSek: 450_000,
            buyer: { __typename: 'Organization', id: 'b1', name: 'Kristianstads kommun' },
          },
        },
      ],
    },
    organization: {
      __typename: 'Organization',
      id: 'o1',
      introductions: {
        __typename: 'IntroductionConnection',
        totalCount: 1,
        nodes: [
          {
            __typename: 'Introduction',
            id: 'i1',
            createdAt: '2026-12-01T09:00:00Z',
            coordinator: { __typename: 'User', id: 'u1', displayName: 'Petra Nilsson' },
            need: { __typename: 'Need', id: 'n2', title: 'Utvecklingsmedel 2027', buyer: { __typename: 'Organization', id: 'b2', name: 'Region Skåne' } },
          },
        ],
      },
    },
    partnerships: {
      __typename: 'PartnershipConnection',
      nodes: [
        {
          __typename: 'Partnership',
          id: 'p1',
          title: 'Grön arbetsträning',
          nextReportDue: '2099-02-01',
          impactReports: [
            { __typename: 'ImpactReport', id: 'r1', status: 'RETURNED', periodStart: '2026-06-01', periodEnd: '2026-08-31', returnComment: 'Timmarna saknas.' },
            { __typename: 'ImpactReport', id: 'r2', status: 'CONFIRMED', periodStart: '2026-03-01', periodEnd: '2026-05-31', returnComment: '' },
          ],
          buyer: { __typename: 'Organization', id: 'b3', name: 'Helsingborgs stad' },
        },
      ],
    },
    ...extra,
  };
}

function renderStart(result: MockLink.MockedResponse['result']) {
  return render(
    <MockedProvider mocks={[{ request: { query: ENTERPRISE_START, variables: { organizationId: 'o1', first: 5 } }, result }]}>
      <MemoryRouter>
        <EnterpriseStart organization={ORGANIZATION} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the enterprise’s start page', () => {
  it('shows what waits: the introduction to answer, what the profile lacks, the recommended needs with score and reasons, offers and reports', async () => {
    renderStart({ data: data() });

    const introductions = await screen.findByRole('region', { name: 'Introduktioner att svara på' });
    expect(within(introductions).getByText('1 introduktion väntar på ert svar.')).toBeInTheDocument();
    expect(within(introductions).getByText('Utvecklingsmedel 2027')).toBeInTheDocument();
    expect(within(introductions).getByText(/^Från Petra Nilsson den 1 december 2026/)).toBeInTheDocument();
    expect(within(introductions).getByRole('link', { name: 'Svara på introduktionerna' })).toHaveAttribute('href', '/introduktioner');

    const profile = screen.getByRole('region', { name: 'Er profil' });
    expect(within(profile).getByText('Profilen är 80 % klar.')).toBeInTheDocument();
    expect(within(profile).getByText('Största kontrakt')).toBeInTheDocument();
    expect(within(profile).getByText(/^Därför behövs det: Matchningen jämför det med behovets budget/)).toBeInTheDocument();
    expect(within(profile).getByRole('link', { name: 'Komplettera profilen' })).toHaveAttribute('href', '/profil');

    const recommended = screen.getByRole('region', { name: 'Behov som passar er' });
    const match = within(recommended).getByRole('article', { name: 'Röjning av vandringsleder längs Helge å' });
    expect(within(match).getByRole('link', { name: 'Röjning av vandringsleder längs Helge å' })).toHaveAttribute('href', '/behov/n1');
    expect(within(match).getByText('49 av 100')).toBeInTheDocument();
    expect(within(match).getByText('Kristianstads kommun')).toBeInTheDocument();
    expect(within(match).getByText('Direktupphandling')).toBeInTheDocument();
    expect(within(match).getByText(/^250\s000–450\s000\skr$/)).toBeInTheDocument();
    const reasons = within(match).getByRole('list', { name: 'Därför passar det' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Verkar i samma län (Skåne län)', 'CPV-koderna omfattar varandra: 77314000 Markskötsel']);
    expect(within(recommended).getByText('Visar 1 av 7 förslag.')).toBeInTheDocument();

    const offers = screen.getByRole('region', { name: 'Era anbud' });
    const rows = within(offers)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['StatusAntal', 'Skickade, väntar på köparen2', 'Antagna1']);

    const reports = screen.getByRole('region', { name: 'Effektrapporter' });
    expect(within(reports).getByText('Grön arbetsträning')).toBeInTheDocument();
    expect(within(reports).getByText(/^Köparen skickade tillbaka rapporten för 1 juni 2026–31 augusti 2026: ”Timmarna saknas\.”/)).toBeInTheDocument();
    expect(within(reports).getByText(/^Nästa rapport kan lämnas från 1 februari 2099/)).toBeInTheDocument();
  });

  it('a new enterprise: asks for a profile, and says plainly that nothing else waits yet', async () => {
    renderStart({
      data: data({
        organizationDashboard: { __typename: 'Dashboard', offersMade: [], profileReadiness: null },
        recommendedNeeds: { __typename: 'MatchConnection', totalCount: 0, nodes: [] },
        organization: { __typename: 'Organization', id: 'o1', introductions: { __typename: 'IntroductionConnection', totalCount: 0, nodes: [] } },
        partnerships: { __typename: 'PartnershipConnection', nodes: [] },
      }),
    });
    const profile = await screen.findByRole('region', { name: 'Er profil' });
    expect(within(profile).getByText(/^Ni har ingen profil än\./)).toBeInTheDocument();
    expect(within(profile).getByRole('link', { name: 'Fyll i profilen' })).toHaveAttribute('href', '/profil');
    expect(screen.getByText('Inga introduktioner väntar på svar.')).toBeInTheDocument();
    expect(screen.getByText(/^Matchningen har inga förslag på behov just nu\./)).toBeInTheDocument();
    expect(screen.getByText(/^Ni har inte lämnat några anbud än\./)).toBeInTheDocument();
    expect(screen.getByText('Ingen effektrapport väntar just nu.')).toBeInTheDocument();
  });

  it('says when the start page could not be fetched, with a way to try again', async () => {
    renderStart({ errors: [{ message: 'Något gick fel.' }] as never });
    expect(await screen.findByText('Vi kunde inte hämta allt till er startsida. Försök igen om en stund.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
  });
});
