import { gql } from '@apollo/client';
import { createApolloClient } from './apollo';
import { accessToken, setSession } from './tokens';

const ME = gql`
  query RenewalProbe {
    me {
      id
    }
  }
`;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const session = (token: string) => ({
  accessToken: token,
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: { id: 'u1', displayName: 'Anna', platformRole: 'USER' },
});

describe('the API client', () => {
  afterEach(() => {
    setSession(null);
    vi.restoreAllMocks();
  });

  it('renews an expired access token through the cookie once and sends the request again', async () => {
    setSession(session('old'));
    const seen: { url: string; authorization: string | null; csrf: string | null; language: string | null }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      seen.push({ url, authorization: headers.get('authorization'), csrf: headers.get('x-samverka-csrf'), language: headers.get('accept-language') });
      if (url === '/auth/refresh') return json(session('new'));
      if (headers.get('authorization') === 'Bearer old') return json({ errors: [{ message: 'Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return json({ data: { me: { __typename: 'User', id: 'u1' } } });
    });

    const result = await createApolloClient().query({ query: ME, fetchPolicy: 'network-only' });

    expect(result.data).toEqual({ me: { __typename: 'User', id: 'u1' } });
    expect(seen.map((s) => [s.url, s.authorization])).toEqual([
      ['/graphql', 'Bearer old'],
      ['/auth/refresh', null],
      ['/graphql', 'Bearer new'],
    ]);
    expect(seen.every((s) => s.csrf === '1' && s.language === 'sv')).toBe(true);
    expect(accessToken()).toBe('new');
  });

  it('gives up when the cookie is refused too, and forgets the session', async () => {
    setSession(session('old'));
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      if (String(input) === '/auth/refresh') return json({ error: { code: 'UNAUTHENTICATED', message: 'Logga in igen.' } }, 401);
      return json({ errors: [{ message: 'Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } }] });
    });

    await expect(createApolloClient().query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow('Logga in igen.');
    expect(accessToken()).toBeNull();
  });
});
