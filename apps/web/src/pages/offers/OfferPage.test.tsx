import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setSession } from '../../api/tokens';
import { ME, SessionProvider } from '../../app/session';
import { watchFocus } from '../accounts/test-support';
import { CREATE_OFFER, OFFER_PAGE, OfferPage, SUBMIT_OFFER, UPDATE_OFFER, WITHDRAW_OFFER } from './OfferPage';

const NEED_ID = 'need-1';
const ORG = 'rent';
const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };

const me = {
  request: { query: ME },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        displayName: 'Fatima Yusuf',
        email: 'fatima@example.se',
        platformRole: 'USER',
        coordinatorCountyCodes: [],
        memberships: [
          {
            __typename: 'Membership',
            role: 'OWNER',
            organization: { __typename: 'Organization', id: ORG, name: 'Rent & Redo', kind: 'SOCIAL_ENTERPRISE', verified: true, countyCode: '12', municipalityCode: '1280' },
          },
        ],
      },
    },
  },
};

type OfferFields = { id: string; status: string; message: string; priceSek: number | null; proposedOutcomes: string; version: number; submittedAt?: string | null };

function offer(fields: OfferFields) {
  return {
    __typename: 'Offer',
    needId: NEED_ID,
    enterpriseOrganizationId: ORG,
    submittedAt: null,
    decidedAt: null,
    declineReason: null,
    updatedAt: '2026-12-07T13:31:00.000Z',
    ...fields,
  };
}

function pageMock(
  offers: ReturnType<typeof offer>[],
  profile: { workIntegrating: boolean; farFromLabourMarketShare: number | null; ideburen: boolean } = { workIntegrating: true, farFromLabourMarketShare: 70, ideburen: true },
) {
  return {
    request: { query: OFFER_PAGE, variables: { needId: NEED_ID, organizationId: ORG } },
    result: {
      data: {
        need: {
          __typename: 'Need',
          id: NEED_ID,
          title: 'Lokalvård i fem förskolor i Fosie',
          form: 'RESERVED_CONTRACT',
          status: 'PUBLISHED',
          responseDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          budgetMinSek: 1_400_000,
          budgetMaxSek: 2_000_000,
          buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
          offers,
        },
        enterpriseProfile: { __typename: 'EnterpriseProfile', organizationId: ORG, ...profile },
      },
    },
    maxUsageCount: 5,
  };
}

function renderOffer(mocks: MockLink.MockedResponse[]) {
  setSession({ accessToken: 'token', accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', displayName: 'Fatima Yusuf', platformRole: 'USER' } });
  return render(
    <MockedProvider mocks={[me, ...mocks]}>
      <SessionProvider>
        <MemoryRouter initialEntries={[`/behov/${NEED_ID}/anbud`]}>
          <Routes>
            <Route path="/behov/:needId/anbud" element={<OfferPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

const SAVE = { timeout: 4000 };
const status = () => screen.getAllByRole('status').find((e) => e.tagName === 'P')!;

describe('the offer form', () => {
  let focus: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    focus = watchFocus();
  });
  afterEach(() => {
    focus.restore();
    setSession(null);
    localStorage.clear();
  });

  it('saves the draft as it is typed, creating the offer first, and says so quietly', async () => {
    const user = userEvent.setup();
    const created = vi.fn();
    const updated = vi.fn();
    renderOffer([
      pageMock([]),
      {
        request: {
          query: CREATE_OFFER,
          variables: { input: { needId: NEED_ID, enterpriseOrganizationId: ORG, message: 'Vi städar sju förskolor.', proposedOutcomes: '', priceSek: null } },
        },
        result: () => {
          created();
          return {
            data: {
              createOffer: {
                __typename: 'CreateOfferPayload',
                offer: offer({ id: 'o1', status: 'DRAFT', message: 'Vi städar sju förskolor.', priceSek: null, proposedOutcomes: '', version: 1 }),
              },
            },
          };
        },
      },
      {
        request: { query: UPDATE_OFFER, variables: { input: { offerId: 'o1', version: 1, message: 'Vi städar sju förskolor.', proposedOutcomes: '', priceSek: 1_850_000 } } },
        result: () => {
          updated();
          return {
            data: {
              updateOffer: {
                __typename: 'UpdateOfferPayload',
                offer: {
                  ...offer({ id: 'o1', status: 'DRAFT', message: 'Vi städar sju förskolor.', priceSek: 1_850_000, proposedOutcomes: '', version: 2 }),
                  updatedAt: '2026-12-07T13:32:00.000Z',
                },
              },
            },
          };
        },
      },
    ]);
    const message = await screen.findByRole('textbox', { name: 'Vad erbjuder ni?' });
    expect(message).toHaveAccessibleDescription(/Högst 5 000 tecken/);
    expect(screen.getByRole('heading', { level: 1, name: 'Ert anbud' })).toBeInTheDocument();

    await user.type(message, 'Vi städar sju förskolor.');
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1), SAVE);
    await waitFor(() => expect(status()).toHaveTextContent('Utkast sparat kl. 14:31'));

    await user.type(screen.getByRole('textbox', { name: 'Pris i kronor' }), '1 850 000');
    await waitFor(() => expect(updated).toHaveBeenCalledTimes(1), SAVE);
    await waitFor(() => expect(status()).toHaveTextContent('Utkast sparat kl. 14:32'));
    expect(created).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Ta bort utkastet' })).toBeInTheDocument();
  });

  it('names a price that is not whole kronor on its field, and keeps saving the rest', async () => {
    const user = userEvent.setup();
    const updated = vi.fn();
    renderOffer([
      pageMock([offer({ id: 'o1', status: 'DRAFT', message: 'Vi städar.', priceSek: null, proposedOutcomes: '', version: 3 })]),
      {
        request: { query: UPDATE_OFFER, variables: { input: { offerId: 'o1', version: 3, message: 'Vi städar.', proposedOutcomes: '' } } },
        result: () => {
          updated();
          return {
            data: {
              updateOffer: {
                __typename: 'UpdateOfferPayload',
                offer: offer({ id: 'o1', status: 'DRAFT', message: 'Vi städar.', priceSek: null, proposedOutcomes: '', version: 4 }),
              },
            },
          };
        },
      },
    ]);
    const price = await screen.findByRole('textbox', { name: 'Pris i kronor' });
    expect(screen.getByRole('textbox', { name: 'Vad erbjuder ni?' })).toHaveValue('Vi städar.');
    await user.type(price, 'fyrahundra');
    await waitFor(() => expect(updated).toHaveBeenCalledTimes(1), SAVE);
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription(expect.stringContaining('Skriv priset i hela kronor med bara siffror, till exempel 450000.'));
    await waitFor(() => expect(status()).toHaveTextContent('Utkastet sparas när priset är rättat.'));
  });

  it('on a submit with fields missing, lists them in a summary that takes focus and links to each field', async () => {
    const user = userEvent.setup();
    renderOffer([pageMock([])]);
    await user.click(await screen.findByRole('button', { name: 'Skicka in anbudet' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Skriv vad ni erbjuder.' })).toHaveAttribute('href', '#offer-message');
    expect(within(summary).getByRole('link', { name: 'Ange ett pris i hela kronor.' })).toHaveAttribute('href', '#offer-priceSek');
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    expect(screen.getByRole('textbox', { name: 'Vad erbjuder ni?' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('places the API’s refusal of a submit on its field, keeping what was typed', async () => {
    const user = userEvent.setup();
    const problem = 'Priset får vara högst 100 000 000 000 kronor.';
    renderOffer([
      pageMock([offer({ id: 'o1', status: 'DRAFT', message: 'Vi städar.', priceSek: 1_850_000, proposedOutcomes: 'Sex jobb.', version: 2 })]),
      {
        request: { query: SUBMIT_OFFER, variables: { input: { offerId: 'o1', version: 2 } } },
        result: {
          errors: [new GraphQLError('1 uppgift behöver rättas.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['priceSek'], code: 'RANGE', message: problem }] } })],
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Skicka in anbudet' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: problem })).toHaveAttribute('href', '#offer-priceSek');
    const price = screen.getByRole('textbox', { name: 'Pris i kronor' });
    expect(price).toHaveAccessibleDescription(expect.stringContaining(problem));
    expect(price).toHaveValue('1850000');
    expect(screen.getByRole('textbox', { name: 'Vilken social nytta blir det? (frivilligt)' })).toHaveValue('Sex jobb.');
  });

  it('submits the draft: the buyer sees it now, and it can no longer be changed, only withdrawn', async () => {
    const user = userEvent.setup();
    const draft = { id: 'o1', message: 'Vi städar.', priceSek: 1_850_000, proposedOutcomes: '', version: 2 };
    renderOffer([
      pageMock([offer({ ...draft, status: 'DRAFT' })]),
      {
        request: { query: SUBMIT_OFFER, variables: { input: { offerId: 'o1', version: 2 } } },
        result: {
          data: { submitOffer: { __typename: 'SubmitOfferPayload', offer: offer({ ...draft, status: 'SUBMITTED', version: 3, submittedAt: '2026-12-07T13:40:00.000Z' }) } },
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Skicka in anbudet' }));
    expect(await screen.findByText('Anbudet är inskickat. Malmö stad kan se det nu.')).toBeInTheDocument();
    expect(screen.getByText('Inskickat')).toBeInTheDocument();
    expect(screen.getByText(/Ett inskickat anbud går inte att ändra/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Vad erbjuder ni?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Återkalla anbudet' })).toBeInTheDocument();
  });

  it('withdraws a submitted offer after asking, and starts a new one from what was sent', async () => {
    const user = userEvent.setup();
    const sent = { id: 'o1', message: 'Vi städar.', priceSek: 1_850_000, proposedOutcomes: 'Sex jobb.', submittedAt: '2026-12-06T09:00:00.000Z' };
    renderOffer([
      pageMock([offer({ ...sent, status: 'SUBMITTED', version: 3 })]),
      {
        request: { query: WITHDRAW_OFFER, variables: { input: { offerId: 'o1', version: 3 } } },
        result: {
          data: { withdrawOffer: { __typename: 'WithdrawOfferPayload', offer: { ...offer({ ...sent, status: 'WITHDRAWN', version: 4 }), decidedAt: '2026-12-07T13:45:00.000Z' } } },
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Återkalla anbudet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Återkalla anbudet?' });
    expect(dialog).toHaveTextContent(/Köparen ser inte längre anbudet/);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, återkalla anbudet' }));
    expect(await screen.findByText('Anbudet är återkallat.')).toBeInTheDocument();
    expect(screen.getByText(/Ert förra anbud återkallades 7 december 2026\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Vad erbjuder ni?' })).toHaveValue('Vi städar.');
    expect(screen.getByRole('textbox', { name: 'Pris i kronor' })).toHaveValue('1850000');
  });

  it('tells an enterprise that may not answer a reserved contract why, with no form', async () => {
    renderOffer([pageMock([], { workIntegrating: false, farFromLabourMarketShare: null, ideburen: true })]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Ni kan inte lämna anbud på det här behovet' })).toBeInTheDocument();
    expect(screen.getByText(/Er profil är inte markerad som arbetsintegrerande\./)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
