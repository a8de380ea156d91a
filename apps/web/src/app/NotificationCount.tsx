import { Badge } from '@digdir/designsystemet-react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';

const UNREAD = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

/** The inbox link with its unread count, kept live over the WebSocket subscription. */
export function NotificationCount() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(UNREAD, { fetchPolicy: 'cache-and-network' });
  useSubscription(ADDED, { onData: () => void refetch() });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/inkorg" className="header-link notification-link" aria-label={t('notifications.label', { count })}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 ? <Badge count={count} maxCount={99} data-color="danger" /> : null}
    </Link>
  );
}
