import { useQuery } from '@apollo/client/react';
import { Alert, Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format';
import { ADMIN_START } from './admin-queries';
import { AdminPage } from './admin-shared';

/** The administration's sections, each with its figure now; organisations and imports are other pages' work, linked. */
export function AdminStartPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('title')} back={false}>
      <Paragraph>{t('start.lead')}</Paragraph>
      <Sections />
      <section aria-labelledby="admin-queues">
        <Heading level={2} data-size="sm" id="admin-queues">
          {t('queues.title')}
        </Heading>
        <Paragraph>{t('queues.intro')}</Paragraph>
        <Paragraph>{t('queues.when')}</Paragraph>
        <Paragraph>{t('queues.how')}</Paragraph>
        <Paragraph>
          {/* A plain link: the dashboard is the API's own page, not the app's, and asks for the token itself. */}
          <DsLink href="/ops/queues">{t('queues.link')}</DsLink>
        </Paragraph>
      </section>
    </AdminPage>
  );
}

function Sections() {
  const { t } = useTranslation('admin');
  const { data, loading, error } = useQuery(ADMIN_START, { fetchPolicy: 'cache-and-network' });
  const figure = (text: string | null) => (data ? text : loading ? t('start.loading') : null);
  const indicators = data?.impactIndicators ?? [];
  const rebuild = data?.matchingRebuild;
  const matchingText = !rebuild
    ? t('start.matchingNever')
    : rebuild.status === 'RUNNING'
      ? t('start.matchingRunning', { done: rebuild.chunksDone, total: rebuild.chunksTotal })
      : t('start.matchingDone', { date: rebuild.finishedAt ? formatDate(rebuild.finishedAt.slice(0, 10)) : '' });
  const count = (key: string, n: number | undefined) => (n === undefined ? null : t(key, { count: n, formatted: formatNumber(n) }));
  const sections = [
    { to: '/admin/personer', title: t('start.people'), text: figure(count('start.peopleText', data?.users.totalCount)) },
    { to: '/admin/granskning', title: t('start.audit'), text: figure(count('start.auditText', data?.auditEvents.totalCount)) },
    {
      to: '/admin/indikatorer',
      title: t('start.indicators'),
      text: figure(data ? t('start.indicatorsText', { active: indicators.filter((i) => i.active).length, retired: indicators.filter((i) => !i.active).length }) : null),
    },
    { to: '/admin/matchning', title: t('start.matching'), text: figure(data ? matchingText : null) },
    { to: '/admin/synpunkter', title: t('start.feedback'), text: figure(count('start.feedbackText', data?.feedbackMessages.totalCount)) },
    { to: '/organisationer', title: t('start.organizations'), text: t('start.organizationsText') },
    { to: '/importer', title: t('start.imports'), text: t('start.importsText') },
  ];
  return (
    <section aria-labelledby="admin-sections">
      <Heading level={2} data-size="sm" id="admin-sections" className="visually-hidden">
        {t('start.sections')}
      </Heading>
      {error && !data ? (
        <Alert data-color="warning">
          <Paragraph>{t('start.error')}</Paragraph>
        </Alert>
      ) : null}
      <ul className="admin-sections">
        {sections.map((s) => (
          <li key={s.to}>
            <Card className="admin-section-card" data-color="neutral">
              <Heading level={3} data-size="xs">
                <DsLink asChild>
                  <Link to={s.to}>{s.title}</Link>
                </DsLink>
              </Heading>
              {s.text ? <Paragraph data-size="sm">{s.text}</Paragraph> : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

export { AdminStartPage as Component };
