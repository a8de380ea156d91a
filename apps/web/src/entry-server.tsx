/**
 * The server's render of a page (built by `npm run build:web` into dist/web-server, used by
 * apps/api/src/web-app.ts): the page's HTML with its data, so a reader sees it before any script has run,
 * and the data itself, which the browser's Apollo cache starts from (main.tsx), so hydration asks nothing again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { Kind, OperationTypeNode } from 'graphql';
import { Observable, of, tap } from 'rxjs';
import { prerenderStatic } from '@apollo/client/react/ssr';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { routes } from './app/routes';
import { wireFields } from './field-wiring';
import { i18n, loadEveryArea, setLanguageOfRender, type Language } from './i18n';
import { OriginContext } from './lib/origin';
import { PageTitleContext } from './lib/page';

export interface RenderRequest {
  /** The path and query asked for. */
  url: string;
  /** The address the reader opened Samverka at (https://samverka.example.se). */
  origin: string;
  language: Language;
  /** Whether the reader may be signed in (the browser's hint cookie): the header then waits for the session. */
  mayBeSignedIn: boolean;
  /** Where this same server answers GraphQL. */
  graphqlUrl: string;
  signal: AbortSignal;
}

export interface RenderedPage {
  status: number;
  html: string;
  title: string;
  language: Language;
  /** The Apollo cache after the render, for the browser to start from. */
  state: unknown;
}

/** Fields that answer the same to everyone and change only with a new release: places, goals, CPV codes. */
const REFERENCE_FIELDS = new Set(['counties', 'county', 'municipalities', 'municipality', 'sdgs', 'sdg', 'cpvCodes', 'cpvCode']);
const REFERENCE_TTL_MS = 10 * 60_000;
const referenceAnswers = new Map<string, { until: number; result: ApolloLink.Result }>();

/**
 * Answers queries of reference data alone from what an earlier render got, for ten minutes: most pages'
 * filters name every kommun and goal, and asking for them on every render would double its time.
 */
const referenceData = new ApolloLink((operation, forward) => {
  const definition = operation.query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const reference =
    definition?.operation === OperationTypeNode.QUERY && definition.selectionSet.selections.every((s) => s.kind === Kind.FIELD && REFERENCE_FIELDS.has(s.name.value));
  if (!reference) return forward(operation);
  const key = `${operation.operationName ?? ''} ${JSON.stringify(operation.variables)}`;
  const kept = referenceAnswers.get(key);
  if (kept && kept.until > Date.now()) return of(kept.result) as Observable<ApolloLink.Result>;
  return forward(operation).pipe(
    tap((result) => {
      if (!result.errors?.length) referenceAnswers.set(key, { until: Date.now() + REFERENCE_TTL_MS, result });
    }),
  );
});

const languageOfRender = new AsyncLocalStorage<Language>();
setLanguageOfRender(() => languageOfRender.getStore());
const everyArea = loadEveryArea();
const handler = createStaticHandler(routes);

/** The page at `url`, or null for one the browser alone shows (app/routes.tsx, BROWSER_ONLY). */
export async function render({ url, origin, language, mayBeSignedIn, graphqlUrl, signal }: RenderRequest): Promise<RenderedPage | null> {
  await everyArea;
  const context = await handler.query(new Request(new URL(url, 'http://samverka.invalid'), { signal }));
  if (context instanceof Response || context.errors || context.matches.some((m) => (m.route.handle as { browserOnly?: boolean } | undefined)?.browserOnly)) return null;
  // A query that failed is not in the cache the browser starts from, so the browser would ask again and
  // draw something else than the server did: such a page is left to the browser.
  let failed = false;
  const noteFailures = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (result) => void (failed ||= Boolean(result.errors?.length)),
        error: () => void (failed = true),
      }),
    ),
  );
  const client = new ApolloClient({
    ssrMode: true,
    link: ApolloLink.from([noteFailures, referenceData, new HttpLink({ uri: graphqlUrl, headers: { 'Accept-Language': language } })]),
    cache: new InMemoryCache(),
  });
  const translations = i18n.cloneInstance({ lng: language });
  const title: { title?: string } = {};
  const tree = (
    <PageTitleContext value={title}>
      <OriginContext value={origin}>
        <AppProviders i18n={translations} client={client} mayBeSignedIn={mayBeSignedIn}>
          <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
        </AppProviders>
      </OriginContext>
    </PageTitleContext>
  );
  const { result, aborted } = await languageOfRender.run(language, () => prerenderStatic({ tree, context: { client }, signal, renderFunction: renderToString }));
  if (aborted || failed) return null;
  const notFound = context.matches.at(-1)?.route.path === '*';
  return { status: notFound ? 404 : 200, html: wireFields(result), title: title.title ?? translations.t('appName'), language, state: client.extract() };
}
