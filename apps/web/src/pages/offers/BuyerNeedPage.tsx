import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { problemsOf } from '../../forms/api-errors';
import { graphql } from '../../gql';
import type { BuyerNeedPageQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatKronor, formatKronorRange, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { swedishDay } from '../public/needs-shared';
import { ConfirmDialog } from './ConfirmDialog';
import { MatchItem } from './MatchItem';
import { ReasonDialog } from './ReasonDialog';
import { StatusTag } from './OfferPage';
import './offers.css';

/** How many of the best matches the page fetches, and shows at a time. */
export const MATCHES_SHOWN = 20;
const MATCHES_STEP = 5;

export const BUYER_NEED = graphql(`
  query BuyerNeedPage($id: ID!, $matches: Int!) {
    need(id: $id) {
      id
      title
      status
      form
      version
      budgetMinSek
      budgetMaxSek
      responseDeadline
      viewerCanManage
      buyer {
        id
        name
      }
      matchStatus {
        state
        computedAt
      }
      matches(first: $matches) {
        totalCount
        nodes {
          score
          enterprise {
            id
            name
          }
          components {
            name
            value
            weight
            applicable
          }
          reasons {
            code
            sv
            en
          }
        }
      }
      invitations {
        id
        organizationId
        createdAt
      }
      introductions {
        id
        status
        note
        responseNote
        createdAt
        respondedAt
        enterprise {
          id
          name
        }
        coordinator {
          id
          displayName
        }
      }
      offers {
        id
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
        enterpriseOrganizationId
        enterprise {
          id
          name
        }
      }
    }
  }
`);

export const SHORTLIST_OFFER = graphql(`
  mutation BuyerNeedPageShortlist($input: ShortlistOfferInput!) {
    shortlistOffer(input: $input) {
      offer {
        id
        status
        decidedAt
        version
      }
    }
  }
`);

export const DECLINE_OFFER = graphql(`
  mutation BuyerNeedPageDecline($input: DeclineOfferInput!) {
    declineOffer(input: $input) {
      offer {
        id
        status
        decidedAt
        declineReason
        version
      }
    }
  }
`);

export const INVITE_TO_OFFER = graphql(`
  mutation BuyerNeedPageInvite($input: InviteToOfferInput!) {
    inviteToOffer(input: $input) {
      need {
        id
        invitations {
          id
          organizationId
          createdAt
        }
      }
    }
  }
`);

export const ACCEPT_OFFER = graphql(`
  mutation BuyerNeedPageAccept($input: AcceptOfferInput!) {
    acceptOffer(input: $input) {
      offer {
        id
        status
        decidedAt
        version
      }
      declinedOffers {
        id
        status
        decidedAt
        version
      }
      need {
        id
        status
        version
      }
      partnership {
        id
      }
    }
  }
`);

type Need = NonNullable<BuyerNeedPageQuery['need']>;
type Offer = Need['offers'][number];
export type Match = NonNullable<Need['matches']>['nodes'][number];

/** The order offers are compared in: the chosen, the shortlist, the rest waiting, then the decided. */
const ORDER: Record<Offer['status'], number> = { ACCEPTED: 0, SHORTLISTED: 1, SUBMITTED: 2, DECLINED: 3, WITHDRAWN: 4, DRAFT: 5 };
const OPEN = (o: Offer) => o.status === 'SUBMITTED' || o.status === 'SHORTLISTED';

export function BuyerNeedPage() {
  const { t } = useTranslation('offers');
  const { needId = '' } = useParams();
  // Matches answer FORBIDDEN to anyone but the buyer (and its coordinators): the need comes anyway.
  const { data, loading, error, refetch } = useQuery(BUYER_NEED, { variables: { id: needId, matches: MATCHES_SHOWN }, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  const need = data?.need;
  const malformed = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const title = need ? need.title : data || malformed ? t('buyer.notFoundTitle') : null;
  usePageTitle(title);

  const back = (
    <Paragraph data-size="sm">
      <Link asChild>
        <RouterLink to="/mina-behov">← {t('buyer.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data && error && !malformed) {
    return (
      <div className="page offers-page">
        {back}
        <Heading level={1} data-size="lg">
          {t('buyer.eyebrow')}
        </Heading>
        <Alert data-color="danger">
          <Paragraph>{t('buyer.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('offer.retry')}
          </Button>
        </Alert>
      </div>
    );
  }
  if (!need) {
    return (
      <div className="page offers-page">
        {back}
        <Heading level={1} data-size="lg">
          {t('buyer.notFoundTitle')}
        </Heading>
        <Paragraph>{t('buyer.notFoundBody')}</Paragraph>
      </div>
    );
  }
  if (!need.viewerCanManage) {
    return (
      <div className="page offers-page">
        <Heading level={1} data-size="lg">
          {t('buyer.notBuyerTitle')}
        </Heading>
        <Paragraph>{t('buyer.notBuyer')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/behov/${encodeURIComponent(need.id)}`}>{need.title}</RouterLink>
          </Link>
        </Paragraph>
      </div>
    );
  }
  return <NeedWorkspace need={need} back={back} />;
}

function NeedWorkspace({ need, back }: { need: Need; back: ReactNode }) {
  const { t } = useTranslation('offers');
  const { t: tn } = useTranslation('needs');
  const [awardedNow, setAwardedNow] = useState<string | null>(null);
  const awardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (awardedNow) awardRef.current?.focus();
  }, [awardedNow]);
  const accepted = need.offers.find((o) => o.status === 'ACCEPTED');
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  return (
    <div className="page offers-page offers-page-wide">
      {back}
      <div>
        <Paragraph data-size="sm" className="offers-hint">
          {t('buyer.eyebrow')} · {need.buyer.name}
        </Paragraph>
        <Heading level={1} data-size="lg">
          {need.title}
        </Heading>
      </div>
      {awardedNow ? (
        <Alert data-color="success" ref={awardRef} tabIndex={-1}>
          <Paragraph>{t('buyer.awardedNow', { enterprise: awardedNow })}</Paragraph>
        </Alert>
      ) : accepted && need.status === 'AWARDED' ? (
        <Alert data-color="success">
          <Paragraph>{t('buyer.awarded', { enterprise: accepted.enterprise.name })}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="buyer-facts">
        <Heading level={2} data-size="sm" id="buyer-facts" className="visually-hidden">
          {t('buyer.facts')}
        </Heading>
        <dl className="offers-facts">
          <div>
            <dt>{t('buyer.status')}</dt>
            <dd>{t(`needStatus.${need.status}`)}</dd>
          </div>
          <div>
            <dt>{t('buyer.form')}</dt>
            <dd>{tn(`forms.${need.form}`)}</dd>
          </div>
          <div>
            <dt>{t('buyer.budget')}</dt>
            <dd>{budget ?? t('buyer.budgetNone')}</dd>
          </div>
          <div>
            <dt>{t('buyer.deadline')}</dt>
            <dd>{need.responseDeadline ? formatDateTime(need.responseDeadline) : t('buyer.deadlineNone')}</dd>
          </div>
        </dl>
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/behov/${encodeURIComponent(need.id)}`}>{t('buyer.publicPage')}</RouterLink>
          </Link>
        </Paragraph>
      </section>
      <OffersComparison need={need} onAccepted={setAwardedNow} />
      <Introductions need={need} />
      <Matches need={need} />
    </div>
  );
}

/** The enterprises the region's coordinators introduced to the need, with their notes and the answers. */
function Introductions({ need }: { need: Need }) {
  const { t } = useTranslation('offers');
  const introductions = need.introductions ?? [];
  if (introductions.length === 0) return null;
  return (
    <section aria-labelledby="buyer-introductions" className="offers-section">
      <Heading level={2} data-size="md" id="buyer-introductions">
        {t('buyer.introductions.title', { count: introductions.length })}
      </Heading>
      <Paragraph>{t('buyer.introductions.intro')}</Paragraph>
      <ul className="offers-introductions">
        {introductions.map((introduction) => (
          <li key={introduction.id}>
            <Heading level={3} data-size="2xs">
              <Link asChild>
                <RouterLink to={`/foretag/${encodeURIComponent(introduction.enterprise.id)}`}>{introduction.enterprise.name}</RouterLink>
              </Link>
            </Heading>
            <Paragraph data-size="sm" className="offers-hint">
              {t(`buyer.introductions.status.${introduction.status}`)} ·{' '}
              {t('buyer.introductions.by', {
                coordinator: introduction.coordinator?.displayName ?? t('buyer.introductions.coordinatorGone'),
                date: formatDate(introduction.createdAt),
              })}
            </Paragraph>
            {introduction.note ? <Paragraph>{introduction.note}</Paragraph> : null}
            {introduction.responseNote ? (
              <Paragraph>
                <strong>{t('buyer.introductions.answer', { enterprise: introduction.enterprise.name })}</strong> {introduction.responseNote}
              </Paragraph>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Asking = { kind: 'accept' | 'decline'; offer: Offer } | null;

/** The submitted offers side by side, with the buyer's decisions on each. */
export function OffersComparison({ need, onAccepted }: { need: Need; onAccepted(enterprise: string): void }) {
  const { t } = useTranslation('offers');
  const [shortlistOffer] = useMutation(SHORTLIST_OFFER);
  const [declineOffer] = useMutation(DECLINE_OFFER);
  const [acceptOffer] = useMutation(ACCEPT_OFFER);
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const offers = need.offers.filter((o) => o.status !== 'DRAFT').sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const scores = new Map((need.matches?.nodes ?? []).map((m) => [m.enterprise.id, m.score]));
  const decidable = need.status === 'PUBLISHED' || need.status === 'CLOSED';
  const openCount = offers.filter(OPEN).length;

  const shortlist = async (offer: Offer) => {
    setBusy(offer.id);
    setFailure(null);
    try {
      await shortlistOffer({ variables: { input: { offerId: offer.id } } });
      setSaid(t('buyer.offers.shortlisted', { enterprise: offer.enterprise.name }));
    } catch (error) {
      setSaid(problemsOf(error, t('buyer.offers.failed')).general ?? t('buyer.offers.failed'));
    } finally {
      setBusy(null);
    }
  };

  const decline = async (offer: Offer, reason: string) => {
    await declineOffer({ variables: { input: { offerId: offer.id, reason } } });
    setAsking(null);
    setSaid(t('buyer.offers.declined', { enterprise: offer.enterprise.name }));
  };

  const confirm = async () => {
    if (!asking) return;
    const { kind, offer } = asking;
    setBusy(offer.id);
    setFailure(null);
    try {
      if (kind === 'accept') {
        await acceptOffer({ variables: { input: { offerId: offer.id } } });
        setAsking(null);
        onAccepted(offer.enterprise.name);
      }
    } catch (error) {
      setFailure(problemsOf(error, t('buyer.offers.failed')).general ?? t('buyer.offers.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="buyer-offers" className="offers-section">
      <Heading level={2} data-size="md" id="buyer-offers">
        {t('buyer.offers.title')} ({offers.length})
      </Heading>
      {offers.length === 0 ? (
        <Paragraph>{t('buyer.offers.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('buyer.offers.intro')}</Paragraph>
          <ul className="offers-compare">
            {offers.map((offer) => {
              const score = scores.get(offer.enterpriseOrganizationId);
              const headingId = `offer-${offer.id}`;
              return (
                <li key={offer.id} className="offers-card" data-status={offer.status} aria-labelledby={headingId}>
                  <Heading level={3} data-size="xs" id={headingId}>
                    {offer.enterprise.name}
                  </Heading>
                  <div>
                    <StatusTag status={offer.status} />
                  </div>
                  <dl>
                    <div>
                      <dt>{t('buyer.offers.price')}</dt>
                      <dd className="offers-card-price">{offer.priceSek != null ? formatKronor(offer.priceSek) : t('buyer.offers.priceNone')}</dd>
                    </div>
                    <div>
                      <dt>{t('buyer.offers.match')}</dt>
                      <dd>{score != null ? t('buyer.matches.scoreOf', { score: formatNumber(Math.round(score)) }) : t('buyer.offers.noMatch')}</dd>
                    </div>
                    {offer.submittedAt ? (
                      <div>
                        <dt>{t('buyer.offers.submitted')}</dt>
                        <dd>{formatDate(swedishDay(offer.submittedAt))}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t('buyer.offers.message')}</dt>
                      <dd className="offers-text">{offer.message}</dd>
                    </div>
                    <div>
                      <dt>{t('buyer.offers.outcomes')}</dt>
                      <dd className="offers-text">{offer.proposedOutcomes || t('buyer.offers.outcomesNone')}</dd>
                    </div>
                    {offer.status === 'DECLINED' && offer.declineReason ? (
                      <div>
                        <dt>{t('buyer.offers.declineReasonShown')}</dt>
                        <dd className="offers-text">{offer.declineReason}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {decidable && OPEN(offer) ? (
                    <div className="offers-actions" role="group" aria-label={t('buyer.offers.actionsFor', { enterprise: offer.enterprise.name })}>
                      <Button data-size="sm" onClick={() => (setFailure(null), setAsking({ kind: 'accept', offer }))}>
                        {t('buyer.offers.accept')}
                      </Button>
                      {offer.status === 'SUBMITTED' ? (
                        <Button data-size="sm" variant="secondary" onClick={() => void shortlist(offer)} aria-disabled={busy === offer.id || undefined}>
                          {busy === offer.id ? <Spinner aria-hidden data-size="xs" /> : null}
                          {t('buyer.offers.shortlist')}
                        </Button>
                      ) : null}
                      <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => (setFailure(null), setAsking({ kind: 'decline', offer }))}>
                        {t('buyer.offers.decline')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p role="status" className="offers-save">
        {said}
      </p>
      <ConfirmDialog
        open={asking?.kind === 'accept'}
        title={asking ? t('buyer.offers.acceptTitle', { enterprise: asking.offer.enterprise.name }) : ''}
        confirmLabel={t('buyer.offers.acceptConfirm')}
        cancelLabel={t('buyer.offers.cancel')}
        closeLabel={t('buyer.offers.close')}
        onConfirm={() => void confirm()}
        onClose={() => setAsking(null)}
        busy={!!busy}
        error={failure}
      >
        {asking ? (
          <>
            <Paragraph>{t('buyer.offers.acceptBody', { enterprise: asking.offer.enterprise.name })}</Paragraph>
            {openCount > 1 ? <Paragraph>{t('buyer.offers.acceptOthers', { count: openCount - 1 })}</Paragraph> : null}
            <Paragraph>{t('buyer.offers.acceptFinal')}</Paragraph>
          </>
        ) : null}
      </ConfirmDialog>
      <ReasonDialog
        open={asking?.kind === 'decline'}
        title={asking ? t('buyer.offers.declineTitle', { enterprise: asking.offer.enterprise.name }) : ''}
        field="reason"
        label={t('buyer.offers.declineReason')}
        hint={t('buyer.offers.declineReasonHint')}
        required
        requiredMessage={t('buyer.offers.declineReasonRequired')}
        confirmLabel={t('buyer.offers.declineConfirm')}
        danger
        onSend={(reason) => (asking ? decline(asking.offer, reason) : Promise.resolve())}
        onClose={() => setAsking(null)}
      >
        {asking ? <Paragraph>{t('buyer.offers.declineBody', { enterprise: asking.offer.enterprise.name })}</Paragraph> : null}
      </ReasonDialog>
    </section>
  );
}

/** The enterprises that fit the need best: each score and its parts as bars with the numbers, and the reasons. */
export function Matches({ need }: { need: Need }) {
  const { t } = useTranslation('offers');
  const state = need.matchStatus?.state;
  const matches = need.matches?.nodes ?? [];
  const offered = new Set(need.offers.filter((o) => o.status !== 'DRAFT').map((o) => o.enterpriseOrganizationId));
  const invited = new Map((need.invitations ?? []).map((i) => [i.organizationId, i.createdAt]));
  const [inviteToOffer] = useMutation(INVITE_TO_OFFER);
  const [inviting, setInviting] = useState<Match | null>(null);
  const [said, setSaid] = useState('');
  // Invitations are for a need that takes offers; the API refuses them otherwise.
  const invitable = need.status === 'PUBLISHED';
  const invite = async (match: Match, message: string) => {
    await inviteToOffer({ variables: { input: { needId: need.id, organizationId: match.enterprise.id, message: message || null } } });
    setInviting(null);
    setSaid(t('buyer.matches.invitedNow', { enterprise: match.enterprise.name }));
  };
  const [shown, setShown] = useState(MATCHES_STEP);
  const list = useRef<HTMLOListElement>(null);
  const more = () => {
    const first = shown;
    setShown(shown + MATCHES_STEP);
    // The first of those just shown takes focus, so a keyboard reader goes on where the list grew.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('h3')[first]?.focus());
  };
  return (
    <section aria-labelledby="buyer-matches" className="offers-section">
      <Heading level={2} data-size="md" id="buyer-matches">
        {t('buyer.matches.title')}
      </Heading>
      <Paragraph>
        {t('buyer.matches.intro')}{' '}
        <Link asChild>
          <RouterLink to="/matchning">{t('buyer.matches.how')}</RouterLink>
        </Link>
      </Paragraph>
      {state === 'NOT_MATCHED' ? (
        <Paragraph>{t('buyer.matches.notMatched')}</Paragraph>
      ) : state === 'PENDING' ? (
        <Alert data-color="info">
          <Paragraph>{t('buyer.matches.pending')}</Paragraph>
        </Alert>
      ) : null}
      {matches.length === 0 ? (
        state !== 'NOT_MATCHED' ? (
          <Paragraph>{t('buyer.matches.none')}</Paragraph>
        ) : null
      ) : (
        <>
          <Paragraph data-size="sm" className="offers-hint">
            {need.matchStatus?.computedAt ? `${t('buyer.matches.updated', { date: formatDateTime(need.matchStatus.computedAt) })} ` : ''}
            {t('buyer.matches.shown', { shown: Math.min(shown, matches.length), total: need.matches?.totalCount ?? matches.length })}
          </Paragraph>
          <ol className="offers-matches" ref={list}>
            {matches.slice(0, shown).map((match, index) => (
              <MatchItem
                key={match.enterprise.id}
                match={match}
                rank={index + 1}
                offered={offered.has(match.enterprise.id)}
                invitedAt={invited.get(match.enterprise.id) ?? null}
                onInvite={invitable ? () => setInviting(match) : null}
              />
            ))}
          </ol>
          {shown < matches.length ? (
            <Button variant="secondary" onClick={more}>
              {t('buyer.matches.more', { count: Math.min(MATCHES_STEP, matches.length - shown) })}
            </Button>
          ) : null}
        </>
      )}
      <p role="status" className="offers-save">
        {said}
      </p>
      <ReasonDialog
        open={inviting !== null}
        title={inviting ? t('buyer.matches.inviteTitle', { enterprise: inviting.enterprise.name }) : ''}
        field="message"
        label={t('buyer.matches.inviteMessage')}
        hint={t('buyer.matches.inviteMessageHint')}
        required={false}
        confirmLabel={t('buyer.matches.inviteConfirm')}
        onSend={(message) => (inviting ? invite(inviting, message) : Promise.resolve())}
        onClose={() => setInviting(null)}
      >
        <Paragraph>{t('buyer.matches.inviteBody')}</Paragraph>
      </ReasonDialog>
    </section>
  );
}

export { BuyerNeedPage as Component };
