import { Card, Heading, Link as DsLink, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useWorkspaceRoles } from '../../app/Workspace';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { BuyerStart } from '../buyer/BuyerStart';
import { usePageTitle } from '../../lib/page';
import { EnterpriseStart } from '../enterprise/EnterpriseStart';
import { notificationLink, useRefetchOnLanguageChange, VerificationState } from './shared';
import './accounts.css';

const UNREAD = graphql(`
  query HomePageUnread {
    notifications(first: 3, unreadOnly: true) {
      totalCount
      nodes {
        id
        kind
        title
        createdAt
        path
      }
    }
  }
`);

const PLACE = graphql(`
  query HomePagePlace($countyCode: String!, $municipalityCode: String!, $hasMunicipality: Boolean!) {
    county(code: $countyCode) {
      code
      name
    }
    municipality(code: $municipalityCode) @include(if: $hasMunicipality) {
      code
      name
    }
  }
`);

function Place({ countyCode, municipalityCode }: { countyCode: string; municipalityCode: string | null }) {
  const { data } = useQuery(PLACE, { variables: { countyCode, municipalityCode: municipalityCode ?? '', hasMunicipality: !!municipalityCode }, fetchPolicy: 'cache-first' });
  if (!data) return null;
  const names = [data.municipality?.name, data.county?.name].filter(Boolean);
  return <>{names.join(', ')}</>;
}

function UnreadNotifications() {
  const { t } = useTranslation('accounts');
  const { data, loading, refetch } = useQuery(UNREAD, { fetchPolicy: 'cache-and-network' });
  useRefetchOnLanguageChange(refetch);
  const count = data?.notifications.totalCount ?? 0;
  return (
    <section aria-labelledby="home-unread" className="accounts-section">
      <Heading level={2} data-size="sm" id="home-unread">
        {t('home.unreadTitle')}
      </Heading>
      {!data && loading ? (
        <Skeleton variant="text" width={30} />
      ) : count === 0 ? (
        <Paragraph>{t('home.noUnread')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('home.unreadCount', { count })}</Paragraph>
          <ul className="accounts-list">
            {data?.notifications.nodes.map((n) => {
              const link = notificationLink(n);
              return (
                <li key={n.id}>
                  {link ? (
                    <DsLink asChild>
                      <Link to={link.to}>{n.title}</Link>
                    </DsLink>
                  ) : (
                    <span className="accounts-strong">{n.title}</span>
                  )}
                  <div className="accounts-meta">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Paragraph>
        <DsLink asChild>
          <Link to="/inkorg">{t('home.toInbox')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}

/** The coordinator's and the administrator's way into their pages, with what each is for. */
function WorkspaceStart() {
  const { t } = useTranslation('accounts');
  const { me } = useSession();
  const roles = useWorkspaceRoles();
  if (!roles.coordinator) return null;
  const links = [
    { to: '/region', key: 'region' },
    { to: '/formedling', key: 'brokering' },
    { to: '/organisationer', key: 'organisations' },
    { to: '/importer', key: 'imports' },
    { to: '/goda-exempel/kurera', key: 'examples' },
    ...(roles.administrator ? [{ to: '/admin', key: 'administration' }] : []),
  ] as const;
  return (
    <section aria-labelledby="home-workspace" className="accounts-section">
      <Heading level={2} data-size="sm" id="home-workspace">
        {t(roles.administrator ? 'home.workspace.titleAdministrator' : 'home.workspace.title')}
      </Heading>
      {me?.coordinatorCountyCodes.length ? <Paragraph>{t('home.workspace.counties', { count: me.coordinatorCountyCodes.length })}</Paragraph> : null}
      <ul className="accounts-links">
        {links.map((link) => (
          <li key={link.to}>
            <DsLink asChild>
              <Link to={link.to}>{t(`home.workspace.${link.key}`)}</Link>
            </DsLink>
            <Paragraph data-size="sm">{t(`home.workspace.${link.key}Hint`)}</Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('accounts');
  const { me, organization } = useSession();
  const title = me ? t('home.title', { name: me.displayName }) : t('home.titleNoName');
  usePageTitle(title);
  const memberships = me?.memberships ?? [];
  const roles = useWorkspaceRoles();

  return (
    <div className="page accounts-page accounts-home">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {organization ? (
        <Card className="accounts-organization" data-color="neutral">
          <Heading level={2} data-size="xs" className="accounts-eyebrow">
            {t('home.actingFor')}
          </Heading>
          <Paragraph data-size="lg" className="accounts-strong">
            {organization.name}
          </Paragraph>
          <Paragraph data-size="sm">
            {t(`kinds.${organization.kind}`)} · <Place countyCode={organization.countyCode} municipalityCode={organization.municipalityCode ?? null} />
          </Paragraph>
          <VerificationState verified={organization.verified} />
        </Card>
      ) : me && roles.coordinator ? null : me ? (
        <section aria-labelledby="home-no-organization" className="accounts-section">
          <Heading level={2} data-size="sm" id="home-no-organization">
            {t('home.noOrganizationTitle')}
          </Heading>
          <Paragraph>{t('home.noOrganizationBody')}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/registrera">{t('home.registerOrganization')}</Link>
            </DsLink>
          </Paragraph>
        </section>
      ) : (
        <Skeleton variant="rectangle" height={120} />
      )}

      {memberships.length > 1 ? (
        <section aria-labelledby="home-memberships" className="accounts-section">
          <Heading level={2} data-size="sm" id="home-memberships">
            {t('home.membershipsTitle')}
          </Heading>
          <ul className="accounts-list">
            {memberships.map((m) => (
              <li key={m.organization.id}>
                <span className="accounts-strong">{m.organization.name}</span> – {t(`roles.${m.role}`)}
                {m.organization.id === organization?.id ? <span className="accounts-meta"> ({t('home.current')})</span> : null}
              </li>
            ))}
          </ul>
          <Paragraph data-size="sm">{t('home.switchHint')}</Paragraph>
        </section>
      ) : organization && memberships[0] ? (
        <Paragraph>{t('home.yourRole', { role: t(`roles.${memberships[0].role}`).toLowerCase(), organization: organization.name })}</Paragraph>
      ) : null}

      {organization && (organization.kind === 'MUNICIPALITY' || organization.kind === 'REGION') ? <BuyerStart organizationId={organization.id} /> : null}
      {organization?.kind === 'SOCIAL_ENTERPRISE' ? <EnterpriseStart organization={organization} /> : null}

      <WorkspaceStart />

      <UnreadNotifications />

      <section aria-labelledby="home-now" className="accounts-section">
        <Heading level={2} data-size="sm" id="home-now">
          {t('home.nowTitle')}
        </Heading>
        <ul className="accounts-links">
          <li>
            <DsLink asChild>
              <Link to="/behov">{t('home.linkNeeds')}</Link>
            </DsLink>
            <Paragraph data-size="sm">{t('home.linkNeedsHint')}</Paragraph>
          </li>
          <li>
            <DsLink asChild>
              <Link to="/foretag">{t('home.linkEnterprises')}</Link>
            </DsLink>
            <Paragraph data-size="sm">{t('home.linkEnterprisesHint')}</Paragraph>
          </li>
          <li>
            <DsLink asChild>
              <Link to="/goda-exempel">{t('home.linkGoodExamples')}</Link>
            </DsLink>
            <Paragraph data-size="sm">{t('home.linkGoodExamplesHint')}</Paragraph>
          </li>
          <li>
            <DsLink asChild>
              <Link to="/konto">{t('home.linkAccount')}</Link>
            </DsLink>
            <Paragraph data-size="sm">{t('home.linkAccountHint')}</Paragraph>
          </li>
        </ul>
      </section>
    </div>
  );
}
