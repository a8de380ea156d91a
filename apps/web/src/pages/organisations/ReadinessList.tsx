import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';

/** Profiles at or below this score are listed: most of the checklist is there, but not what a buyer looks for first. */
export const READINESS_MAX = 80;

export const LOW_READINESS = graphql(`
  query OrganisationsPageLowReadiness($countyCode: String, $max: Int!, $after: String) {
    enterprises(first: 20, after: $after, sort: READINESS, filter: { countyCode: $countyCode, verified: true, maxReadinessScore: $max }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        organizationId
        readiness {
          score
          missing {
            item
            advice
          }
        }
        organization {
          id
          name
          members {
            role
            user {
              id
              email
            }
          }
        }
      }
    }
  }
`);

/**
 * The region's verified enterprises whose profile is least complete, lowest score first, with what each
 * lacks and the advice the API gives for it, so a coordinator can get in touch and help.
 */
export function ReadinessList({ countyCode }: { countyCode: string | null }) {
  const { t } = useTranslation('organisations');
  const { data, loading, error, refetch, fetchMore } = useQuery(LOW_READINESS, {
    variables: { countyCode, max: READINESS_MAX },
    fetchPolicy: 'cache-and-network',
  });
  const profiles = data?.enterprises.nodes ?? [];
  return (
    <section aria-labelledby="orgs-readiness" className="orgs-section">
      <Heading level={2} data-size="sm" id="orgs-readiness">
        {t('readiness.title')}
      </Heading>
      <Paragraph data-size="sm">{t('readiness.intro', { max: READINESS_MAX })}</Paragraph>
      {!data && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !data && error ? (
        <Alert data-color="danger">
          <Paragraph>{t('readiness.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('retry')}
          </Button>
        </Alert>
      ) : profiles.length === 0 ? (
        <Paragraph>{t('readiness.empty', { max: READINESS_MAX })}</Paragraph>
      ) : (
        <>
          <ul className="orgs-list">
            {profiles.map((p) => {
              const owners = (p.organization.members ?? []).filter((m) => m.role === 'OWNER' && m.user.email);
              const headingId = `readiness-${p.organizationId}`;
              return (
                <li key={p.organizationId} className="orgs-card" aria-labelledby={headingId}>
                  <Heading level={3} data-size="2xs" id={headingId}>
                    <DsLink asChild>
                      <Link to={`/foretag/${encodeURIComponent(p.organizationId)}`}>{p.organization.name}</Link>
                    </DsLink>
                  </Heading>
                  <Paragraph data-size="sm">
                    <progress className="orgs-progress" max={100} value={p.readiness.score} aria-hidden /> {t('readiness.score', { score: p.readiness.score })}
                  </Paragraph>
                  <Heading level={4} data-size="2xs">
                    {t('readiness.missing')}
                  </Heading>
                  <ul className="orgs-missing">
                    {p.readiness.missing.map((m) => (
                      <li key={m.item}>{m.advice}</li>
                    ))}
                  </ul>
                  <Paragraph data-size="sm" className="orgs-break">
                    {t('readiness.contact')}:{' '}
                    {owners.length
                      ? owners.map((m, i) => (
                          <span key={m.user.id}>
                            {i > 0 ? ', ' : null}
                            <DsLink href={`mailto:${m.user.email}`}>{m.user.email}</DsLink>
                          </span>
                        ))
                      : t('readiness.noContact')}
                  </Paragraph>
                </li>
              );
            })}
          </ul>
          {data?.enterprises.pageInfo.hasNextPage ? (
            <>
              <Paragraph data-size="sm">{t('readiness.shown', { shown: profiles.length, total: data.enterprises.totalCount })}</Paragraph>
              <Button
                variant="secondary"
                onClick={() =>
                  void fetchMore({
                    variables: { after: data.enterprises.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      ...fetchMoreResult,
                      enterprises: { ...fetchMoreResult.enterprises, nodes: [...previous.enterprises.nodes, ...fetchMoreResult.enterprises.nodes] },
                    }),
                  })
                }
              >
                {t('readiness.showMore')}
              </Button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
