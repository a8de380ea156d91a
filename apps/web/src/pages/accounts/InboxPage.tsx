import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Switch, Tag } from '@digdir/designsystemet-react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { NotificationSettings } from './NotificationSettings';
import { notificationLink, useRefetchOnLanguageChange } from './shared';
import './accounts.css';

const PAGE_SIZE = 20;

const NOTIFICATIONS = graphql(`
  query InboxPageNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        body
        createdAt
        readAt
        path
        organization {
          id
          name
        }
      }
    }
    unreadNotificationCount
  }
`);

const MARK_READ = graphql(`
  mutation InboxPageMarkRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      notifications {
        id
        readAt
      }
    }
  }
`);

const MARK_ALL_READ = graphql(`
  mutation InboxPageMarkAllRead {
    markAllNotificationsRead {
      markedCount
      unreadCount
    }
  }
`);

export function Component() {
  const { t } = useTranslation('accounts');
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  // The filter lives in the address (a bookmark keeps it); the switch follows a click at once, not after the navigation.
  const unreadOnlyInUrl = params.get('visa') === 'olasta';
  const [unreadOnly, setUnreadOnly] = useState(unreadOnlyInUrl);
  useEffect(() => setUnreadOnly(unreadOnlyInUrl), [unreadOnlyInUrl]);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(t('inbox.title'));

  const { data, loading, error, refetch, fetchMore } = useQuery(NOTIFICATIONS, {
    variables: { first: PAGE_SIZE, after: null, unreadOnly },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  useRefetchOnLanguageChange(refetch);

  /** The header's count reads the same root field: write the new count there so every view of it follows. */
  const setUnread = (count: number) => {
    client.cache.modify({ id: 'ROOT_QUERY', fields: { unreadNotificationCount: () => count } });
  };

  const [markRead] = useMutation(MARK_READ);
  const [markAllRead, { loading: markingAll }] = useMutation(MARK_ALL_READ);

  const notifications = (data?.notifications.nodes ?? []).filter((n) => !unreadOnly || !n.readAt);
  const total = data?.notifications.totalCount ?? 0;
  const unread = data?.unreadNotificationCount ?? 0;

  const markOne = async (id: string, title: string) => {
    setFailure(null);
    try {
      const { data: answer } = await markRead({ variables: { input: { notificationIds: [id] } } });
      if (answer) setUnread(answer.markNotificationsRead.unreadCount);
      setAnnouncement(t('inbox.markedOne', { title }));
      if (unreadOnly) void refetch();
    } catch {
      setFailure(t('inbox.markFailed'));
    }
  };

  const markAll = async () => {
    setFailure(null);
    try {
      const { data: answer } = await markAllRead();
      if (answer) setUnread(answer.markAllNotificationsRead.unreadCount);
      // Those shown are read now; the list is then asked again for what the server says.
      const now = new Date().toISOString();
      for (const n of data?.notifications.nodes ?? []) {
        if (!n.readAt) client.cache.modify({ id: client.cache.identify({ __typename: 'Notification', id: n.id }), fields: { readAt: () => now } });
      }
      await refetch();
      setAnnouncement(t('inbox.markedAll', { count: answer?.markAllNotificationsRead.markedCount ?? 0 }));
    } catch {
      setFailure(t('inbox.markFailed'));
    }
  };

  return (
    <div className="page accounts-page accounts-inbox">
      <Heading level={1} data-size="lg">
        {t('inbox.title')}
      </Heading>
      <Paragraph>{t('inbox.intro')}</Paragraph>

      <div className="accounts-inbox-tools">
        <Switch
          label={t('inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            const next = new URLSearchParams(params);
            if (e.target.checked) next.set('visa', 'olasta');
            else next.delete('visa');
            setParams(next, { replace: true });
          }}
        />
        {unread > 0 ? (
          <Button variant="secondary" data-size="sm" onClick={() => void markAll()} aria-disabled={markingAll || undefined}>
            {t('inbox.markAll')}
          </Button>
        ) : null}
      </div>

      <p aria-live="polite" className="accounts-inbox-count">
        {data ? (unreadOnly ? t('inbox.countUnreadOnly', { count: total }) : t('inbox.count', { count: total, unread })) : null}
      </p>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {failure ? <Alert data-color="danger">{failure}</Alert> : null}

      {error && !data ? (
        <Alert data-color="danger">
          <Paragraph>{t('common:state.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('common:state.retry')}
          </Button>
        </Alert>
      ) : !data && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : notifications.length === 0 ? (
        <Paragraph>{unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}</Paragraph>
      ) : (
        <ol className="accounts-inbox-list">
          {notifications.map((n) => {
            const link = notificationLink(n);
            const isUnread = !n.readAt;
            return (
              <li key={n.id} className={isUnread ? 'accounts-notification accounts-notification-unread' : 'accounts-notification'}>
                <article aria-labelledby={`notification-${n.id}`}>
                  <div className="accounts-notification-head">
                    {isUnread ? (
                      <Tag data-color="info" data-size="sm">
                        {t('inbox.unread')}
                      </Tag>
                    ) : null}
                    <Heading level={2} data-size="2xs" id={`notification-${n.id}`}>
                      {n.title}
                    </Heading>
                  </div>
                  <Paragraph data-size="sm" className="accounts-meta">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    {n.organization ? ` · ${t('inbox.for', { organization: n.organization.name })}` : null}
                  </Paragraph>
                  {n.body ? <Paragraph>{n.body}</Paragraph> : null}
                  <div className="accounts-notification-actions">
                    {link ? (
                      <DsLink asChild>
                        <Link to={link.to}>{t(`inbox.${link.text}`)}</Link>
                      </DsLink>
                    ) : null}
                    {isUnread ? (
                      <Button variant="tertiary" data-size="sm" onClick={() => void markOne(n.id, n.title)}>
                        {t('inbox.markRead')}
                        <span className="visually-hidden">: {n.title}</span>
                      </Button>
                    ) : null}
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      {data?.notifications.pageInfo.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: data.notifications.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...fetchMoreResult,
                notifications: { ...fetchMoreResult.notifications, nodes: [...previous.notifications.nodes, ...fetchMoreResult.notifications.nodes] },
              }),
            })
          }
        >
          {t('common:pagination.showMore')}
        </Button>
      ) : null}
      <NotificationSettings />
    </div>
  );
}
