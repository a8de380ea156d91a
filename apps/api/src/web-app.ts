import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Serves the built web app (dist/web) from the API process: the hashed files under /assets cached for a
 * year, everything else revalidated, and index.html for every other GET that is not an API route, so the
 * app's own paths (/behov/…) open directly. Compressed when the browser accepts it. Returns false when
 * the web app has not been built (the API alone, as in most tests).
 */
export function mountWebApp(app: NestExpressApplication, directory: string): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  const isApi = (req: Request) => API_PATHS.test(req.path);
  app.use(compression({ filter: (req, res) => !isApi(req as Request) && compression.filter(req, res) }));
  app.use('/assets', express.static(join(directory, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req)) return next();
    return express.static(directory, { index: false, maxAge: '1h' })(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req) || !req.accepts('html')) return next();
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    res.sendFile(index);
  });
  return true;
}
