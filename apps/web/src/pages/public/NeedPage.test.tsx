import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setSession } from '../../api/tokens';
import { ME, SessionProvider } from '../../app/session';
import { CPV_PICKER_CODE } from '../../components/CpvPicker';
import { OFFER_CALLOUT } from '../offers/OfferCallout';
import type { NeedForm } from '../../gql/graphql';
import { NEED_PAGE_NEED, NeedPage } from './NeedPage';
import { NEEDS_PAGE_NAMES } from './needs-shared';

function needOf(form: NeedForm) {
  return {
    __typename: 'Need',
    id: 'need-1',
    title: 'Lokalvård i fem förskolor i Fosie – reserverat kontrakt',
    description: 'Malmö stad söker en leverantör av daglig lokalvård i fem förskolor.',
    wantedImpact: 'Minst sex personer som står långt från arbetsmarknaden har anställning i uppdraget.',
    form,
    status: 'PUBLISHED',
    budgetMinSek: 1_400_000,
    budgetMaxSek: 2_000_000,
    responseDeadline: '2027-01-11T13:31:00.000Z',
    publishedAt: '2026-12-07T10:00:00.000Z',
    municipalityCode: '1280',
    countyCode: '12',
    cpvCodes: ['90919300-5'],
    sdgs: [8],
    viewerCanManage: false,
    buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
  };
}

const sdgs = [{ __typename: 'Sdg', number: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent work' }];

type Profile = { workIntegrating: boolean; farFromLabourMarketShare: number | null; ideburen: boolean } | null;

function calloutMock(profile: Profile, offers: { id: string; status: string }[] = []) {
  return {
    request: { query: OFFER_CALLOUT, variables: { needId: 'need-1', organizationId: 'rent' } },
    result: {
      data: {
        need: {
          __typename: 'Need',
          id: 'need-1',
          offers: offers.map((o) => ({ __typename: 'Offer', ...o, enterpriseOrganizationId: 'rent', updatedAt: '2026-12-07T10:00:00.000Z' })),
        },
        enterpriseProfile: profile ? { __typename: 'EnterpriseProfile', organizationId: 'rent', ...profile } : null,
      },
    },
  };
}

function mocksFor(need: ReturnType<typeof needOf> | null, extra: object[] = []) {
  return [
    ...extra,
    { request: { query: NEED_PAGE_NEED, variables: { id: 'need-1' } }, result: { data: { need, sdgs } } },
    {
      request: { query: NEEDS_PAGE_NAMES },
      result: {
        data: {
          counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
          municipalities: [{ __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' }],
          cpvCodes: { __typename: 'CpvCodeConnection', nodes: [] },
        },
      },
    },
    {
      request: { query: CPV_PICKER_CODE, variables: { code: '90919300-5' } },
      result: { data: { cpvCode: { __typename: 'CpvCode', code: '90919300-5', labelSv: 'Städning av skolor', labelEn: 'School cleaning services' } } },
    },
    {
      request: { query: ME },
      result: {
        data: {
          me: {
            __typename: 'User',
            id: 'u1',
            displayName: 'Fatima',
            email: 'fatima@example.se',
            platformRole: 'USER',
            coordinatorCountyCodes: [],
            memberships: [
              {
                __typename: 'Membership',
                role: 'OWNER',
                organization: {
                  __typename: 'Organization',
                  id: 'rent',
                  name: 'Rent & Redo',
                  kind: 'SOCIAL_ENTERPRISE',
                  verified: true,
                  countyCode: '12',
                  municipalityCode: '1280',
                },
              },
            ],
          },
        },
      },
    },
  ];
}

function renderNeed(need: ReturnType<typeof needOf> | null, extra: object[] = []) {
  return render(
    <MockedProvider mocks={mocksFor(need, extra) as never}>
      <SessionProvider>
        <MemoryRouter initialEntries={['/behov/need-1']}>
          <Routes>
            <Route path="/behov/:needId" element={<NeedPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('a need’s page', () => {
  afterEach(() => {
    setSession(null);
    localStorage.clear();
  });

  it('says what, where, when and for how much, and who may bid on a reserved contract', async () => {
    renderNeed(needOf('RESERVED_CONTRACT'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lokalvård i fem förskolor i Fosie – reserverat kontrakt' })).toBeInTheDocument();
    expect(await screen.findAllByText('Malmö, Skåne län')).not.toHaveLength(0);
    expect(screen.getByText(/11 januari 2027 kl\. 14:31/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Upphandlingsform: Reserverad upphandling' })).toBeInTheDocument();
    expect(screen.getByText(/Bara arbetsintegrerande sociala företag får lämna anbud/)).toBeInTheDocument();
    expect(screen.getByText(/Minst 30 procent av de anställda ska vara sådana personer/)).toBeInTheDocument();
    expect(screen.getByText(/4 kap\. 18 § i lagen om offentlig upphandling/)).toBeInTheDocument();
    expect(await screen.findByText(/Städning av skolor/)).toBeInTheDocument();
    expect(screen.getByText('Mål 8: Anständiga arbetsvillkor och ekonomisk tillväxt')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Lämna anbud' })).not.toBeInTheDocument();
  });

  it('says an IOP is for idéburna organisations', async () => {
    renderNeed(needOf('IOP'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Upphandlingsform: Idéburet offentligt partnerskap (IOP)' })).toBeInTheDocument();
    expect(screen.getByText(/Bara idéburna organisationer kan bli part/)).toBeInTheDocument();
  });

  it('says so when the need does not exist, with a way back to the search', async () => {
    renderNeed(null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Behovet finns inte' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sök bland alla behov' })).toHaveAttribute('href', '/behov');
  });

  const signedIn = () =>
    setSession({ accessToken: 'token', accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', displayName: 'Fatima', platformRole: 'USER' } });
  const open = (form: NeedForm) => ({ ...needOf(form), responseDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString() });

  it('lets a signed-in enterprise that may answer a reserved contract make an offer', async () => {
    signedIn();
    renderNeed(open('RESERVED_CONTRACT'), [calloutMock({ workIntegrating: true, farFromLabourMarketShare: 70, ideburen: false })]);
    expect(await screen.findByText('Ni är inloggade för Rent & Redo, som får svara på behovet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lämna anbud' })).toHaveAttribute('href', '/behov/need-1/anbud');
  });

  it('tells an enterprise with too few employees far from the labour market why it may not answer a reserved contract', async () => {
    signedIn();
    renderNeed(open('RESERVED_CONTRACT'), [calloutMock({ workIntegrating: true, farFromLabourMarketShare: 20, ideburen: false })]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Ni kan inte lämna anbud på det här behovet' })).toBeInTheDocument();
    expect(screen.getByText(/Minst 30 procent av de anställda ska stå långt från arbetsmarknaden\. Er profil anger 20 procent\./)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Lämna anbud' })).not.toBeInTheDocument();
  });

  it('leads an enterprise with a draft back to it', async () => {
    signedIn();
    renderNeed(open('IOP'), [calloutMock({ workIntegrating: false, farFromLabourMarketShare: null, ideburen: true }, [{ id: 'o1', status: 'DRAFT' }])]);
    expect(await screen.findByText('Ni har börjat skriva ett anbud på behovet. Det är sparat som utkast.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fortsätt med anbudet' })).toHaveAttribute('href', '/behov/need-1/anbud');
  });

  it('leads the buyer to its matches and offers', async () => {
    signedIn();
    renderNeed({ ...open('DIRECT_AWARD'), viewerCanManage: true });
    expect(await screen.findByRole('link', { name: 'Matchningar och anbud' })).toHaveAttribute('href', '/mina-behov/need-1');
    expect(screen.queryByRole('link', { name: 'Lämna anbud' })).not.toBeInTheDocument();
  });
});
