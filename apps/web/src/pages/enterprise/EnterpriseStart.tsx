import { Alert, Button, Heading, Link as DsLink, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { EnterpriseStartQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatNumber, formatRelativeDays } from '../../lib/format';
import { useRefetchOnLanguageChange } from '../accounts/shared';
import { OFFER_STATUSES, ReadinessList, RecommendedNeedCard } from './enterprise-shared';
import './enterprise.css';

/** How many recommended needs the start page shows; the rest are on the needs' own pages. */
const RECOMMENDED = 5;

export const ENTERPRISE_START = graphql(`
  query EnterpriseStart($organizationId: ID!, $first: Int!) {
    organizationDashboard(organizationId: $organizationId) {
      offersMade {
        status
        count
      }
      profileReadiness {
        score
        missing {
          item
          advice
        }
      }
    }
    recommendedNeeds(organizationId: $organizationId, first: $first) {
      totalCount
      nodes {
        ...RecommendedNeed
      }
    }
    organization(id: $organizationId) {
      id
      introductions(status: PROPOSED, first: 20) {
        totalCount
        nodes {
          id
          createdAt
          coordinator {
            id
            displayName
          }
          need {
            id
            title
            buyer {
              id
              name
            }
          }
        }
      }
    }
    partnerships(filter: { organizationId: $organizationId, status: ACTIVE }, first: 50) {
      nodes {
        id
        title
        nextReportDue
        impactReports {
          id
          status
          periodStart
          periodEnd
          returnComment
        }
        buyer {
          id
          name
        }
      }
    }
  }
`);

type Data = EnterpriseStartQuery;

interface Props {
  organization: { id: string; name: string };
}

/** Today in Swedish time, YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/**
 * The social enterprise's part of the signed-in start page: what needs its attention now. Its profile's
 * readiness, introductions from coordinators waiting for an answer, the needs the matching recommends
 * (with the score and the reasons in the reader's language), its offers by status and impact reports due.
 */
export function EnterpriseStart({ organization }: Props) {
  const { t } = useTranslation('enterprise');
  const { data, loading, error, refetch } = useQuery(ENTERPRISE_START, {
    variables: { organizationId: organization.id, first: RECOMMENDED },
    errorPolicy: 'all',
  });
  // The reasons and the readiness advice come in the language asked for.
  useRefetchOnLanguageChange(refetch);

  if (!data && loading) {
    return (
      <div className="enterprise-start" aria-busy="true">
        <Skeleton variant="rectangle" height={160} />
      </div>
    );
  }

  return (
    <div className="enterprise-start">
      {error && !data ? (
        <Alert data-color="danger">
          <Paragraph>{t('start.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('start.retry')}
          </Button>
        </Alert>
      ) : null}
      {data ? (
        <>
          <Introductions data={data} />
          <Profile data={data} />
          <Recommended data={data} />
          <Offers data={data} />
          <Reports data={data} />
        </>
      ) : null}
    </div>
  );
}

function Profile({ data }: { data: Data }) {
  const { t } = useTranslation('enterprise');
  const readiness = data.organizationDashboard?.profileReadiness ?? null;
  return (
    <section aria-labelledby="enterprise-profile" className="accounts-section">
      <Heading level={2} data-size="sm" id="enterprise-profile">
        {t('start.profileTitle')}
      </Heading>
      {!data.organizationDashboard ? null : !readiness ? (
        <>
          <Paragraph>{t('start.noProfile')}</Paragraph>
          <Paragraph>
            <Button asChild>
              <Link to="/profil">{t('start.createProfile')}</Link>
            </Button>
          </Paragraph>
        </>
      ) : readiness.missing.length === 0 ? (
        <>
          <Paragraph>{t('start.readinessComplete')}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/profil">{t('start.editProfile')}</Link>
            </DsLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph className="accounts-strong">{t('start.readinessScore', { score: readiness.score })}</Paragraph>
          <Paragraph>{t('start.readinessMissing', { count: readiness.missing.length })}</Paragraph>
          <ReadinessList missing={readiness.missing} />
          <Paragraph>
            <Button asChild variant="secondary">
              <Link to="/profil">{t('start.completeProfile')}</Link>
            </Button>
          </Paragraph>
        </>
      )}
    </section>
  );
}

function Introductions({ data }: { data: Data }) {
  const { t } = useTranslation('enterprise');
  const introductions = data.organization?.introductions;
  if (!introductions) return null;
  const count = introductions.totalCount;
  return (
    <section aria-labelledby="enterprise-introductions" className="accounts-section">
      <Heading level={2} data-size="sm" id="enterprise-introductions">
        {t('start.introductionsTitle')}
      </Heading>
      {count === 0 ? (
        <Paragraph>{t('start.introductionsNone')}</Paragraph>
      ) : (
        <>
          <Alert data-color="info">
            <Paragraph className="accounts-strong">{t('start.introductionsCount', { count })}</Paragraph>
            <Paragraph data-size="sm">{t('start.introductionsIntro')}</Paragraph>
          </Alert>
          <ul className="accounts-list">
            {introductions.nodes.map((introduction) => (
              <li key={introduction.id}>
                <span className="accounts-strong">{introduction.need?.title ?? ''}</span>
                {introduction.need ? <span> – {introduction.need.buyer.name}</span> : null}
                <div className="accounts-meta">
                  {introduction.coordinator
                    ? t('start.introductionFrom', { coordinator: introduction.coordinator.displayName, date: formatDateTime(introduction.createdAt) })
                    : t('start.introductionFromUnknown', { date: formatDateTime(introduction.createdAt) })}
                </div>
              </li>
            ))}
          </ul>
          <Paragraph>
            <Button asChild>
              <Link to="/introduktioner">{t('start.answerIntroductions')}</Link>
            </Button>
          </Paragraph>
        </>
      )}
      {count === 0 ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/introduktioner">{t('start.allIntroductions')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

function Recommended({ data }: { data: Data }) {
  const { t } = useTranslation('enterprise');
  const recommended = data.recommendedNeeds;
  if (!recommended) return null;
  const matches = recommended.nodes;
  return (
    <section aria-labelledby="enterprise-recommended" className="accounts-section">
      <Heading level={2} data-size="sm" id="enterprise-recommended">
        {t('start.recommendedTitle')}
      </Heading>
      <Paragraph>{t('start.recommendedIntro')}</Paragraph>
      {matches.length === 0 ? (
        <Paragraph>{t('start.recommendedNone')}</Paragraph>
      ) : (
        <ol className="enterprise-matches">
          {matches.map((match) => (
            <li key={match.need.id}>
              <RecommendedNeedCard match={match} idPrefix="enterprise-match" />
            </li>
          ))}
        </ol>
      )}
      {recommended.totalCount > matches.length ? (
        <Paragraph data-size="sm">{t('start.recommendedMore', { shown: matches.length, count: recommended.totalCount })}</Paragraph>
      ) : null}
      <ul className="enterprise-inline-links">
        <li>
          <DsLink asChild>
            <Link to="/behov-for-er">{t('start.needsForYou')}</Link>
          </DsLink>
        </li>
        <li>
          <DsLink asChild>
            <Link to="/behov">{t('start.allNeeds')}</Link>
          </DsLink>
        </li>
        <li>
          <DsLink asChild>
            <Link to="/matchning">{t('start.howMatching')}</Link>
          </DsLink>
        </li>
      </ul>
    </section>
  );
}

function Offers({ data }: { data: Data }) {
  const { t } = useTranslation('enterprise');
  const counts = data.organizationDashboard?.offersMade;
  if (!counts) return null;
  const byStatus = new Map(counts.map((c) => [c.status, c.count]));
  const shown = OFFER_STATUSES.filter((status) => (byStatus.get(status) ?? 0) > 0);
  return (
    <section aria-labelledby="enterprise-offers" className="accounts-section">
      <Heading level={2} data-size="sm" id="enterprise-offers">
        {t('start.offersTitle')}
      </Heading>
      {shown.length === 0 ? (
        <Paragraph>{t('start.offersNone')}</Paragraph>
      ) : (
        <Table data-size="sm" className="enterprise-table">
          <caption className="visually-hidden">{t('start.offersCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('start.offersStatus')}</Table.HeaderCell>
              <Table.HeaderCell className="enterprise-number">{t('start.offersCount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((status) => (
              <Table.Row key={status}>
                <Table.Cell>{t(`offerStatus.${status}`)}</Table.Cell>
                <Table.Cell className="enterprise-number">{formatNumber(byStatus.get(status) ?? 0)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Paragraph>
        <Link to="/anbud">{t('start.allOffers')}</Link>
      </Paragraph>
    </section>
  );
}

function Reports({ data }: { data: Data }) {
  const { t } = useTranslation('enterprise');
  const partnerships = data.partnerships?.nodes;
  if (!partnerships) return null;
  const now = today();
  // What the enterprise has to do: reports the buyer returned, drafts not sent, and the next report due.
  const items = partnerships
    .map((p) => ({
      partnership: p,
      returned: (p.impactReports ?? []).filter((r) => r.status === 'RETURNED'),
      drafts: (p.impactReports ?? []).filter((r) => r.status === 'DRAFT'),
    }))
    .filter((i) => i.partnership.nextReportDue || i.returned.length > 0 || i.drafts.length > 0)
    .sort((a, b) => (a.partnership.nextReportDue ?? '9999').localeCompare(b.partnership.nextReportDue ?? '9999'));
  const period = (r: { periodStart: string; periodEnd: string }) => t('start.period', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) });
  return (
    <section aria-labelledby="enterprise-reports" className="accounts-section">
      <Heading level={2} data-size="sm" id="enterprise-reports">
        {t('start.reportsTitle')}
      </Heading>
      <Paragraph>{t('start.reportsIntro')}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('start.reportsNone')}</Paragraph>
      ) : (
        <ul className="accounts-list">
          {items.map(({ partnership: p, returned, drafts }) => {
            const date = p.nextReportDue;
            return (
              <li key={p.id}>
                <DsLink asChild className="accounts-strong">
                  <Link to={`/samarbeten/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                </DsLink>
                <div className="accounts-meta">{t('start.reportWith', { buyer: p.buyer.name })}</div>
                {returned.map((r) => (
                  <div key={r.id}>{t('start.reportReturned', { period: period(r), comment: r.returnComment })}</div>
                ))}
                {drafts.map((r) => (
                  <div key={r.id}>{t('start.reportDraft', { period: period(r) })}</div>
                ))}
                {date ? <div>{t(date < now ? 'start.reportOverdue' : 'start.reportDue', { date: formatDate(date), relative: formatRelativeDays(date) })}</div> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Paragraph>
        <DsLink asChild>
          <Link to="/samarbeten">{t('start.toPartnerships')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}
