import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { MyOffersPageQuery, OfferStatus } from '../../gql/graphql';
import { formatDate, formatDateTime, formatKronor } from '../../lib/format';
import { swedishDay } from '../public/needs-shared';
import { usePageTitle } from '../../lib/page';
import { StatusTag } from './OfferPage';
import './offers.css';

export const MY_OFFERS = graphql(`
  query MyOffersPage($organizationId: ID!, $after: String) {
    organization(id: $organizationId) {
      id
      name
      offers(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          priceSek
          submittedAt
          decidedAt
          declineReason
          updatedAt
          version
          need {
            id
            title
            status
            responseDeadline
            buyer {
              id
              name
            }
          }
        }
      }
    }
  }
`);

type OfferItem = NonNullable<NonNullable<MyOffersPageQuery['organization']>['offers']>['nodes'][number];

/** The order of the groups: what waits for the enterprise first, then for the buyer, then what is decided. */
const GROUPS: readonly OfferStatus[] = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'];

export function MyOffersPage() {
  const { t } = useTranslation('offers');
  const { me, organization } = useSession();
  usePageTitle(t('mine.title'));
  const enterprise = organization?.kind === 'SOCIAL_ENTERPRISE' ? organization : null;
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_OFFERS, {
    variables: { organizationId: enterprise?.id ?? '' },
    skip: !enterprise,
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.organization?.offers;

  const heading = (
    <Heading level={1} data-size="lg">
      {t('mine.title')}
    </Heading>
  );
  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  if (!enterprise) {
    return (
      <div className="page offers-page">
        {heading}
        <Alert data-color="info">
          <Paragraph>{organization ? t('mine.notEnterprise', { organization: organization.name }) : t('offer.noOrganization')}</Paragraph>
        </Alert>
      </div>
    );
  }

  const more = () =>
    void fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous.organization?.offers;
        const next = fetchMoreResult.organization?.offers;
        if (!before || !next || !fetchMoreResult.organization) return previous as MyOffersPageQuery;
        return { organization: { ...fetchMoreResult.organization, offers: { ...next, nodes: [...before.nodes, ...next.nodes] } } };
      },
    });

  return (
    <div className="page offers-page">
      {heading}
      <Paragraph>{t('mine.intro', { organization: enterprise.name })}</Paragraph>
      {!connection && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !connection && error ? (
        <Alert data-color="danger">
          <Paragraph>{t('mine.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('offer.retry')}
          </Button>
        </Alert>
      ) : !connection || connection.totalCount === 0 ? (
        <>
          <Paragraph>{t('mine.none')}</Paragraph>
          <Paragraph>
            <Link asChild>
              <RouterLink to="/behov">{t('mine.findNeeds')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph role="status">{t('mine.count', { count: connection.totalCount })}</Paragraph>
          {GROUPS.map((status) => {
            const items = connection.nodes.filter((o) => o.status === status);
            if (items.length === 0) return null;
            return (
              <section key={status} aria-labelledby={`offers-${status}`} className="offers-section">
                <Heading level={2} data-size="sm" id={`offers-${status}`}>
                  {t(`mine.groups.${status}`)} ({items.length})
                </Heading>
                <ul className="offers-list">
                  {items.map((offer) => (
                    <OfferRow key={offer.id} offer={offer} />
                  ))}
                </ul>
              </section>
            );
          })}
          {connection.pageInfo.hasNextPage ? (
            <Button variant="secondary" onClick={more} aria-disabled={loading || undefined}>
              {t('mine.showMore')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function OfferRow({ offer }: { offer: OfferItem }) {
  const { t } = useTranslation('offers');
  const decidedOn = offer.status === 'WITHDRAWN' ? (offer.decidedAt ?? offer.updatedAt) : offer.decidedAt;
  return (
    <li className="offers-item">
      <Heading level={3} data-size="2xs">
        <Link asChild>
          <RouterLink to={`/behov/${encodeURIComponent(offer.need.id)}/anbud`}>{offer.need.title}</RouterLink>
        </Link>
      </Heading>
      <StatusTag status={offer.status} />
      <dl>
        <div>
          <dt>{t('mine.buyer')}</dt>
          <dd>{offer.need.buyer.name}</dd>
        </div>
        <div>
          <dt>{t('mine.price')}</dt>
          <dd>{offer.priceSek != null ? formatKronor(offer.priceSek) : t('mine.priceNone')}</dd>
        </div>
        <div>
          <dt>{t('mine.decision')}</dt>
          <dd>{t(`mine.decisions.${offer.status}`, { date: decidedOn ? formatDate(swedishDay(decidedOn)) : '' })}</dd>
        </div>
        {offer.status === 'DECLINED' && offer.declineReason ? (
          <div>
            <dt>{t('mine.declineReason')}</dt>
            <dd className="offers-text">{offer.declineReason}</dd>
          </div>
        ) : null}
        {offer.status === 'DRAFT' && offer.need.responseDeadline ? (
          <div>
            <dt>{t('mine.deadline')}</dt>
            <dd>{formatDateTime(offer.need.responseDeadline)}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

export { MyOffersPage as Component };
