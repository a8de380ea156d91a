import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { auth } from './accounts.js';
import { gql } from './graphql.js';
import { waitFor } from './wait.js';

export interface NotificationShape {
  id: string;
  kind: string;
  /** In the language of the request (Swedish unless it asks for English). */
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  organization: { id: string; name: string } | null;
  data: string;
  readAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_FIELDS = 'id kind title body subjectType subjectId organization { id name } data readAt createdAt';

/** One page of the person's inbox. */
export async function inbox(url: string, token: string, args: { first?: number; after?: string; unreadOnly?: boolean } = {}, headers: Record<string, string> = {}) {
  return gql<{ notifications: { totalCount: number; nodes: NotificationShape[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    url,
    `query($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount nodes { ${NOTIFICATION_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
    args,
    { ...auth(token), ...headers },
  );
}

/** The person's whole inbox, newest first. */
export async function allNotifications(url: string, token: string): Promise<NotificationShape[]> {
  const { data, errors } = await inbox(url, token, { first: 100 });
  if (!data) throw new Error(`notifications: ${JSON.stringify(errors)}`);
  return data.notifications.nodes;
}

export async function unreadCount(url: string, token: string): Promise<number> {
  const { data, errors } = await gql<{ unreadNotificationCount: number }>(url, '{ unreadNotificationCount }', {}, auth(token));
  if (!data) throw new Error(`unreadNotificationCount: ${JSON.stringify(errors)}`);
  return data.unreadNotificationCount;
}

/** A graphql-ws client of the API at `url` (http://…), signed in with the token when one is given. */
export function socketClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** A running subscription and what it received. */
export interface Received<T> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  stop(): void;
  /** Waits until at least `count` events arrived. */
  atLeast(count: number, timeoutMs?: number): Promise<T[]>;
}

export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const received: Received<T> = {
    events: [],
    errors: [],
    completed: false,
    stop: () => undefined,
    atLeast: (count, timeoutMs = 10_000) =>
      waitFor(`${count} subscription events (got ${received.events.length})`, () => (received.events.length >= count ? received.events : undefined), timeoutMs),
  };
  received.stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) received.errors.push(...value.errors);
        if (value.data) received.events.push(value.data as T);
      },
      // graphql-ws reports refused operations as a list of errors, a refused connection as its close event.
      error: (error) => void (Array.isArray(error) ? received.errors.push(...error) : received.errors.push(error)),
      complete: () => void (received.completed = true),
    },
  );
  return received;
}

/** Resolves once the client's connection is acknowledged (it has signed in). */
export function connected(client: Client, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the WebSocket connection was not acknowledged')), timeoutMs);
    const off = client.on('connected', () => {
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
