import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { MyNeedsPageNeedsQuery } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { STATUS_ORDER } from './need-rules';
import './buyer.css';

export const MY_NEEDS = graphql(`
  query MyNeedsPageNeeds($organizationId: ID!, $after: String) {
    needs(filter: { buyerOrganizationId: $organizationId, statuses: [DRAFT, PUBLISHED, CLOSED, AWARDED, CANCELLED] }, sort: PUBLISHED, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        form
        responseDeadline
        updatedAt
        awaitingVerification
        offers {
          id
          status
        }
      }
    }
  }
`);

type Item = MyNeedsPageNeedsQuery['needs']['nodes'][number];

function NeedItem({ need }: { need: Item }) {
  const { t } = useTranslation('buyer');
  const { t: tn } = useTranslation('needs');
  const draft = need.status === 'DRAFT';
  const href = draft ? `/mina-behov/${encodeURIComponent(need.id)}/redigera?steg=granska` : `/mina-behov/${encodeURIComponent(need.id)}`;
  return (
    <li className="buyer-need">
      <Heading level={3} data-size="2xs">
        <DsLink asChild>
          <Link to={href}>{need.title}</Link>
        </DsLink>
      </Heading>
      <Paragraph data-size="sm" className="buyer-meta">
        {tn(`forms.${need.form}`)} · {need.responseDeadline ? t('list.deadline', { date: formatDateTime(need.responseDeadline) }) : t('list.noDeadline')}
        {need.status !== 'DRAFT' ? <> · {t('list.offers', { count: need.offers.length })}</> : null}
      </Paragraph>
      <Paragraph data-size="sm" className="buyer-meta">
        {t('list.updated', { date: formatDate(need.updatedAt.slice(0, 10)) })}
      </Paragraph>
      {need.awaitingVerification && need.status !== 'DRAFT' ? (
        <Paragraph data-size="sm">
          <Tag data-color="warning" data-size="sm">
            {t('list.awaitingVerification')}
          </Tag>
        </Paragraph>
      ) : null}
    </li>
  );
}

export function Component() {
  const { t } = useTranslation('buyer');
  const { me, organization } = useSession();
  usePageTitle(t('list.title'));
  const buyer = organization && (organization.kind === 'MUNICIPALITY' || organization.kind === 'REGION') ? organization : null;
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_NEEDS, {
    variables: { organizationId: buyer?.id ?? '' },
    skip: !buyer,
    fetchPolicy: 'cache-and-network',
  });

  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  const needs = data?.needs.nodes ?? [];

  return (
    <div className="page buyer-page">
      <Heading level={1} data-size="lg">
        {t('list.title')}
      </Heading>
      {!buyer ? (
        <Alert data-color="info">
          <Paragraph>{t('list.noBuyer')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('list.intro', { organization: buyer.name })}</Paragraph>
          <Paragraph>
            <Button asChild>
              <Link to="/mina-behov/nytt">{t('list.newNeed')}</Link>
            </Button>
          </Paragraph>
          {!data && loading ? (
            <Spinner aria-label={t('common:state.loading')} />
          ) : !data && error ? (
            <Alert data-color="danger">
              <Paragraph>{t('list.error')}</Paragraph>
              <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
                {t('list.retry')}
              </Button>
            </Alert>
          ) : needs.length === 0 ? (
            <Paragraph>{t('list.empty')}</Paragraph>
          ) : (
            <>
              {STATUS_ORDER.map((status) => {
                const inStatus = needs.filter((n) => n.status === status);
                if (inStatus.length === 0) return null;
                return (
                  <section key={status} aria-labelledby={`my-needs-${status}`} className="buyer-section">
                    <Heading level={2} data-size="sm" id={`my-needs-${status}`}>
                      {t(`status.${status}`)} ({inStatus.length})
                    </Heading>
                    <ul className="buyer-needs">
                      {inStatus.map((need) => (
                        <NeedItem key={need.id} need={need} />
                      ))}
                    </ul>
                  </section>
                );
              })}
              {data && data.needs.pageInfo.hasNextPage ? (
                <>
                  <Paragraph>{t('list.shown', { shown: needs.length, total: data.needs.totalCount })}</Paragraph>
                  <Button
                    variant="secondary"
                    onClick={() =>
                      void fetchMore({
                        variables: { after: data.needs.pageInfo.endCursor },
                        updateQuery: (previous, { fetchMoreResult }) => ({
                          ...fetchMoreResult,
                          needs: { ...fetchMoreResult.needs, nodes: [...previous.needs.nodes, ...fetchMoreResult.needs.nodes] },
                        }),
                      })
                    }
                  >
                    {t('list.showMore')}
                  </Button>
                </>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
