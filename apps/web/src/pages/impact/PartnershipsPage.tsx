import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { PartnershipsPageQuery, PartnershipStatus } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import './impact.css';

export const PARTNERSHIPS_PAGE = graphql(`
  query PartnershipsPage($organizationId: ID!) {
    partnerships(filter: { organizationId: $organizationId }, first: 100) {
      nodes {
        id
        title
        status
        startsOn
        endsOn
        endedAt
        nextReportDue
        buyerOrganizationId
        enterpriseOrganizationId
        targetsStatus
        targetsProposedBy {
          id
        }
        buyer {
          id
          name
        }
        enterprise {
          id
          name
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

type Partnership = PartnershipsPageQuery['partnerships']['nodes'][number];
const GROUPS: PartnershipStatus[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];

/** The link to one partnership's page. */
export function partnershipHref(id: string): string {
  return `/samarbeten/${encodeURIComponent(id)}`;
}

/** What the organisation has to do in a partnership now, in words. */
export function waitingFor(p: Partnership, organizationId: string, t: (key: string, options?: Record<string, unknown>) => string): string[] {
  const buyer = p.buyerOrganizationId === organizationId;
  const period = (r: { periodStart: string; periodEnd: string }) => `${formatDate(r.periodStart)}–${formatDate(r.periodEnd)}`;
  const items: string[] = [];
  if (p.status === 'ACTIVE' && p.targetsStatus === 'PROPOSED' && p.targetsProposedBy && p.targetsProposedBy.id !== organizationId) items.push(t('list.targetsToAgree'));
  if (p.status === 'ACTIVE' && p.targetsStatus === 'NONE') items.push(t('list.targetsNone'));
  for (const r of p.impactReports ?? []) {
    if (buyer && r.status === 'SUBMITTED') items.push(t('list.toConfirm', { period: period(r) }));
    if (!buyer && r.status === 'RETURNED') items.push(t('list.returned', { period: period(r) }));
    if (!buyer && r.status === 'DRAFT') items.push(t('list.draft', { period: period(r) }));
  }
  if (!buyer && p.nextReportDue) items.push(t('list.due', { date: formatDate(p.nextReportDue) }));
  return items;
}

/** The organisation's partnerships, by status, each with the other party, its need and what waits. */
export function PartnershipsPage() {
  const { t } = useTranslation('impact');
  const { organization } = useSession();
  usePageTitle(t('list.title'));
  return (
    <div className="page impact-page">
      <Heading level={1} data-size="lg">
        {t('list.title')}
      </Heading>
      {organization ? <PartnershipsList organization={organization} /> : <Paragraph>{t('list.noOrganization')}</Paragraph>}
    </div>
  );
}

function PartnershipsList({ organization }: { organization: { id: string; name: string } }) {
  const { t } = useTranslation('impact');
  const { data, loading, error, refetch } = useQuery(PARTNERSHIPS_PAGE, { variables: { organizationId: organization.id }, fetchPolicy: 'cache-and-network' });
  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data) {
    return error ? (
      <Alert data-color="danger">
        <Paragraph>{t('list.error')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
          {t('list.retry')}
        </Button>
      </Alert>
    ) : null;
  }
  const nodes = data.partnerships.nodes;
  return (
    <>
      <Paragraph>{t('list.intro', { organization: organization.name })}</Paragraph>
      {nodes.length === 0 ? <Paragraph>{t('list.none')}</Paragraph> : null}
      {nodes.length > 0
        ? GROUPS.map((status) => {
            const group = nodes.filter((p) => p.status === status);
            if (group.length === 0 && status !== 'ACTIVE') return null;
            return (
              <section key={status} aria-labelledby={`partnerships-${status}`} className="impact-section">
                <Heading level={2} data-size="sm" id={`partnerships-${status}`}>
                  {t(`list.group.${status}`)} ({group.length})
                </Heading>
                {group.length === 0 ? (
                  <Paragraph>{t('list.noneInGroup')}</Paragraph>
                ) : (
                  <ul className="impact-list">
                    {group.map((p) => (
                      <PartnershipItem key={p.id} partnership={p} organizationId={organization.id} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        : null}
    </>
  );
}

function PartnershipItem({ partnership: p, organizationId }: { partnership: Partnership; organizationId: string }) {
  const { t } = useTranslation('impact');
  const other = p.buyerOrganizationId === organizationId ? p.enterprise : p.buyer;
  const waiting = waitingFor(p, organizationId, t);
  return (
    <li className="impact-card">
      <Heading level={3} data-size="xs">
        <DsLink asChild>
          <Link to={partnershipHref(p.id)}>{p.title}</Link>
        </DsLink>
      </Heading>
      <div className="impact-meta">
        <Tag data-size="sm" data-color={p.status === 'ACTIVE' ? 'success' : 'neutral'}>
          {t(`status.${p.status}`)}
        </Tag>
        <span>{t('list.with', { party: other.name })}</span>
        {p.need ? <span>{t('list.need', { title: p.need.title })}</span> : null}
        {p.nextReportDue ? <span>{t('list.nextDue', { date: formatDate(p.nextReportDue) })}</span> : null}
      </div>
      {waiting.length > 0 ? (
        <div className="impact-waiting">
          <span className="impact-strong">{t('list.waitingTitle')}:</span>
          <ul>
            {waiting.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

export { PartnershipsPage as Component };
