import { existsSync, readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { extname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { type Request, type Response, type NextFunction } from 'express';

/** The API's own routes: never answered with the web app. */
const API_PATHS = /^\/(graphql|auth|export|health|ops)(\/|$)/;

/**
 * No request leaves our origin: scripts, styles, fonts and images come from here, the API is here. Inline
 * styles are allowed because Designsystemet's components set custom properties in `style`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A route of the web app and what its page loads (dist/web/routes.json, written by the build). */
interface RoutePreload {
  path: string;
  files: string[];
  css?: string[];
}

/**
 * index.html for each path: the route's own chunks and style sheets named in the head, so the browser fetches
 * them with the entry instead of after it has run (one round trip less before the page shows).
 */
function indexFor(directory: string): (path: string) => string {
  const html = readFileSync(join(directory, 'index.html'), 'utf8');
  const routesFile = join(directory, 'routes.json');
  const routes = existsSync(routesFile) ? (JSON.parse(readFileSync(routesFile, 'utf8')) as RoutePreload[]) : [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compiled = routes.map((route) => {
    const pattern = new RegExp(
      `^${route.path
        .split('/')
        .map((part) => (part.startsWith(':') ? '[^/]+' : escape(part)))
        .join('/')}/?$`,
    );
    const links = [
      ...(route.css ?? []).map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
      ...route.files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ];
    return { pattern, html: links.length > 0 ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html };
  });
  return (path) => compiled.find((route) => route.pattern.test(path))?.html ?? html;
}

/** A page as the web app's server render gives it (apps/web/src/entry-server.tsx). */
interface RenderedPage {
  status: number;
  html: string;
  title: string;
  language: 'sv' | 'en';
  state: unknown;
}
type RenderPage = (request: {
  url: string;
  origin: string;
  language: 'sv' | 'en';
  mayBeSignedIn: boolean;
  graphqlUrl: string;
  signal: AbortSignal;
}) => Promise<RenderedPage | null>;

/** How long a page may take to render on the server before the bare app is sent instead (it then loads in the browser). */
const RENDER_TIMEOUT_MS = 4000;
/** The reader's language, chosen in the app (apps/web/src/i18n/index.ts). */
const LANGUAGE_COOKIE = /(?:^|;\s*)samverka-language=(sv|en)(?:;|$)/;
/** Set by the app while someone is signed in in this browser (apps/web/src/api/tokens.ts). */
const SIGNED_IN_COOKIE = /(?:^|;\s*)samverka-signed-in=1(?:;|$)/;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*>/g;

/**
 * index.html with the server's render of the page in it: its HTML, title and language, and its data for
 * the app to start from. The app's code is not fetched with the page but kept in a template, which the
 * first script puts in the head once the page has loaded (apps/web/src/main.tsx): the page's own HTML and
 * style sheets come first.
 */
function withPage(html: string, page: RenderedPage): string {
  // JSON in a script element: `<` escaped, so no `</script>` or `<!--` in the data can end it early.
  const data = JSON.stringify(page.state).replace(/</g, '\\u003c');
  const preloads = (html.match(MODULE_PRELOAD) ?? []).map((link) => link.trim()).join('');
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(/<html lang="[^"]*"/, `<html lang="${page.language}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      '<div id="root"></div>',
      `<div id="root">${page.html}</div><script type="application/json" id="samverka-data">${data}</script><template id="samverka-preloads">${preloads}</template>`,
    );
}

/** The address this server answers on, as the request came in (the render asks GraphQL here). */
function ownGraphqlUrl(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  return `http://${isIPv6(address) ? `[${address}]` : address}:${req.socket.localPort}/graphql`;
}

/** Content types of the files that have a Brotli copy. */
const BROTLI_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * Serves the built web app (dist/web) from the API process: the hashed files under /assets cached for a
 * year (their Brotli copy, made by the build, to browsers that accept it), everything else revalidated,
 * and index.html for every other GET that is not an API route, so the app's own paths (/behov/…) open
 * directly. Compressed when the browser accepts it. Returns false when the web app has not been built
 * (the API alone, as in most tests).
 *
 * With `serverEntry` (dist/web-server/entry-server.js), the pages anyone may see come rendered, with their
 * data: readable before any script runs, and the app takes them over. A page that fails or takes too long
 * to render is sent bare, and the browser draws it as before.
 */
export function mountWebApp(app: NestExpressApplication, directory: string, serverEntry?: string): boolean {
  if (!existsSync(join(directory, 'index.html'))) return false;
  const index = indexFor(directory);
  const logger = new Logger('WebApp');
  let renderer: Promise<RenderPage | null> | undefined;
  const renderPage = (): Promise<RenderPage | null> =>
    (renderer ??=
      serverEntry && existsSync(serverEntry)
        ? import(pathToFileURL(serverEntry).href).then(
            (module: { render: RenderPage }) => module.render,
            (error: unknown) => {
              logger.error(`the web app's server render could not be loaded, pages are sent bare: ${String(error)}`);
              return null;
            },
          )
        : Promise.resolve(null));
  const pageFor = async (req: Request): Promise<{ status: number; html: string }> => {
    const html = index(req.path);
    const render = req.method === 'GET' ? await renderPage() : null;
    if (!render) return { status: 200, html };
    try {
      const cookies = req.headers.cookie ?? '';
      const page = await render({
        url: req.originalUrl,
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
        language: LANGUAGE_COOKIE.exec(cookies)?.[1] === 'en' ? 'en' : 'sv',
        mayBeSignedIn: SIGNED_IN_COOKIE.test(cookies),
        graphqlUrl: ownGraphqlUrl(req),
        signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
      });
      return page ? { status: page.status, html: withPage(html, page) } : { status: 200, html };
    } catch (error) {
      logger.warn(`${req.path} was sent bare, its server render failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { status: 200, html };
    }
  };
  const isApi = (req: Request) => API_PATHS.test(req.path);
  app.use(compression({ filter: (req, res) => !isApi(req as Request) && compression.filter(req, res) }));
  const assets = join(directory, 'assets');
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    const type = BROTLI_TYPES[extname(req.path)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type) return next();
    res.vary('Accept-Encoding');
    let file: string;
    try {
      file = join(assets, decodeURIComponent(req.path));
    } catch {
      return next(); // A malformed escape: express.static answers it (400).
    }
    if (!file.startsWith(assets + sep) || req.acceptsEncodings('br', 'identity') !== 'br' || !existsSync(`${file}.br`)) return next();
    res.set({ 'Content-Encoding': 'br', 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' });
    res.sendFile(`${file}.br`, { headers: { 'Content-Type': type } }, (error) => error && next(error));
  });
  app.use('/assets', express.static(join(directory, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  const files = express.static(directory, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req) || !req.accepts('html')) return next();
    pageFor(req).then(({ status, html }) => {
      res.set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'same-origin',
        Vary: 'Cookie',
      });
      res.status(status).type('html').send(html);
    }, next);
  });
  return true;
}
