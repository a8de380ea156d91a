import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/graphql';
import { formatDate, formatDateTime, formatRelativeDays } from '../../lib/format';
import { swedishDay } from '../public/needs-shared';
import { STATUS_ORDER } from './need-rules';
import './buyer.css';

export const BUYER_START = graphql(`
  query BuyerStartOverview($organizationId: ID!) {
    organizationDashboard(organizationId: $organizationId) {
      needs {
        status
        count
      }
      offersReceived {
        status
        count
      }
    }
    needs(filter: { buyerOrganizationId: $organizationId, statuses: [PUBLISHED, CLOSED] }, sort: DEADLINE, first: 100) {
      nodes {
        id
        title
        status
        responseDeadline
        offers {
          id
          status
        }
      }
    }
    partnerships(filter: { organizationId: $organizationId, status: ACTIVE }, first: 100) {
      nodes {
        id
        title
        targetsStatus
        targetsProposedBy {
          id
        }
        need {
          id
          title
        }
        impactReports {
          id
          status
          periodStart
          periodEnd
        }
      }
    }
  }
`);

/** Offers the buyer has still to decide on. */
const UNDECIDED = new Set(['SUBMITTED', 'SHORTLISTED']);
/** How many coming deadlines the start shows. */
const DEADLINES = 5;

/** The buyer's own page of a need: its matches and offers. */
function needHref(id: string): string {
  return `/mina-behov/${encodeURIComponent(id)}`;
}

/** The buyer's start: their needs by status, offers to decide on, coming deadlines, and what partnerships wait for. */
export function BuyerStart({ organizationId, now = new Date() }: { organizationId: string; now?: Date }) {
  const { t } = useTranslation('buyer');
  const { data, loading, error, refetch } = useQuery(BUYER_START, { variables: { organizationId }, fetchPolicy: 'cache-and-network' });

  if (!data && loading) return <Skeleton variant="rectangle" height={160} />;
  if (!data) {
    return error ? (
      <Alert data-color="danger">
        <Paragraph>{t('start.error')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
          {t('start.retry')}
        </Button>
      </Alert>
    ) : null;
  }

  const counts = new Map(data.organizationDashboard.needs.map((c) => [c.status, c.count]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const undecided = data.organizationDashboard.offersReceived.filter((c) => UNDECIDED.has(c.status)).reduce((a, c) => a + c.count, 0);
  const withOffers = data.needs.nodes.map((need) => ({ need, count: need.offers.filter((o) => UNDECIDED.has(o.status)).length })).filter((item) => item.count > 0);
  const deadlines = data.needs.nodes
    .filter((need) => need.status === 'PUBLISHED' && need.responseDeadline && Date.parse(need.responseDeadline) > now.getTime())
    .slice(0, DEADLINES);
  const waiting = data.partnerships.nodes.flatMap((p) => {
    const items: { key: string; text: string; partnership: typeof p }[] = [];
    if (p.targetsStatus === 'PROPOSED' && p.targetsProposedBy && p.targetsProposedBy.id !== organizationId) {
      items.push({ key: `${p.id}-targets`, text: t('start.targetsWaiting'), partnership: p });
    }
    for (const report of p.impactReports ?? []) {
      if (report.status === 'SUBMITTED') {
        items.push({ key: report.id, text: t('start.reportWaiting', { from: formatDate(report.periodStart), to: formatDate(report.periodEnd) }), partnership: p });
      }
    }
    return items;
  });

  return (
    <>
      <section aria-labelledby="buyer-needs" className="buyer-section">
        <Heading level={2} data-size="sm" id="buyer-needs">
          {t('start.needsTitle')}
        </Heading>
        {total === 0 ? (
          <Paragraph>{t('start.needsNone')}</Paragraph>
        ) : (
          <ul className="buyer-counts">
            {STATUS_ORDER.filter((status) => counts.get(status)).map((status: NeedStatus) => (
              <li key={status}>
                <DsLink asChild>
                  <Link to={`/mina-behov#my-needs-${status}`}>{t('start.needsCount', { status: t(`status.${status}`), count: counts.get(status) })}</Link>
                </DsLink>
              </li>
            ))}
          </ul>
        )}
        <div className="buyer-actions">
          <Button asChild>
            <Link to="/mina-behov/nytt">{t('start.newNeed')}</Link>
          </Button>
          <DsLink asChild>
            <Link to="/mina-behov">{t('start.toNeeds')}</Link>
          </DsLink>
        </div>
      </section>

      <section aria-labelledby="buyer-offers" className="buyer-section">
        <Heading level={2} data-size="sm" id="buyer-offers">
          {t('start.offersTitle')}
        </Heading>
        {undecided === 0 ? (
          <Paragraph>{t('start.offersNone')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('start.offersCount', { count: undecided })}</Paragraph>
            <ul className="buyer-plain buyer-list">
              {withOffers.map(({ need, count }) => (
                <li key={need.id}>
                  <DsLink asChild>
                    <Link to={needHref(need.id)}>{need.title}</Link>
                  </DsLink>{' '}
                  <span className="buyer-meta">({t('start.offersOnNeed', { count })})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="buyer-deadlines" className="buyer-section">
        <Heading level={2} data-size="sm" id="buyer-deadlines">
          {t('start.deadlinesTitle')}
        </Heading>
        {deadlines.length === 0 ? (
          <Paragraph>{t('start.deadlinesNone')}</Paragraph>
        ) : (
          <ul className="buyer-plain buyer-list">
            {deadlines.map((need) => (
              <li key={need.id}>
                <DsLink asChild>
                  <Link to={needHref(need.id)}>{need.title}</Link>
                </DsLink>
                <div className="buyer-meta">
                  {t('start.deadline', {
                    date: formatDateTime(need.responseDeadline!),
                    relative: formatRelativeDays(swedishDay(need.responseDeadline!), now),
                  })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="buyer-partnerships" className="buyer-section">
        <Heading level={2} data-size="sm" id="buyer-partnerships">
          {t('start.partnershipsTitle')}
        </Heading>
        {waiting.length === 0 ? (
          <Paragraph>{t('start.partnershipsNone')}</Paragraph>
        ) : (
          <ul className="buyer-plain buyer-list">
            {waiting.map(({ key, text, partnership }) => (
              <li key={key}>
                <DsLink asChild className="buyer-strong">
                  <Link to={`/samarbeten/${encodeURIComponent(partnership.id)}`}>{partnership.title}</Link>
                </DsLink>
                : {text}
                {partnership.need ? (
                  <div className="buyer-meta">
                    <DsLink asChild>
                      <Link to={needHref(partnership.need.id)}>{t('start.partnershipNeed', { title: partnership.need.title })}</Link>
                    </DsLink>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Paragraph>
          <DsLink asChild>
            <Link to="/samarbeten">{t('start.toPartnerships')}</Link>
          </DsLink>
        </Paragraph>
      </section>
    </>
  );
}
