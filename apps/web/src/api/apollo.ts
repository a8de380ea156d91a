import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { Observable } from 'rxjs';
import { currentLanguage } from '../i18n';
import { accessToken, CSRF_HEADERS, refreshSession } from './tokens';

/** Whether an error is the API saying the access token is no longer good (expired, or its session ended). */
function isUnauthenticated(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** Every request carries the access token (from memory) and the reader's language, so the API's own texts come in it. */
const headers = new SetContextLink((previous) => {
  const token = accessToken();
  return {
    headers: {
      ...(previous.headers as Record<string, string> | undefined),
      'Accept-Language': currentLanguage(),
      // Signing in with session: COOKIE sets a cookie, so the API asks our page to show itself (docs/sessions.md).
      ...CSRF_HEADERS,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  };
});

/** An expired access token is renewed through the cookie once, and the request sent again. */
const renewal = new ErrorLink(({ error, operation, forward }) => {
  if (!isUnauthenticated(error) || !operation.getContext().hadToken || operation.getContext().retried) return;
  return new Observable<ApolloLink.Result>((observer) => {
    let subscription: { unsubscribe(): void } | undefined;
    refreshSession()
      .then((session) => {
        if (!session) throw error;
        operation.setContext({ retried: true });
        subscription = forward(operation).subscribe(observer);
      })
      .catch((reason: unknown) => observer.error(reason));
    return () => subscription?.unsubscribe();
  });
});

const markToken = new ApolloLink((operation, forward) => {
  operation.setContext({ hadToken: accessToken() !== null });
  return forward(operation);
});

const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

/**
 * Subscriptions (the unread count) go over graphql-ws, loaded only once someone signed in needs them, so
 * the public pages do not carry the WebSocket client.
 */
let wsLink: ApolloLink | null = null;
async function subscriptionLink(): Promise<ApolloLink> {
  if (wsLink) return wsLink;
  const [{ GraphQLWsLink }, { createClient }] = await Promise.all([import('@apollo/client/link/subscriptions'), import('graphql-ws')]);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  wsLink = new GraphQLWsLink(
    createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      // Read on every (re)connection, so a renewed token is used after a reconnect.
      connectionParams: () => {
        const token = accessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  );
  return wsLink;
}

const subscriptions = new ApolloLink(
  (operation, forward) =>
    new Observable<ApolloLink.Result>((observer) => {
      let subscription: { unsubscribe(): void } | undefined;
      let closed = false;
      void subscriptionLink().then((link) => {
        if (!closed) subscription = link.request(operation, forward).subscribe(observer);
      });
      return () => {
        closed = true;
        subscription?.unsubscribe();
      };
    }),
);

const isSubscription = (operation: ApolloLink.Operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION;

/**
 * `state`: the cache the server rendered the page with. Its queries are not asked again while the page is
 * taken over (the first seconds), only when the reader moves on.
 */
export function createApolloClient(state?: NormalizedCacheObject): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([markToken, renewal, headers, ApolloLink.split(isSubscription, subscriptions, http)]),
    cache: state ? new InMemoryCache().restore(state) : new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
    ...(state ? { ssrForceFetchDelay: 5000 } : {}),
  });
}
