import { existsSync, readFileSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
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

/** Content types of the files that have a Brotli copy. */
const BROTLI_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * Serves the built web app (dist/web) from the API process: the hashed files under /assets cached for a
 * year (their Brotli copy, made by the build, to browsers that accept it), everything else revalidated,
 * and index.html for every other GET that is not an API route, so the app's own paths (/behov/…) open
 * directly. Compressed when the browser accepts it. Returns false when the web app has not been built
 * (the API alone, as in most tests).
 */
export function mountWebApp(app: NestExpressApplication, directory: string): boolean {
  if (!existsSync(join(directory, 'index.html'))) return false;
  const index = indexFor(directory);
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
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    res.type('html').send(index(req.path));
  });
  return true;
}
