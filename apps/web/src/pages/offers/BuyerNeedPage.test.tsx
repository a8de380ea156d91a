import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { i18n } from '../../i18n';
import { ACCEPT_OFFER, BUYER_NEED, BuyerNeedPage, DECLINE_OFFER, INVITE_TO_OFFER, MATCHES_SHOWN, SHORTLIST_OFFER } from './BuyerNeedPage';

const NEED_ID = 'need-1';

function offerOf(id: string, enterprise: string, status: string, priceSek: number, message: string) {
  return {
    __typename: 'Offer',
    id,
    status,
    message,
    priceSek,
    proposedOutcomes: `${enterprise} anställer två personer.`,
    submittedAt: '2026-12-01T09:00:00.000Z',
    decidedAt: null,
    declineReason: null,
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 2,
    enterpriseOrganizationId: `org-${id}`,
    enterprise: { __typename: 'Organization', id: `org-${id}`, name: enterprise },
  };
}

const components = (text: number, category: number) => [
  { __typename: 'MatchComponent', name: 'text', value: text, weight: 0.3, applicable: true },
  { __typename: 'MatchComponent', name: 'category', value: category, weight: 0.3, applicable: true },
  { __typename: 'MatchComponent', name: 'sdg', value: 0, weight: 0.1, applicable: false },
];

function needMock(
  offers = [offerOf('a', 'Rent & Redo', 'SUBMITTED', 1_850_000, 'Sju förskolor i dag.'), offerOf('b', 'Omtanken', 'SUBMITTED', 1_720_000, 'Ett nytt lag i Fosie.')],
) {
  return {
    request: { query: BUYER_NEED, variables: { id: NEED_ID, matches: MATCHES_SHOWN } },
    result: {
      data: {
        need: {
          __typename: 'Need',
          id: NEED_ID,
          title: 'Lokalvård i fem förskolor i Fosie',
          status: 'PUBLISHED',
          form: 'RESERVED_CONTRACT',
          version: 3,
          budgetMinSek: 1_400_000,
          budgetMaxSek: 2_000_000,
          responseDeadline: '2027-01-11T13:31:00.000Z',
          viewerCanManage: true,
          buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
          matchStatus: { __typename: 'MatchStatus', state: 'UP_TO_DATE', computedAt: '2026-12-07T09:00:00.000Z' },
          matches: {
            __typename: 'MatchConnection',
            totalCount: 2,
            nodes: [
              {
                __typename: 'Match',
                score: 82.4,
                enterprise: { __typename: 'Organization', id: 'org-a', name: 'Rent & Redo' },
                components: components(0.72, 0.95),
                reasons: [{ __typename: 'MatchReason', code: 'category.sameCode', sv: 'Samma CPV-kod: Städning av skolor.', en: 'Same CPV code: Cleaning of schools.' }],
              },
              {
                __typename: 'Match',
                score: 61,
                enterprise: { __typename: 'Organization', id: 'org-c', name: 'Glansverket' },
                components: components(0.5, 0.6),
                reasons: [{ __typename: 'MatchReason', code: 'geography.sameCounty', sv: 'Verkar i Skåne län.', en: 'Works in Skåne County.' }],
              },
            ],
          },
          invitations: [] as { __typename: 'NeedInvitation'; id: string; organizationId: string; createdAt: string }[],
          introductions: [
            {
              __typename: 'Introduction',
              id: 'intro-1',
              status: 'ACCEPTED',
              note: 'Omtanken har städat förskolor i Rosengård i tre år.',
              responseNote: 'Vi lämnar gärna anbud.',
              createdAt: '2026-12-02T10:00:00.000Z',
              respondedAt: '2026-12-03T08:00:00.000Z',
              enterprise: { __typename: 'Organization', id: 'org-b', name: 'Omtanken' },
              coordinator: { __typename: 'User', id: 'user-c', displayName: 'Petra Nilsson' },
            },
          ],
          offers,
        },
      },
    },
    maxUsageCount: 3,
  };
}

function renderBuyer(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[`/mina-behov/${NEED_ID}`]}>
        <Routes>
          <Route path="/mina-behov/:needId" element={<BuyerNeedPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the buyer’s offers and matches on its need', () => {
  it('shows the offers side by side with price, match and content, and the matches with their parts as bars in words', async () => {
    renderBuyer([needMock()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lokalvård i fem förskolor i Fosie' })).toBeInTheDocument();
    const offers = screen.getByRole('heading', { level: 2, name: 'Anbud (2)' }).closest('section')!;
    const cards = within(offers).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual(['Rent & Redo', 'Omtanken']);
    expect(within(cards[0]).getByText('1 850 000 kr')).toBeInTheDocument();
    expect(within(cards[0]).getByText('82 av 100')).toBeInTheDocument();
    expect(within(cards[1]).getByText('Inte bland de bästa matchningarna')).toBeInTheDocument();
    expect(within(cards[1]).getByText('Ett nytt lag i Fosie.')).toBeInTheDocument();

    const matches = screen.getByRole('heading', { level: 2, name: 'Företag som passar' }).closest('section')!;
    const first = within(matches).getByRole('listitem', { name: '1. Rent & Redo' });
    expect(within(first).getByText('Har lämnat anbud')).toBeInTheDocument();
    expect(within(first).getByText('82 av 100')).toBeInTheDocument();
    // Each part: its name, its value in words (with its weight for screen readers), and a bar hidden from them.
    expect(within(first).getByText('CPV-koder').nextElementSibling).toHaveTextContent('95 av 100, väger 30 %');
    expect(within(first).getByText('Globala mål').nextElementSibling).toHaveTextContent('Gäller inte behovet');
    expect(first.querySelectorAll('.offers-bar[aria-hidden="true"]')).toHaveLength(3);
    expect(within(first).getByText('Samma CPV-kod: Städning av skolor.')).toBeInTheDocument();
    expect(within(matches).getByRole('listitem', { name: '2. Glansverket' })).toBeInTheDocument();

    // The coordinators' introductions: to whom, by whom, the note and the enterprise's answer.
    const introductions = screen.getByRole('heading', { level: 2, name: 'Introduktion från samordnare (1)' }).closest('section')!;
    expect(within(introductions).getByRole('link', { name: 'Omtanken' })).toHaveAttribute('href', '/foretag/org-b');
    expect(within(introductions).getByText(/^Företaget är intresserat · av Petra Nilsson, 2 december 2026$/)).toBeInTheDocument();
    expect(within(introductions).getByText('Omtanken har städat förskolor i Rosengård i tre år.')).toBeInTheDocument();
    expect(within(introductions).getByText('Vi lämnar gärna anbud.', { exact: false })).toBeInTheDocument();
  });

  it('shortlists an offer, and accepts one only after a confirmation that says the need is awarded and the others declined', async () => {
    const user = userEvent.setup();
    const accepted = vi.fn();
    renderBuyer([
      needMock(),
      {
        request: { query: SHORTLIST_OFFER, variables: { input: { offerId: 'a' } } },
        result: { data: { shortlistOffer: { __typename: 'ShortlistOfferPayload', offer: { __typename: 'Offer', id: 'a', status: 'SHORTLISTED', decidedAt: null, version: 3 } } } },
      },
      {
        request: { query: ACCEPT_OFFER, variables: { input: { offerId: 'a' } } },
        result: () => {
          accepted();
          return {
            data: {
              acceptOffer: {
                __typename: 'AcceptOfferPayload',
                offer: { __typename: 'Offer', id: 'a', status: 'ACCEPTED', decidedAt: '2026-12-07T14:00:00.000Z', version: 4 },
                declinedOffers: [{ __typename: 'Offer', id: 'b', status: 'DECLINED', decidedAt: '2026-12-07T14:00:00.000Z', version: 3 }],
                need: { __typename: 'Need', id: NEED_ID, status: 'AWARDED', version: 4 },
                partnership: { __typename: 'Partnership', id: 'p1' },
              },
            },
          };
        },
      },
    ]);
    const rent = await screen.findByRole('group', { name: 'Beslut om anbudet från Rent & Redo' });
    await user.click(within(rent).getByRole('button', { name: 'Sätt på kortlistan' }));
    await waitFor(() => expect(screen.getByText('Anbudet från Rent & Redo är på kortlistan.')).toBeInTheDocument());
    expect(within(rent).queryByRole('button', { name: 'Sätt på kortlistan' })).not.toBeInTheDocument();

    await user.click(within(rent).getByRole('button', { name: 'Anta anbudet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anta anbudet från Rent & Redo?' });
    expect(dialog).toHaveTextContent('Behovet tilldelas Rent & Redo och ett partnerskap mellan er startar.');
    expect(dialog).toHaveTextContent('Det andra öppna anbudet avböjs samtidigt, och det företaget får besked.');
    expect(dialog).toHaveTextContent('Det går inte att ångra.');
    expect(accepted).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, anta anbudet och tilldela behovet' }));

    expect(await screen.findByText(/Ni har antagit anbudet från Rent & Redo\. Behovet är tilldelat och partnerskapet har startat\./)).toBeInTheDocument();
    expect(accepted).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Tilldelat')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Anta anbudet' })).not.toBeInTheDocument();
    const cards = within(screen.getByRole('heading', { level: 2, name: 'Anbud (2)' }).closest('section')!).getAllByRole('listitem');
    expect(within(cards[0]).getByText('Antaget')).toBeInTheDocument();
    expect(within(cards[1]).getByText('Inte antaget')).toBeInTheDocument();
  });

  it('declines an offer only with a reason, after a confirmation that says the enterprise is told, and cancelling keeps it', async () => {
    const user = userEvent.setup();
    const declined = vi.fn();
    renderBuyer([
      needMock(),
      {
        request: { query: DECLINE_OFFER, variables: { input: { offerId: 'b', reason: 'Priset är över vår budget.' } } },
        result: () => {
          declined();
          return {
            data: {
              declineOffer: {
                __typename: 'DeclineOfferPayload',
                offer: { __typename: 'Offer', id: 'b', status: 'DECLINED', decidedAt: '2026-12-07T14:00:00.000Z', declineReason: 'Priset är över vår budget.', version: 3 },
              },
            },
          };
        },
      },
    ]);
    const omtanken = await screen.findByRole('group', { name: 'Beslut om anbudet från Omtanken' });
    await user.click(within(omtanken).getByRole('button', { name: 'Avböj anbudet' }));
    let dialog = await screen.findByRole('dialog', { name: 'Avböj anbudet från Omtanken?' });
    expect(dialog).toHaveTextContent('Omtanken får besked om att anbudet inte antogs, med er motivering. Det går inte att ångra.');
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(declined).not.toHaveBeenCalled();

    await user.click(within(omtanken).getByRole('button', { name: 'Avböj anbudet' }));
    dialog = await screen.findByRole('dialog', { name: 'Avböj anbudet från Omtanken?' });
    // Without a reason: the summary names the problem and links to the field, which says it too.
    await user.click(within(dialog).getByRole('button', { name: 'Ja, avböj anbudet' }));
    const summary = await within(dialog).findByRole('link', { name: 'Skriv varför ni avböjer anbudet.' });
    const field = within(dialog).getByRole('textbox', { name: 'Varför avböjer ni anbudet?' });
    expect(summary).toHaveAttribute('href', `#${field.id}`);
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Företaget får läsa det.'));
    expect(declined).not.toHaveBeenCalled();

    await user.type(field, 'Priset är över vår budget.');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, avböj anbudet' }));
    expect(await screen.findByText('Anbudet från Omtanken är avböjt. Företaget har fått besked.')).toBeInTheDocument();
    expect(declined).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Priset är över vår budget.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Beslut om anbudet från Omtanken' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Beslut om anbudet från Rent & Redo' })).toBeInTheDocument();
  });

  it('tells someone who is not the buyer that the page is the buyer’s', async () => {
    const mock = needMock();
    mock.result.data.need.viewerCanManage = false;
    renderBuyer([mock]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bara köparen ser den här sidan' })).toBeInTheDocument();
    expect(screen.queryByText('Rent & Redo')).not.toBeInTheDocument();
  });

  it('invites a matched enterprise with a note, and then shows it as invited', async () => {
    const user = userEvent.setup();
    renderBuyer([
      needMock(),
      {
        request: { query: INVITE_TO_OFFER, variables: { input: { needId: NEED_ID, organizationId: 'org-c', message: 'Ni passar bra.' } } },
        result: {
          data: {
            inviteToOffer: {
              __typename: 'InviteToOfferPayload',
              need: {
                __typename: 'Need',
                id: NEED_ID,
                invitations: [{ __typename: 'NeedInvitation', id: 'inv-1', organizationId: 'org-c', createdAt: '2026-12-07T14:00:00.000Z' }],
              },
            },
          },
        },
      },
    ]);
    const glansverket = await screen.findByRole('listitem', { name: '2. Glansverket' });
    // An enterprise that has made an offer is not invited.
    expect(within(screen.getByRole('listitem', { name: '1. Rent & Redo' })).queryByRole('button', { name: /Bjud in/ })).not.toBeInTheDocument();
    await user.click(within(glansverket).getByRole('button', { name: 'Bjud in att lämna anbud: Glansverket' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bjud in Glansverket att lämna anbud' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Meddelande till företaget (frivilligt)' }), 'Ni passar bra.');
    await user.click(within(dialog).getByRole('button', { name: 'Skicka inbjudan' }));
    expect(await screen.findByText('Glansverket är inbjudet att lämna anbud och har fått besked.')).toBeInTheDocument();
    expect(await within(glansverket).findByText('Inbjuden')).toBeInTheDocument();
    expect(within(glansverket).getByText('Inbjuden 7 december 2026')).toBeInTheDocument();
    expect(within(glansverket).queryByRole('button', { name: /Bjud in/ })).not.toBeInTheDocument();
  });

  it('shows the reasons in the reader’s language', async () => {
    await i18n.changeLanguage('en');
    try {
      renderBuyer([needMock()]);
      expect(await screen.findByText('Same CPV code: Cleaning of schools.')).toBeInTheDocument();
      expect(screen.queryByText('Samma CPV-kod: Städning av skolor.')).not.toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('sv');
    }
  });
});
