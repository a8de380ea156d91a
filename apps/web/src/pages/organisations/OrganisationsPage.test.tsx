import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { Component as OrganisationsPage, TO_VERIFY, VERIFY } from './OrganisationsPage';
import { LOW_READINESS, READINESS_MAX } from './ReadinessList';
import { renderAt, signIn, signOut, staffMock } from './test-support';

const places = {
  request: { query: PLACE_PICKER_PLACES },
  result: {
    data: {
      counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
      municipalities: [{ __typename: 'Municipality', code: '1281', name: 'Lund', countyCode: '12' }],
    },
  },
};

const organization = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Organization',
  id: 'o1',
  name: 'Nya Gröna Händer',
  kind: 'SOCIAL_ENTERPRISE',
  organisationsnummer: '802456-7896',
  municipalityCode: '1281',
  countyCode: '12',
  createdAt: '2026-12-01T10:00:00.000Z',
  website: 'https://gronahander.example.se',
  verified: false,
  verifiedAt: null,
  version: 1,
  members: [{ __typename: 'Membership', role: 'OWNER', user: { __typename: 'User', id: 'u9', displayName: 'Ola Ägare', email: 'ola@gronahander.example.se' } }],
  ...overrides,
});

const waiting = (nodes: ReturnType<typeof organization>[]) => ({
  request: { query: TO_VERIFY, variables: { countyCode: '12' } },
  result: { data: { organizations: { __typename: 'OrganizationConnection', totalCount: nodes.length, nodes } } },
});

const readiness = {
  request: { query: LOW_READINESS, variables: { countyCode: '12', max: READINESS_MAX } },
  result: {
    data: {
      enterprises: {
        __typename: 'EnterpriseProfileConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes: [
          {
            __typename: 'EnterpriseProfile',
            organizationId: 'e1',
            readiness: {
              __typename: 'Readiness',
              score: 55,
              missing: [{ __typename: 'ReadinessItem', item: 'capacity', advice: 'Ange hur stora uppdrag ni kan ta.' }],
            },
            organization: {
              __typename: 'Organization',
              id: 'e1',
              name: 'Smakverket',
              members: [{ __typename: 'Membership', role: 'OWNER', user: { __typename: 'User', id: 'u7', email: 'info@smakverket.example.se' } }],
            },
          },
        ],
      },
    },
  },
};

beforeEach(() => signIn());
afterEach(() => signOut());

describe('the region’s organisations', () => {
  it('verifies a waiting organisation after a dialog that says what happens, and says so politely', async () => {
    const user = userEvent.setup();
    renderAt(
      '/organisationer',
      [{ path: '/organisationer', element: <OrganisationsPage /> }],
      [
        staffMock(),
        places,
        waiting([organization()]),
        readiness,
        {
          request: { query: VERIFY, variables: { input: { organizationId: 'o1', verified: true } } },
          result: {
            data: {
              verifyOrganization: { __typename: 'VerifyOrganizationPayload', organization: organization({ verified: true, verifiedAt: '2026-12-07T10:00:00.000Z', version: 2 }) },
            },
          },
        },
        waiting([]),
      ],
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Organisationer' })).toBeInTheDocument();
    const card = await screen.findByRole('listitem', { name: 'Nya Gröna Händer' });
    expect(within(card).getByText('802456-7896')).toBeInTheDocument();
    expect(within(card).getByText(/ola@gronahander.example.se/)).toBeInTheDocument();
    expect(await within(card).findByText('Lund')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Verifiera Nya Gröna Händer' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/publicerade behov för alla/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, verifiera' }));

    const said = await screen.findByText('Nya Gröna Händer är verifierad. Dess behov visas nu för andra.');
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(await screen.findByText('Inga organisationer väntar på att verifieras.')).toBeInTheDocument();
  });

  it('lists profiles with low readiness, what they lack, and whom to write to', async () => {
    renderAt('/organisationer', [{ path: '/organisationer', element: <OrganisationsPage /> }], [staffMock(), places, waiting([]), readiness]);
    const section = await screen.findByRole('region', { name: 'Profiler som behöver hjälp' });
    expect(await within(section).findByRole('link', { name: 'Smakverket' })).toHaveAttribute('href', '/foretag/e1');
    expect(within(section).getByText('55 % klar')).toBeInTheDocument();
    expect(within(section).getByText('Ange hur stora uppdrag ni kan ta.')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'info@smakverket.example.se' })).toHaveAttribute('href', 'mailto:info@smakverket.example.se');
  });
});
