import { parseSetCookie, stringifyCookie, type SetCookie } from 'cookie';

/** A Set-Cookie header as the browser read it, and the raw text for checking its attributes. */
export interface ReceivedCookie extends SetCookie {
  raw: string;
}

/**
 * A page of our web app, as a browser runs it: it keeps the cookies the API sets (by name; a Max-Age of
 * 0 deletes one), sends a cookie only to paths under its Path and, when Secure, only over https or to the
 * loopback (as browsers do), and marks its requests as a same-origin page's are (`Origin`,
 * `Sec-Fetch-Site: same-origin`). `headers` override or remove (undefined) what it would send.
 */
export class BrowserPage {
  readonly cookies = new Map<string, ReceivedCookie>();
  /** The cookies of the last response. */
  lastSetCookies: ReceivedCookie[] = [];

  constructor(
    private readonly apiUrl: string,
    readonly origin: string,
  ) {}

  async fetch(path: string, init: { method?: string; headers?: Record<string, string | undefined>; body?: unknown } = {}): Promise<Response> {
    const target = new URL(path, this.apiUrl);
    const headers: Record<string, string | undefined> = {
      origin: this.origin,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      cookie: this.cookieHeaderFor(target) || undefined,
      ...init.headers,
    };
    const response = await fetch(target, {
      method: init.method ?? 'POST',
      headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    this.lastSetCookies = response.headers.getSetCookie().map((raw) => ({ ...parseSetCookie(raw), raw }));
    for (const cookie of this.lastSetCookies) {
      if (cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie);
    }
    return response;
  }

  /** A GraphQL request from the page, as its client library sends it. */
  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string | undefined> = {}) {
    const response = await this.fetch('/graphql', { body: { query, variables }, headers });
    return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  cookieHeaderFor(target: URL): string {
    const secureTransport = target.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(target.hostname);
    const sent = [...this.cookies.values()].filter((cookie) => {
      const path = cookie.path ?? '/';
      const underPath = target.pathname === path || target.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
      return underPath && (!cookie.secure || secureTransport);
    });
    return stringifyCookie(Object.fromEntries(sent.map((cookie) => [cookie.name, cookie.value])));
  }
}
