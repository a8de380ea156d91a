import { t } from '@samverka/engine';
import { auth, createOrganization, me, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { BrowserPage } from '../support/browser.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { FakeClock } from '../support/fake-clock.js';
import { gql } from '../support/graphql.js';

// The web app's page is served from the public address (here a development server on localhost), its
// requests carry the header X-Samverka-CSRF, and its refresh token lives in a cookie.
const PUBLIC_URL = 'http://localhost:5173';
const REFRESH_TTL_S = 3600;
const COOKIE = '__Secure-samverka-session';
const CSRF = { 'x-samverka-csrf': '1' };
const PAYLOAD = 'accessToken refreshToken refreshTokenExpiresAt user { id email memberships { role organization { name members { role } } } }';

interface Payload {
  accessToken: string;
  refreshToken: string | null;
  user: { id: string; email: string | null; memberships: { role: string; organization: { name: string; members: { role: string }[] | null } }[] | null };
}

describe('sessions in the browser (embedded mode)', () => {
  const clock = new FakeClock();
  let api: EmbeddedApi;
  let url: string;

  beforeAll(async () => {
    api = await startEmbeddedApi('web-sessions', { PUBLIC_URL, REFRESH_TOKEN_TTL_S: String(REFRESH_TTL_S), LOGIN_MAX_FAILURES_PER_IP: '1000' }, { clock: clock.now });
    ({ url } = api);
  });
  afterAll(async () => api?.stop());

  const page = () => new BrowserPage(url, PUBLIC_URL);
  const signIn = (browser: BrowserPage, email: string, headers: Record<string, string | undefined> = CSRF) =>
    browser.graphql<{ login: Payload }>(
      `mutation($input: LoginInput!) { login(input: $input) { ${PAYLOAD} } }`,
      { input: { email, password: PASSWORD, session: 'COOKIE' } },
      headers,
    );
  const refresh = (browser: BrowserPage, headers: Record<string, string | undefined> = CSRF) => browser.fetch('/auth/refresh', { headers });
  const logout = (browser: BrowserPage, headers: Record<string, string | undefined> = CSRF) => browser.fetch('/auth/logout', { headers });
  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; message: string } }) });

  /** A person who owns an organisation, registered the script way. */
  async function owner(email: string, organization: string) {
    const person = await register(url, email);
    const created = await createOrganization(url, person.accessToken, {
      kind: 'SOCIAL_ENTERPRISE',
      name: organization,
      organisationsnummer: nextOrganisationsnummer(),
      municipalityCode: '1280',
    });
    expect(created.errors).toBeUndefined();
    return person;
  }

  it('signs in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie for /auth only, and not in the answer', async () => {
    await owner('web.anna@exempel.se', 'Anna Städ ek. för.');
    const browser = page();
    const result = await signIn(browser, 'web.anna@exempel.se');

    expect(result.errors).toBeUndefined();
    expect(result.data!.login.refreshToken).toBeNull();
    expect(result.data!.login.accessToken).toEqual(expect.any(String));
    expect(browser.lastSetCookies).toHaveLength(1);
    const [cookie] = browser.lastSetCookies;
    expect(cookie).toMatchObject({ name: COOKIE, httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' });
    // As long as the refresh token lives (less the moments the request took).
    expect(cookie.maxAge).toBeGreaterThan(REFRESH_TTL_S - 60);
    expect(cookie.maxAge).toBeLessThanOrEqual(REFRESH_TTL_S);
    expect(cookie.raw).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The browser sends it to /auth, and not with the GraphQL requests.
    expect(browser.cookieHeaderFor(new URL('/auth/refresh', url))).toContain(COOKIE);
    expect(browser.cookieHeaderFor(new URL('/graphql', url))).toBe('');
    // The access token stays in the page's memory and works as a bearer token.
    expect((await me(url, result.data!.login.accessToken)).data?.me?.id).toBe(result.data!.login.user.id);
  });

  it('answers sign-in and registration with the person, their memberships and organisations', async () => {
    const person = await owner('web.bo@exempel.se', 'Bo Bygg AB');
    const signedIn = await signIn(page(), 'web.bo@exempel.se');
    expect(signedIn.data?.login.user).toEqual({
      id: person.userId,
      email: 'web.bo@exempel.se',
      memberships: [{ role: 'OWNER', organization: { name: 'Bo Bygg AB', members: [{ role: 'OWNER' }] } }],
    });

    const registered = await page().graphql<{ register: Payload }>(
      `mutation($input: RegisterInput!) { register(input: $input) { ${PAYLOAD} } }`,
      {
        input: { email: 'web.cilla@exempel.se', password: PASSWORD, displayName: 'Cilla', session: 'COOKIE' },
      },
      CSRF,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.register.user).toMatchObject({ email: 'web.cilla@exempel.se', memberships: [] });

    // The token flow for scripts answers the same way, and a refresh too.
    const script = await gql<{ login: Payload }>(url, `mutation($input: LoginInput!) { login(input: $input) { ${PAYLOAD} } }`, {
      input: { email: 'web.bo@exempel.se', password: PASSWORD },
    });
    expect(script.data!.login.user.memberships).toEqual([{ role: 'OWNER', organization: { name: 'Bo Bygg AB', members: [{ role: 'OWNER' }] } }]);
    const refreshed = await gql<{ refreshSession: Payload }>(url, `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${PAYLOAD} } }`, {
      input: { refreshToken: script.data!.login.refreshToken },
    });
    expect(refreshed.data!.refreshSession.user).toMatchObject({ email: 'web.bo@exempel.se', memberships: [{ role: 'OWNER' }] });
  });

  it('resolves each sign-in’s answer for its own person, and the request’s other root fields for the request’s actor', async () => {
    const dan = await owner('web.dan@exempel.se', 'Dan Data AB');
    const eja = await register(url, 'web.eja@exempel.se');
    const both = await gql<{ dan: Payload; eja: Payload }>(
      url,
      `mutation($dan: LoginInput!, $eja: LoginInput!) { dan: login(input: $dan) { user { id email } } eja: login(input: $eja) { user { id email } } }`,
      { dan: { email: 'web.dan@exempel.se', password: PASSWORD }, eja: { email: 'web.eja@exempel.se', password: PASSWORD } },
    );
    expect(both.data).toEqual({ dan: { user: { id: dan.userId, email: 'web.dan@exempel.se' } }, eja: { user: { id: eja.userId, email: 'web.eja@exempel.se' } } });

    const withAnother = await gql(
      url,
      `mutation($input: LoginInput!, $org: CreateOrganizationInput!) { login(input: $input) { accessToken } createOrganization(input: $org) { organization { id } } }`,
      {
        input: { email: 'web.dan@exempel.se', password: PASSWORD },
        org: { kind: 'SOCIAL_ENTERPRISE', name: 'Smyg AB', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
      },
    );
    expect(withAnother.errors).toEqual([expect.objectContaining({ path: ['createOrganization'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  it('refreshes through the cookie: a new cookie, and a new access token that works', async () => {
    await register(url, 'web.eva@exempel.se');
    const browser = page();
    await signIn(browser, 'web.eva@exempel.se');
    const first = browser.cookies.get(COOKIE)!.value;

    const response = await refresh(browser);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { accessToken: string; refreshToken?: string; user: { id: string } };
    expect(body).not.toHaveProperty('refreshToken');
    const second = browser.cookies.get(COOKIE)!;
    expect(second).toMatchObject({ httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' });
    expect(second.value).not.toBe(first);
    expect((await me(url, body.accessToken)).data?.me).toMatchObject({ id: body.user.id, email: 'web.eva@exempel.se' });
  });

  it('ends the session when a rotated cookie comes back: the newer cookie and its access token stop working too', async () => {
    await register(url, 'web.filip@exempel.se');
    const owner = page();
    await signIn(owner, 'web.filip@exempel.se');
    const stolen = owner.cookies.get(COOKIE)!;
    const renewed = (await (await refresh(owner)).json()) as { accessToken: string };

    // A copy comes back after the grace for a renewal whose answer was lost (REFRESH_REUSE_GRACE_S).
    clock.advance(31_000);
    const thief = page();
    thief.cookies.set(COOKIE, stolen);
    const replay = await refusal(await refresh(thief));
    expect(replay).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    // The refused cookie is cleared.
    expect(thief.lastSetCookies).toEqual([expect.objectContaining({ name: COOKIE, maxAge: 0, path: '/auth' })]);

    expect(await refusal(await refresh(owner))).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    expect((await me(url, renewed.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('refuses a request that did not come from our page, with 403', () => {
    let browser: BrowserPage;

    beforeAll(async () => {
      await register(url, 'web.gun@exempel.se');
      browser = page();
      await signIn(browser, 'web.gun@exempel.se');
    });

    it.each([
      [
        'a cross-site form post (no header; sent with the cookie, as a browser that ignores SameSite would)',
        { 'x-samverka-csrf': undefined, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        'accounts.csrfHeaderMissing',
      ],
      ['a request without the header', { 'x-samverka-csrf': undefined }, 'accounts.csrfHeaderMissing'],
      ['a foreign Origin with the header', { ...CSRF, 'sec-fetch-site': undefined, origin: 'https://evil.example' }, 'accounts.crossSiteRequest'],
      ['a cross-site request with the header', { ...CSRF, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 'accounts.crossSiteRequest'],
      ['a sibling site with the header', { ...CSRF, 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:5173' }, 'accounts.crossSiteRequest'],
    ] as const)('%s', async (_case, headers, key) => {
      for (const send of [refresh, logout]) {
        const cookieBefore = browser.cookies.get(COOKIE)!.value;
        const answer = await refusal(await send(browser, { ...headers }));
        expect(answer).toEqual({ status: 403, error: expect.objectContaining({ code: 'FORBIDDEN', message: t(key, { publicUrl: PUBLIC_URL }, 'sv') }) });
        expect(browser.lastSetCookies).toEqual([]);
        expect(browser.cookies.get(COOKIE)!.value).toBe(cookieBefore);
      }
      // Nothing was rotated or ended: our own page still renews the session.
      expect((await refresh(browser)).status).toBe(200);
    });

    it('allows no other site to send the header: a preflight gets no CORS permission', async () => {
      const preflight = await fetch(`${url}/auth/refresh`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-samverka-csrf' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    });

    it('answers in English when the page asks for it', async () => {
      const answer = await refusal(await refresh(browser, { 'x-samverka-csrf': undefined, 'accept-language': 'en' }));
      expect(answer.error.message).toBe('The request lacks the X-Samverka-CSRF header. Send it with the value 1.');
    });

    it('sets no cookie for a sign-in from another site', async () => {
      const foreign = new BrowserPage(url, 'https://evil.example');
      const result = await signIn(foreign, 'web.gun@exempel.se', { ...CSRF, 'sec-fetch-site': 'cross-site' });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(result.data).toBeNull();
      expect(foreign.lastSetCookies).toEqual([]);
    });
  });

  it('signs out: clears the cookie (Max-Age=0, same path) and ends the session, access token included', async () => {
    await register(url, 'web.hans@exempel.se');
    const browser = page();
    const { data } = await signIn(browser, 'web.hans@exempel.se');
    const cookie = browser.cookies.get(COOKIE)!;

    const response = await logout(browser);
    expect(response.status).toBe(204);
    expect(browser.lastSetCookies).toEqual([expect.objectContaining({ name: COOKIE, value: '', maxAge: 0, path: '/auth', httpOnly: true, secure: true, sameSite: 'strict' })]);
    expect(browser.cookies.has(COOKIE)).toBe(false);
    expect((await me(url, data!.login.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The cookie's value is dead even if a copy survived; without any cookie the answer says to sign in.
    browser.cookies.set(COOKIE, cookie);
    expect(await refusal(await refresh(browser))).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    expect(await refusal(await refresh(page()))).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED', message: t('accounts.notSignedIn', undefined, 'sv') } });
  });

  it('gives a new cookie when the password changes, and the old one no longer works', async () => {
    await register(url, 'web.ida@exempel.se');
    const browser = page();
    const { data } = await signIn(browser, 'web.ida@exempel.se');
    const before = browser.cookies.get(COOKIE)!;

    const changed = await browser.graphql<{ changePassword: Payload }>(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`,
      { input: { currentPassword: PASSWORD, newPassword: 'an entirely new passphrase', session: 'COOKIE' } },
      { ...CSRF, ...auth(data!.login.accessToken) },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePassword.refreshToken).toBeNull();
    expect(browser.cookies.get(COOKIE)!.value).not.toBe(before.value);
    expect((await refresh(browser)).status).toBe(200);

    const old = page();
    old.cookies.set(COOKIE, before);
    expect((await refresh(old)).status).toBe(401);
  });

  it('keeps the token flow for scripts: the refresh token in the answer and no cookie', async () => {
    await register(url, 'web.jan@exempel.se');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: LoginInput!) { login(input: $input) { refreshToken } }',
        variables: { input: { email: 'web.jan@exempel.se', password: PASSWORD } },
      }),
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(((await response.json()) as { data: { login: { refreshToken: string } } }).data.login.refreshToken).toEqual(expect.any(String));
  });
});
