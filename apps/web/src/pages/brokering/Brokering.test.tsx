import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { meMock, renderAt, signIn, signOut } from '../buyer/test-support';
import { BrokeredPartnershipPage, BROKERED_PARTNERSHIP_INTRODUCTION, BROKERED_PARTNERSHIP_PARTIES, CREATE_PARTNERSHIP } from './BrokeredPartnershipPage';
import { BrokeringNeedPage, BROKERING_NEED, INTRODUCE_ENTERPRISE } from './BrokeringNeedPage';
import { BROKERING_PAGE, BrokeringPage, WITHDRAW_INTRODUCTION } from './BrokeringPage';

/** The demo's coordinator of Skåne. */
function coordinatorMock() {
  const mock = meMock('MUNICIPALITY');
  const me = mock.result.data.me;
  return { ...mock, result: { data: { me: { ...me, platformRole: 'COORDINATOR', coordinatorCountyCodes: ['12'], memberships: [] } } } };
}

const placesMock = {
  request: { query: PLACE_PICKER_PLACES },
  result: {
    data: {
      counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
      municipalities: [
        { __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' },
        { __typename: 'Municipality', code: '1281', name: 'Lund', countyCode: '12' },
      ],
    },
  },
  maxUsageCount: 10,
};

const buyer = { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' };
const rent = { __typename: 'Organization', id: 'rent', name: 'Rent & Redo' };

function introduction(id: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Introduction',
    id,
    version: 1,
    status,
    note: 'Rent & Redo städar redan två förskolor i Malmö.',
    responseNote: status === 'ACCEPTED' ? 'Vi lämnar gärna anbud.' : '',
    createdAt: '2026-12-01T09:00:00Z',
    respondedAt: status === 'ACCEPTED' ? '2026-12-02T09:00:00Z' : null,
    partnership: null,
    need: { __typename: 'Need', id: 'n1', title: 'Lokalvård i förskolor', buyer },
    enterprise: rent,
    coordinator: { __typename: 'User', id: 'u1', displayName: 'Anna Lindqvist' },
    ...extra,
  };
}

const pageMock = {
  request: { query: BROKERING_PAGE, variables: { countyCode: '12' } },
  result: {
    data: {
      needsWithoutOffers: {
        __typename: 'NeedWithoutOffersConnection',
        totalCount: 1,
        nodes: [
          {
            __typename: 'NeedWithoutOffers',
            bestMatchScore: 71.4,
            matchCount: 3,
            introductionCount: 0,
            hasIntroductions: false,
            need: { __typename: 'Need', id: 'n2', title: 'Snöröjning i Oxie', responseDeadline: '2026-12-10T15:00:00Z', buyer },
          },
        ],
      },
      needs: { __typename: 'NeedConnection', totalCount: 0, nodes: [] },
      introductions: {
        __typename: 'IntroductionConnection',
        totalCount: 3,
        nodes: [
          introduction('i2', 'PROPOSED', { enterprise: { __typename: 'Organization', id: 'puts', name: 'Putsbolaget' } }),
          introduction('i1', 'ACCEPTED'),
          introduction('i3', 'ACCEPTED', {
            enterprise: { __typename: 'Organization', id: 'stad', name: 'Städarna' },
            responseNote: 'Gärna, vi har folk i Fosie.',
            partnership: { __typename: 'Partnership', id: 'p1', title: 'Lokalvård i Fosie' },
          }),
        ],
      },
    },
  },
};

describe('the coordinator’s brokering', () => {
  afterEach(signOut);

  it('shows the work list and the introductions by status, and withdraws a proposed one after asking', async () => {
    signIn();
    const withdraw = {
      request: { query: WITHDRAW_INTRODUCTION, variables: { input: { introductionId: 'i2', version: 1 } } },
      result: {
        data: { withdrawIntroduction: { __typename: 'WithdrawIntroductionPayload', introduction: { __typename: 'Introduction', id: 'i2', version: 2, status: 'WITHDRAWN' } } },
      },
    };
    renderAt('/formedling', [{ path: '/formedling', element: <BrokeringPage /> }], [coordinatorMock(), placesMock, pageMock, withdraw]);
    const work = await screen.findByRole('table');
    expect(within(work).getByRole('link', { name: 'Snöröjning i Oxie' })).toHaveAttribute('href', '/formedling/behov/n2');
    expect(within(work).getByText('71 av 100')).toBeInTheDocument();
    expect(within(work).getByText('Inga ännu')).toBeInTheDocument();

    const accepted = screen.getByRole('region', { name: 'Accepterade (2)' });
    expect(within(accepted).getByText('Vi lämnar gärna anbud.')).toBeInTheDocument();
    expect(within(accepted).getByRole('link', { name: /Registrera samarbete\s*:\s*Rent & Redo/ })).toHaveAttribute('href', '/formedling/samarbete?introduktion=i1');
    // One that became a partnership leads to it instead of recording another.
    expect(within(accepted).getByRole('link', { name: 'Blev samarbetet ”Lokalvård i Fosie”' })).toHaveAttribute('href', '/samarbeten/p1');
    expect(within(accepted).queryByRole('link', { name: /Registrera samarbete\s*:\s*Städarna/ })).not.toBeInTheDocument();

    const proposed = screen.getByRole('region', { name: 'Föreslagna, väntar på svar (1)' });
    await userEvent.click(within(proposed).getByRole('button', { name: 'Dra tillbaka introduktionen av Putsbolaget' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Putsbolaget får inte längre frågan om behovet ”Lokalvård i förskolor”/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, dra tillbaka' }));
    expect(await screen.findByText('Introduktionen av Putsbolaget är tillbakadragen.')).toBeInTheDocument();
  });

  it('tells someone who is not a coordinator what the page is for', async () => {
    signIn();
    renderAt('/formedling', [{ path: '/formedling', element: <BrokeringPage /> }], [meMock('MUNICIPALITY')]);
    expect(await screen.findByText(/Förmedling är för regionala samordnare/)).toBeInTheDocument();
  });
});

const needMock = {
  request: { query: BROKERING_NEED, variables: { id: 'n2' } },
  result: {
    data: {
      need: {
        __typename: 'Need',
        id: 'n2',
        title: 'Snöröjning i Oxie',
        status: 'PUBLISHED',
        form: 'RESERVED_CONTRACT',
        description: 'Snöröjning av gång- och cykelvägar.',
        wantedImpact: 'Två personer i arbetsträning',
        budgetMinSek: 100_000,
        budgetMaxSek: 200_000,
        responseDeadline: '2099-12-10T15:00:00Z',
        buyer: { ...buyer, countyCode: '12' },
        matchStatus: { __typename: 'MatchStatus', state: 'CURRENT', computedAt: '2026-12-01T09:00:00Z' },
        matches: {
          __typename: 'MatchConnection',
          totalCount: 1,
          nodes: [
            {
              __typename: 'Match',
              score: 64,
              enterprise: { __typename: 'Organization', id: 'puts', name: 'Putsbolaget' },
              components: [{ __typename: 'MatchComponent', name: 'category', value: 0.8, weight: 0.3, applicable: true }],
              reasons: [{ __typename: 'MatchReason', code: 'CPV', sv: 'Arbetar med snöröjning', en: 'Works with snow clearing' }],
            },
          ],
        },
        introductions: [],
      },
    },
  },
  maxUsageCount: 3,
};

describe('a need seen by the coordinator', () => {
  afterEach(signOut);

  it('introduces a match with a note begun from the matcher’s reasons, and shows the API’s refusal on the field', async () => {
    signIn();
    const note = 'Matchningen föreslår företaget för att:\n– Arbetar med snöröjning';
    const refused = {
      request: { query: INTRODUCE_ENTERPRISE, variables: { input: { needId: 'n2', enterpriseOrganizationId: 'puts', note } } },
      result: {
        errors: [
          new GraphQLError('Uppgifterna behöver rättas.', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ path: ['input', 'enterpriseOrganizationId'], code: 'NOT_ELIGIBLE', message: 'Företaget får inte lämna anbud på en reserverad upphandling.' }],
            },
          }),
        ],
      },
    };
    renderAt('/formedling/behov/n2', [{ path: '/formedling/behov/:needId', element: <BrokeringNeedPage /> }], [coordinatorMock(), placesMock, needMock, refused]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Snöröjning i Oxie' })).toBeInTheDocument();
    expect(screen.getByText('Arbetar med snöröjning')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Introducera Putsbolaget' }));
    const form = await screen.findByRole('region', { name: 'Introducera Putsbolaget' });
    await userEvent.click(within(form).getByRole('button', { name: 'Börja med matchningens skäl' }));
    expect(within(form).getByLabelText('Motivering')).toHaveValue(note);
    await userEvent.click(within(form).getByRole('button', { name: 'Skicka introduktionen' }));
    expect(await within(form).findAllByText('Företaget får inte lämna anbud på en reserverad upphandling.')).not.toHaveLength(0);
  });

  it('asks for a note before sending', async () => {
    signIn();
    renderAt('/formedling/behov/n2', [{ path: '/formedling/behov/:needId', element: <BrokeringNeedPage /> }], [coordinatorMock(), placesMock, needMock]);
    await userEvent.click(await screen.findByRole('button', { name: 'Introducera Putsbolaget' }));
    const form = await screen.findByRole('region', { name: 'Introducera Putsbolaget' });
    await userEvent.click(within(form).getByRole('button', { name: 'Skicka introduktionen' }));
    expect(await within(form).findAllByText('Skriv en motivering.')).not.toHaveLength(0);
  });
});

describe('recording a brokered partnership', () => {
  afterEach(signOut);

  it('is prefilled from an accepted introduction and opens the partnership once recorded', async () => {
    signIn();
    const introductionMock = {
      request: { query: BROKERED_PARTNERSHIP_INTRODUCTION, variables: { id: 'i1' } },
      result: {
        data: {
          introduction: {
            __typename: 'Introduction',
            id: 'i1',
            status: 'ACCEPTED',
            countyCode: '12',
            enterprise: rent,
            need: {
              __typename: 'Need',
              id: 'n1',
              title: 'Lokalvård i förskolor',
              description: 'Daglig lokalvård.',
              cpvCodes: [],
              sdgs: [8],
              municipalityCode: '1280',
              buyer,
            },
          },
        },
      },
    };
    const partiesMock = {
      request: { query: BROKERED_PARTNERSHIP_PARTIES, variables: { countyCode: '12' } },
      result: { data: { buyers: { __typename: 'OrganizationConnection', nodes: [buyer] }, enterprises: { __typename: 'OrganizationConnection', nodes: [rent] } } },
    };
    const createMock = {
      request: {
        query: CREATE_PARTNERSHIP,
        variables: {
          input: {
            buyerOrganizationId: 'malmo',
            enterpriseOrganizationId: 'rent',
            title: 'Lokalvård i förskolor',
            description: 'Daglig lokalvård.',
            cpvCodes: [],
            sdgs: [8],
            municipalityCode: '1280',
            startsOn: null,
            endsOn: null,
            reportEveryMonths: 6,
            introductionId: 'i1',
          },
        },
      },
      result: {
        data: {
          createPartnership: {
            __typename: 'CreatePartnershipPayload',
            partnership: { __typename: 'Partnership', id: 'p9', version: 1, title: 'Lokalvård i förskolor', status: 'ACTIVE' },
          },
        },
      },
    };
    renderAt(
      '/formedling/samarbete?introduktion=i1',
      [
        { path: '/formedling/samarbete', element: <BrokeredPartnershipPage /> },
        { path: '/samarbeten/:id', element: <p>Samarbetet</p> },
      ],
      [coordinatorMock(), placesMock, introductionMock, partiesMock, createMock],
    );
    expect(await screen.findByText(/Uppgifterna kommer från introduktionen av Rent & Redo/)).toBeInTheDocument();
    expect(await screen.findByLabelText('Rubrik')).toHaveValue('Lokalvård i förskolor');
    await waitFor(() => expect(screen.getByLabelText('Köpare')).toHaveValue('malmo'));
    await waitFor(() => expect(screen.getByLabelText('Socialt företag')).toHaveValue('rent'));
    await waitFor(() => expect(screen.getByLabelText('Kommun där arbetet görs')).toHaveValue('1280'));
    await userEvent.selectOptions(screen.getByLabelText('Hur ofta företaget rapporterar effekter'), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Registrera samarbetet' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/samarbeten/p9'));
  });
});
