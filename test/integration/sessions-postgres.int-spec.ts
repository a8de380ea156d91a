import { PASSWORD, refresh, register } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';

/** Session changes racing each other on PostgreSQL, where transactions really run side by side. */
describeWith(['PostgreSQL'])('concurrent session changes on PostgreSQL', () => {
  let database: TestDatabase;
  let api: EmbeddedApi;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // No grace for a used refresh token (REFRESH_REUSE_GRACE_S): two uses at once must be told apart by the
    // row lock alone, and the second is then a copy.
    api = await startEmbeddedApi('sessions-pg', {
      DATABASE_URL: database.url,
      JWT_SECRET: 'sessions-test-secret-0123456789abcdef',
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      REFRESH_REUSE_GRACE_S: '0',
    });
    ({ url } = api);
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('never lets a refresh that races a password change outlive it', async () => {
    for (let round = 0; round < 15; round += 1) {
      const person = await register(url, `race-${round}@exempel.se`);
      const [refreshed] = await Promise.all([
        refresh(url, person.refreshToken),
        gql(
          url,
          'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }',
          { input: { currentPassword: PASSWORD, newPassword: `new passphrase ${round}!` } },
          { authorization: `Bearer ${person.accessToken}` },
        ),
      ]);
      const survivor = refreshed.data?.refreshSession;
      if (survivor) {
        expect((await refresh(url, survivor.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect((await gql(url, '{ me { id } }', {}, { authorization: `Bearer ${survivor.accessToken}` })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('ends the session when the same refresh token is used twice at once', async () => {
    for (let round = 0; round < 10; round += 1) {
      const person = await register(url, `double-${round}@exempel.se`);
      const results = await Promise.all([refresh(url, person.refreshToken), refresh(url, person.refreshToken)]);
      const winners = results.map((r) => r.data?.refreshSession).filter(Boolean);
      expect(winners).toHaveLength(1);
      expect((await refresh(url, winners[0]!.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
