import { Database } from '@samverka/engine';
import { FEEDBACK_PER_CLIENT } from '@samverka/feedback';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, login, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { allNotifications } from '../support/notifications.js';

const SELECTION = 'feedbackId receivedAt';
const LIST = '{ feedbackMessages(first: 10) { totalCount nodes { id message email page language createdAt } } }';

describe('feedback on accessibility (embedded mode)', () => {
  let api: EmbeddedApi;
  let url: string;
  let admin: SignedIn;
  let person: SignedIn;
  /** Each test sends from its own client address (X-Forwarded-For, trusted on loopback), so the limit is per test. */
  const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...extra });

  beforeAll(async () => {
    api = await startEmbeddedApi('feedback', { TRUST_PROXY: '127.0.0.1' });
    url = api.url;
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const signedIn = (await login(url, 'admin@samverka.se')).data!.login;
    admin = { userId: signedIn.user.id, email: 'admin@samverka.se', accessToken: signedIn.accessToken, refreshToken: signedIn.refreshToken };
    person = await register(url, 'person@exempel.se');
  });
  afterAll(() => api.stop());

  it('takes a message from an anonymous visitor and tells every administrator, who reads it', async () => {
    const sent = await mutate<{ sendFeedback: { feedbackId: string; receivedAt: string } }>(
      url,
      'sendFeedback',
      { message: '  Knappen Sök går inte att nå med tangentbordet.  ', email: 'Besokare@Exempel.se', page: '/behov' },
      SELECTION,
      from('10.0.0.1'),
    );
    expect(sent.errors).toBeUndefined();
    const id = sent.data!.sendFeedback.feedbackId;

    const list = await gql<{ feedbackMessages: { totalCount: number; nodes: Record<string, unknown>[] } }>(url, LIST, {}, auth(admin.accessToken));
    expect(list.errors).toBeUndefined();
    expect(list.data!.feedbackMessages.totalCount).toBe(1);
    expect(list.data!.feedbackMessages.nodes[0]).toMatchObject({
      id,
      message: 'Knappen Sök går inte att nå med tangentbordet.',
      email: 'besokare@exempel.se',
      page: '/behov',
      language: 'sv',
    });

    const told = (await allNotifications(url, admin.accessToken)).filter((n) => n.subjectId === id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'FEEDBACK_RECEIVED', title: 'Ny synpunkt om tillgänglighet', subjectType: 'feedback' });
    expect(told[0].body).toContain('/behov');
    expect(told[0].body).toContain('besokare@exempel.se');
    expect((await allNotifications(url, person.accessToken)).filter((n) => n.subjectId === id)).toEqual([]);
  });

  it('keeps who sent it when signed in, and the language of the request', async () => {
    const sent = await mutate<{ sendFeedback: { feedbackId: string } }>(url, 'sendFeedback', { message: 'The contrast of the footer is low.' }, SELECTION, {
      ...from('10.0.0.2'),
      ...auth(person.accessToken),
      'accept-language': 'en',
    });
    expect(sent.errors).toBeUndefined();
    const [row] = await api.app
      .get(Database)
      .dataSource.query(`SELECT user_id AS "userId", language, email, page FROM feedback WHERE id = $1`, [sent.data!.sendFeedback.feedbackId]);
    expect(row).toEqual({ userId: person.userId, language: 'en', email: null, page: null });
  });

  it('puts its problems on their fields, in the language asked for', async () => {
    const swedish = await mutate(url, 'sendFeedback', { message: '   ', email: 'inte en adress', page: 'x'.repeat(501) }, SELECTION, from('10.0.0.3'));
    expect(swedish.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: ['message'], code: 'REQUIRED', message: 'Fyll i fältet.' },
        { path: ['email'], code: 'INVALID_FORMAT', message: 'Skriv en e-postadress, till exempel namn@kommun.se.' },
        { path: ['page'], code: 'TOO_LONG', message: 'Skriv högst 500 tecken.' },
      ],
    });
    const english = await mutate(url, 'sendFeedback', { message: '' }, SELECTION, from('10.0.0.3', { 'accept-language': 'en' }));
    expect(english.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['message'], code: 'REQUIRED', message: expect.stringMatching(/^[A-Z][a-z]/) }],
    });
    expect((english.errors?.[0].extensions?.fields as { message: string }[])[0].message).not.toBe('Fyll i fältet.');
  });

  it(`refuses a client's message number ${FEEDBACK_PER_CLIENT + 1} within the window, not another client's`, async () => {
    // Refused input does not count: the limit is on messages kept.
    for (let i = 0; i < 3; i++) expect((await mutate(url, 'sendFeedback', { message: '' }, SELECTION, from('10.0.0.4'))).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (let i = 0; i < FEEDBACK_PER_CLIENT; i++) {
      expect((await mutate(url, 'sendFeedback', { message: `Meddelande ${i}` }, SELECTION, from('10.0.0.4'))).errors).toBeUndefined();
    }
    const refused = await mutate(url, 'sendFeedback', { message: 'Ett till' }, SELECTION, from('10.0.0.4'));
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    expect(refused.errors?.[0].message).toMatch(/^Du har skickat många synpunkter på kort tid\. Vänta \d+ sekunder och försök igen\.$/);
    expect((await mutate(url, 'sendFeedback', { message: 'Från en annan adress' }, SELECTION, from('10.0.0.5'))).errors).toBeUndefined();
    // A person signed in is counted by their account, not by the address they share.
    expect((await mutate(url, 'sendFeedback', { message: 'Från en kollega' }, SELECTION, from('10.0.0.4', auth(person.accessToken)))).errors).toBeUndefined();
  });

  it('shows the messages to administrators only', async () => {
    expect((await gql(url, LIST)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(url, LIST, {}, auth(person.accessToken))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
