import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ME } from '../../app/session';
import { renderAt, signIn, signOut } from '../buyer/test-support';
import type { SwedenTopology } from './RegionMap';
import { RegionPage } from './RegionPage';
import { REGION_COUNTIES, REGION_INSIGHTS, REGION_INSIGHTS_CSV } from './region-queries';

/** Three square kommuner: Malmö and Lund in Skåne, Stockholm elsewhere (left out of Skåne's map). */
const square = (x: number, y: number) => [
  [x, y],
  [x + 0.1, y],
  [x + 0.1, y + 0.1],
  [x, y + 0.1],
  [x, y],
];
const TOPOLOGY = {
  type: 'Topology',
  arcs: [square(13, 55.5), square(13.2, 55.7), square(18, 59.3)],
  objects: {
    kommuner: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], id: '1280', properties: { name: 'Malmö' } },
        { type: 'Polygon', arcs: [[1]], id: '1281', properties: { name: 'Lund' } },
        { type: 'Polygon', arcs: [[2]], id: '0180', properties: { name: 'Stockholm' } },
      ],
    },
    lan: { type: 'GeometryCollection', geometries: [] },
  },
} as unknown as SwedenTopology;

function me(platformRole: string, coordinatorCountyCodes: string[]) {
  return {
    request: { query: ME },
    result: {
      data: {
        me: { __typename: 'User', id: 'u1', displayName: 'Helena Wallin', email: 'helena@skane.example.se', platformRole, coordinatorCountyCodes, memberships: [] },
      },
    },
    maxUsageCount: 10,
  };
}

const countiesMock = {
  request: { query: REGION_COUNTIES },
  result: {
    data: {
      counties: [
        { __typename: 'County', code: '01', name: 'Stockholms län' },
        { __typename: 'County', code: '12', name: 'Skåne län' },
        { __typename: 'County', code: '14', name: 'Västra Götalands län' },
      ],
    },
  },
  maxUsageCount: 10,
};

function area(code: string | null, name: string | null, gap: number, open: number) {
  return {
    __typename: 'InsightArea',
    municipalityCode: code,
    municipalityName: name,
    openNeeds: open,
    needsWithoutOffers: open - 1,
    supplyGapNeeds: gap,
    needsAwaitingMatching: 0,
    activePartnerships: 1,
    enterprises: 4,
  };
}

function insightsMock(countyCode: string, countyName: string, interval = 'MONTH') {
  return {
    request: { query: REGION_INSIGHTS, variables: { countyCode, interval, weakMatchBelow: 50 } },
    result: {
      data: {
        regionInsights: {
          __typename: 'RegionInsights',
          county: { __typename: 'County', code: countyCode, name: countyName },
          from: '2026-01-01',
          to: '2026-12-31',
          interval,
          weakMatchBelow: 50,
          generatedAt: '2026-12-07T09:30:00Z',
          region: area(null, null, 3, 7),
          municipalities: [area('1280', 'Malmö', 3, 5), area('1281', 'Lund', 0, 2)],
          timeline: [
            {
              __typename: 'InsightBucket',
              label: '2026-11',
              start: '2026-11-01',
              end: '2026-11-30',
              needsPublished: 4,
              partnershipsStarted: 1,
              impact: [
                { __typename: 'InsightBucketImpact', indicatorCode: 'HOURS', nameSv: 'Timmar arbetsträning', nameEn: 'Hours of work training', unit: 'HOURS', total: 412.5 },
              ],
            },
          ],
          partnershipsByStatus: [
            { __typename: 'InsightStatusCount', status: 'ACTIVE', partnerships: 2 },
            { __typename: 'InsightStatusCount', status: 'COMPLETED', partnerships: 0 },
            { __typename: 'InsightStatusCount', status: 'TERMINATED', partnerships: 0 },
          ],
          impactTotals: [],
          supplyGapByCpvDivision: [
            {
              __typename: 'InsightCpvDivisionGap',
              division: '90',
              labelSv: 'Avlopps-, avfalls-, renhållnings- och miljötjänster',
              labelEn: 'Sewage, refuse, cleaning and environmental services',
              openNeeds: 3,
              supplyGapNeeds: 2,
            },
          ],
          supplyGapBySdg: [
            {
              __typename: 'InsightSdgGap',
              sdg: 8,
              titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt',
              titleEn: 'Decent Work and Economic Growth',
              openNeeds: 5,
              supplyGapNeeds: 3,
            },
          ],
          enterprises: {
            __typename: 'InsightEnterprises',
            total: 4,
            registeredInRegion: 3,
            nationwide: 1,
            bySdg: [
              { __typename: 'InsightSdgCount', sdg: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent Work and Economic Growth', enterprises: 4 },
            ],
            byLegalForm: [
              { __typename: 'InsightLegalFormCount', legalForm: 'EKONOMISK_FORENING', enterprises: 3 },
              { __typename: 'InsightLegalFormCount', legalForm: null, enterprises: 1 },
            ],
          },
        },
      },
    },
    maxUsageCount: 5,
  };
}

const open = (path: string, mocks: unknown[]) => {
  signIn();
  renderAt(path, [{ path: '/region', element: <RegionPage topology={TOPOLOGY} /> }], mocks as never);
};

describe('the region overview', () => {
  afterEach(signOut);

  it('draws the län’s kommuner coloured by their gap, with a legend, a caption and SCB’s credit', async () => {
    open('/region', [me('COORDINATOR', ['12']), countiesMock, insightsMock('12', 'Skåne län')]);
    const figure = await screen.findByRole('figure', { name: /Behov utan passande företag per kommun i Skåne län/ });
    const map = within(figure).getByRole('group', { name: 'Karta över kommunerna i Skåne län' });
    const malmo = within(map).getByRole('link', { name: 'Malmö: 3 behov utan passande företag, 5 publicerade behov, 4 utan anbud' });
    expect(malmo).toHaveAttribute('href', '/behov?lan=12&kommun=1280');
    expect(within(map).getByRole('link', { name: /^Lund: 0 behov/ })).toBeInTheDocument();
    expect(within(map).queryByRole('link', { name: /Stockholm/ })).not.toBeInTheDocument();
    expect(map.querySelectorAll('path[data-code]')).toHaveLength(2);
    expect(map.querySelector('path[data-code="1280"]')?.getAttribute('d')).toMatch(/^M/);
    expect(map.querySelector('path[data-code="1280"]')?.getAttribute('fill')).not.toBe(map.querySelector('path[data-code="1281"]')?.getAttribute('fill'));
    expect(within(figure).getByText('Kartdata: SCB, Digitala gränser (CC0)')).toBeInTheDocument();
    expect(within(figure).getByText('0 behov')).toBeInTheDocument();

    fireEvent.focus(malmo);
    expect(within(figure).getByText('Malmö: 3 behov utan passande företag, 5 publicerade behov, 4 utan anbud', { selector: 'p' })).toBeInTheDocument();
    // The only län is in the address, so the page can be shared.
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/region?lan=12'));
    expect(screen.queryByRole('combobox', { name: /Län/ })).not.toBeInTheDocument();
  });

  it('lists every kommun in the table alternative, sortable, with the whole län at the foot', async () => {
    open('/region?lan=12', [me('COORDINATOR', ['12']), countiesMock, insightsMock('12', 'Skåne län')]);
    const table = await screen.findByRole('table', { name: 'Kommunerna i Skåne län' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .map((r) => within(r).queryAllByRole('rowheader')[0]?.textContent);
    expect(rows()).toEqual([undefined, 'Malmö', 'Lund', 'Hela länet']);
    expect(within(table).getByRole('link', { name: 'Lund' })).toHaveAttribute('href', '/behov?lan=12&kommun=1281');
    fireEvent.click(within(table).getByRole('button', { name: 'Kommun' }));
    expect(rows()).toEqual([undefined, 'Lund', 'Malmö', 'Hela länet']);
    expect(within(table).getByRole('columnheader', { name: 'Kommun' })).toHaveAttribute('aria-sort', 'ascending');
    // The other sections, as tables.
    expect(screen.getByRole('table', { name: 'Tidslinje' })).toHaveTextContent('Timmar arbetsträning: 412,5 timmar');
    expect(screen.getByRole('table', { name: 'Luckor i utbudet: Efter vad som köps' })).toHaveTextContent('90 Avlopps-, avfalls-, renhållnings- och miljötjänster');
    expect(screen.getByRole('table', { name: 'Sociala företag: Efter juridisk form' })).toHaveTextContent('Inte angiven');
    expect(screen.getByText('Inga bekräftade rapporter än.')).toBeInTheDocument();
  });

  it('lets a coordinator of two län choose one, and keeps the choice and the period in the address', async () => {
    open('/region?lan=01', [
      me('COORDINATOR', ['12', '01']),
      countiesMock,
      insightsMock('01', 'Stockholms län'),
      insightsMock('12', 'Skåne län'),
      insightsMock('12', 'Skåne län', 'QUARTER'),
    ]);
    const county = await screen.findByRole('combobox', { name: /^Län/ });
    expect(
      within(county)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Stockholms län', 'Skåne län']);
    await screen.findByRole('figure', { name: /i Stockholms län/ });
    fireEvent.change(county, { target: { value: '12' } });
    await screen.findByRole('figure', { name: /i Skåne län/ });
    expect(screen.getByTestId('where')).toHaveTextContent('/region?lan=12');
    fireEvent.change(screen.getByRole('combobox', { name: /^Period i tidslinjen/ }), { target: { value: 'QUARTER' } });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/region?lan=12&period=kvartal'));
  });

  it('downloads a section as a CSV file named after the län, the section and the day', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:region';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const csv = {
      request: { query: REGION_INSIGHTS_CSV, variables: { countyCode: '12', interval: 'MONTH', weakMatchBelow: 50, section: 'AREAS' } },
      result: { data: { regionInsightsCsv: 'municipality_code,open_needs\n1280,5\n' } },
    };
    open('/region?lan=12', [me('COORDINATOR', ['12']), countiesMock, insightsMock('12', 'Skåne län'), csv]);
    fireEvent.click(await screen.findByRole('button', { name: 'Ladda ner kommunerna som CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toMatch(/^samverka-skane-behov-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicked[0].getAttribute('href')).toBe('blob:region');
    expect(await created[0].text()).toContain('1280,5');
    click.mockRestore();
  });

  it('lets an administrator choose any län', async () => {
    open('/region', [me('ADMIN', []), countiesMock, insightsMock('01', 'Stockholms län')]);
    const county = await screen.findByRole('combobox', { name: /^Län/ });
    expect(within(county).getAllByRole('option')).toHaveLength(3);
    expect(screen.getByText('Som administratör kan du se alla län.')).toBeInTheDocument();
  });
});
