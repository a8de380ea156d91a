import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ADMIN_FEEDBACK } from './admin-queries';
import { AdminPage } from './admin-shared';

const PAGE_SIZE = 20;

/** Feedback on accessibility from the accessibility page's form, newest first, for administrators to answer. */
export function FeedbackAdminPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('feedback.title')}>
      <Paragraph>{t('feedback.lead')}</Paragraph>
      <Messages />
    </AdminPage>
  );
}

function Messages() {
  const { t } = useTranslation('admin');
  const { data, loading, error, fetchMore } = useQuery(ADMIN_FEEDBACK, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const [loadingMore, setLoadingMore] = useState(false);
  const result = data?.feedbackMessages;
  if (!result && loading) return <Spinner aria-label={t('feedback.loading')} />;
  if (!result) {
    return error ? (
      <Alert data-color="danger">
        <Paragraph>{t('feedback.error')}</Paragraph>
      </Alert>
    ) : null;
  }
  const loadMore = async () => {
    if (!result.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          feedbackMessages: { ...fetchMoreResult.feedbackMessages, nodes: [...previous.feedbackMessages.nodes, ...fetchMoreResult.feedbackMessages.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  if (result.totalCount === 0) return <Paragraph>{t('feedback.none')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('feedback.count', { count: result.totalCount, formatted: formatNumber(result.totalCount) })}</Paragraph>
      <ul className="admin-list">
        {result.nodes.map((m) => (
          <li key={m.id}>
            <Card data-color="neutral">
              <article aria-labelledby={`feedback-${m.id}`}>
                <Heading level={2} data-size="2xs" id={`feedback-${m.id}`}>
                  {t('feedback.received', { date: formatDateTime(m.createdAt) })}
                </Heading>
                <Paragraph className="admin-message" lang={m.language}>
                  {m.message}
                </Paragraph>
                <dl className="admin-facts">
                  <dt>{t('feedback.page')}</dt>
                  <dd>{m.page ?? t('feedback.noPage')}</dd>
                  <dt>{t('feedback.email')}</dt>
                  <dd>{m.email ? <DsLink href={`mailto:${m.email}`}>{m.email}</DsLink> : t('feedback.noEmail')}</dd>
                  <dt>{t('feedback.language')}</dt>
                  <dd>{t(`feedback.language_${m.language}`, { defaultValue: m.language })}</dd>
                </dl>
              </article>
            </Card>
          </li>
        ))}
      </ul>
      {result.pageInfo.hasNextPage ? (
        <div>
          <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
            {t('feedback.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

export { FeedbackAdminPage as Component };
