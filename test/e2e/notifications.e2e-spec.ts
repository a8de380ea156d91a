import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { NOTIFICATION_KINDS } from '@samverka/domain';
import { NOTIFICATION_BUS, type NotificationBus, NotificationMailer, type MailMessage } from '@samverka/notifications';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { FakeClock } from '../support/fake-clock.js';
import { gql } from '../support/graphql.js';
import { accept, createNeed, createOffer, decide, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { allNotifications, inbox, NOTIFICATION_FIELDS, socketClient, subscribe, unreadCount, type NotificationShape } from '../support/notifications.js';
import { waitFor } from '../support/wait.js';

const PUBLIC_URL = 'https://samverka.example.se';
/** The strong-match threshold: in this data a (Malmö) scores above it for cleaning needs, b (Lund) below. */
const STRONG = 70;

describe('notifications (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let db: Database;
  const clock = new FakeClock();
  let admin: Record<string, string>;
  /** Every e-mail handed to the mailer, in order. */
  const mailed: MailMessage[] = [];

  let buyer: SignedIn;
  let colleague: SignedIn;
  let buyerOrg: string;
  let outsider: SignedIn;
  const enterprises: Record<string, { owner: SignedIn; member?: SignedIn; orgId: string; version: number }> = {};

  const enterprise = async (key: string, name: string, profile: Record<string, unknown>, withMember = false) => {
    const owner = await register(url, `agare.${key}@socialt.se`);
    const orgId = (
      await createOrganization(
        url,
        owner.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    const saved = await saveProfile(url, owner.accessToken, profileInput(orgId, profile));
    expect(saved.errors).toBeUndefined();
    let member: SignedIn | undefined;
    if (withMember) {
      member = await register(url, `medlem.${key}@socialt.se`);
      const ticket = (await invite(url, owner.accessToken, orgId, member.email)).data!.inviteMember;
      expect((await acceptInvitation(url, member.accessToken, ticket.token)).errors).toBeUndefined();
    }
    enterprises[key] = { owner, member, orgId, version: saved.data!.saveEnterpriseProfile.enterpriseProfile.version };
    return enterprises[key];
  };
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
    const published = await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version);
    expect(published.errors).toBeUndefined();
    return published.data!.publishNeed.need;
  };
  const submitOffer = async (who: SignedIn, orgId: string, needId: string) => {
    const draft = (await createOffer(url, who.accessToken, { needId, enterpriseOrganizationId: orgId, message: 'Vi tar gärna uppdraget', priceSek: 450_000 })).data!.createOffer
      .offer;
    const submitted = await offerAction(url, who.accessToken, 'submitOffer', draft.id, draft.version);
    expect(submitted.errors).toBeUndefined();
    return submitted.data!.submitOffer.offer;
  };
  /** Who has notifications about this subject, as "email:KIND:status" (status from the data, if any). */
  const toldOf = async (subjectId: string, people: SignedIn[]) => {
    const told: string[] = [];
    for (const person of people) {
      for (const n of await allNotifications(url, person.accessToken)) {
        if (n.subjectId !== subjectId) continue;
        const status = (JSON.parse(n.data) as { status?: string }).status;
        told.push(`${person.email}:${n.kind}${status ? `:${status}` : ''}`);
      }
    }
    return told.sort();
  };
  const everyone = () => [buyer, colleague, outsider, ...Object.values(enterprises).flatMap((e) => [e.owner, ...(e.member ? [e.member] : [])])];
  const emailRows = (subjectId: string) =>
    db.dataSource.query(
      `SELECT u.email, n.kind, n.in_app AS "inApp", n.email_status AS "emailStatus" FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.subject_id = $1 ORDER BY u.email, n.created_at`,
      [subjectId],
    ) as Promise<{ email: string; kind: string; inApp: boolean; emailStatus: string }[]>;
  /** Waits until no e-mail of the subject is PENDING any more, and returns its rows. */
  const emailsSettled = (subjectId: string) =>
    waitFor(`the e-mails about ${subjectId} to be done`, async () => {
      const rows = await emailRows(subjectId);
      return rows.every((r) => r.emailStatus !== 'PENDING') ? rows : undefined;
    });

  beforeAll(async () => {
    api = await startEmbeddedApi(
      'notifications',
      { LOGIN_MAX_FAILURES_PER_IP: '1000', PUBLIC_URL, MATCHING_NOTIFY_SCORE: String(STRONG), QUEUE_RETRY_BACKOFF_MS: '20' },
      { clock: clock.now },
    );
    ({ app, url } = api);
    db = app.get(Database);
    const mailer = app.get(NotificationMailer);
    const send = mailer.send.bind(mailer);
    mailer.send = async (message) => {
      mailed.push(message);
      return send(message);
    };
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    buyer = await register(url, 'inkopare@malmo.se', 'Inga Inköpare');
    buyerOrg = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    colleague = await register(url, 'kollega@malmo.se');
    const ticket = (await invite(url, buyer.accessToken, buyerOrg, colleague.email)).data!.inviteMember;
    await acceptInvitation(url, colleague.accessToken, ticket.token);
    outsider = await register(url, 'utomstaende@exempel.se');
    // a and b clean in and around Malmö; d runs a café in Kiruna.
    // a does what the strong-match need asks, with its CPV code: a strong match without a track record.
    await enterprise(
      'a',
      'Städkooperativet Malmö ek. för.',
      { services: 'Lokalvård av skolor och förskolor, fönsterputs, trappstädning och storstädning', cpvCodes: ['90919200', '90910000-9'] },
      true,
    );
    await enterprise('b', 'Rent & Riktigt ideell förening', {
      farFromLabourMarketShare: 40,
      municipalityCodes: ['1281'],
      description: 'Ideell förening som driver lokalvård och trappstädning i Lund med arbetsträning.',
    });
    await enterprise('d', 'Kafé Norrsken', {
      description: 'Kafé och catering i Kiruna med luncher, fika och smörgåsar för möten.',
      services: 'Catering, lunchservering och konferensfika',
      cpvCodes: ['55520000'],
      sdgs: [2],
      municipalityCodes: ['2584'],
    });
  });
  afterAll(async () => api?.stop());

  describe('offers', () => {
    it('tells the buyer’s members of a submitted offer, and nobody else', async () => {
      const need = await publish({ title: 'Lokalvård av förskolor i Malmö' });
      const offer = await submitOffer(enterprises.a.owner, enterprises.a.orgId, need.id);
      expect(await toldOf(offer.id, everyone())).toEqual(['inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED', 'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED']);
      const [received] = (await allNotifications(url, colleague.accessToken)).filter((n) => n.subjectId === offer.id);
      expect(received).toMatchObject({
        subjectType: 'offer',
        title: 'Nytt anbud på Lokalvård av förskolor i Malmö',
        body: 'Städkooperativet Malmö ek. för. har lämnat ett anbud.',
        organization: { id: buyerOrg, name: 'Malmö stad' },
        readAt: null,
      });
      expect(JSON.parse(received.data)).toEqual({ offerId: offer.id, needId: need.id, enterpriseOrganizationId: enterprises.a.orgId, status: 'SUBMITTED' });
      // The same notification in English, for a reader whose client asks for it.
      const english = (await inbox(url, colleague.accessToken, { first: 100 }, { 'accept-language': 'en' })).data!.notifications.nodes.find((n) => n.id === received.id);
      expect(english).toMatchObject({ kind: 'OFFER_RECEIVED', title: 'New offer on Lokalvård av förskolor i Malmö', body: 'Städkooperativet Malmö ek. för. has made an offer.' });
    });

    it('tells the enterprise’s members when its offer is shortlisted, accepted or declined, and the buyer when one is withdrawn', async () => {
      const need = await publish({ title: 'Trappstädning i Malmö' });
      const a = await submitOffer(enterprises.a.member!, enterprises.a.orgId, need.id);
      const b = await submitOffer(enterprises.b.owner, enterprises.b.orgId, need.id);
      expect((await decide(url, buyer.accessToken, 'shortlistOffer', a.id)).errors).toBeUndefined();
      // The colleague accepts a: b is declined with the award.
      expect((await accept(url, colleague.accessToken, a.id)).errors).toBeUndefined();
      expect(await toldOf(a.id, everyone())).toEqual([
        'agare.a@socialt.se:OFFER_STATUS_CHANGED:ACCEPTED',
        'agare.a@socialt.se:OFFER_STATUS_CHANGED:SHORTLISTED',
        'inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'medlem.a@socialt.se:OFFER_STATUS_CHANGED:ACCEPTED',
        'medlem.a@socialt.se:OFFER_STATUS_CHANGED:SHORTLISTED',
      ]);
      expect(await toldOf(b.id, everyone())).toEqual([
        'agare.b@socialt.se:OFFER_STATUS_CHANGED:DECLINED',
        'inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED',
      ]);
      const accepted = (await allNotifications(url, enterprises.a.owner.accessToken)).find((n) => n.subjectId === a.id && JSON.parse(n.data).status === 'ACCEPTED')!;
      expect(accepted).toMatchObject({ title: 'Ert anbud på Trappstädning i Malmö har antagits', body: '', organization: { id: enterprises.a.orgId } });

      const other = await publish({ title: 'Fönsterputs i Malmö' });
      const withdrawn = await submitOffer(enterprises.a.owner, enterprises.a.orgId, other.id);
      expect((await offerAction(url, enterprises.a.member!.accessToken, 'withdrawOffer', withdrawn.id, withdrawn.version)).errors).toBeUndefined();
      expect(await toldOf(withdrawn.id, everyone())).toEqual([
        'inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'inkopare@malmo.se:OFFER_STATUS_CHANGED:WITHDRAWN',
        'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'kollega@malmo.se:OFFER_STATUS_CHANGED:WITHDRAWN',
      ]);
      // A draft the buyer never saw is withdrawn in silence.
      const draft = (await createOffer(url, enterprises.b.owner.accessToken, { needId: other.id, enterpriseOrganizationId: enterprises.b.orgId, message: 'Utkast', priceSek: 1 }))
        .data!.createOffer.offer;
      expect((await offerAction(url, enterprises.b.owner.accessToken, 'withdrawOffer', draft.id, draft.version)).errors).toBeUndefined();
      expect(await toldOf(draft.id, everyone())).toEqual([]);

      const declined = await submitOffer(enterprises.b.owner, enterprises.b.orgId, other.id);
      expect((await decide(url, colleague.accessToken, 'declineOffer', declined.id)).errors).toBeUndefined();
      expect(await toldOf(declined.id, everyone())).toEqual([
        'agare.b@socialt.se:OFFER_STATUS_CHANGED:DECLINED',
        'inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED',
        'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED',
      ]);
    });

    it('e-mails every notification through the queue, logged (not sent) without SMTP, in Swedish with the English below and a link', async () => {
      const need = await publish({ title: 'Lokalvård av bibliotek i Malmö' });
      const offer = await submitOffer(enterprises.b.owner, enterprises.b.orgId, need.id);
      expect(await emailsSettled(offer.id)).toEqual([
        { email: 'inkopare@malmo.se', kind: 'OFFER_RECEIVED', inApp: true, emailStatus: 'LOGGED' },
        { email: 'kollega@malmo.se', kind: 'OFFER_RECEIVED', inApp: true, emailStatus: 'LOGGED' },
      ]);
      const message = mailed.find((m) => m.to === 'inkopare@malmo.se' && m.subject.includes('Lokalvård av bibliotek i Malmö'))!;
      expect(message.subject).toBe('Samverka: Nytt anbud på Lokalvård av bibliotek i Malmö');
      expect(message.text.split('\n')).toEqual([
        'Hej Inga Inköpare!',
        '',
        'Nytt anbud på Lokalvård av bibliotek i Malmö',
        '',
        'Rent & Riktigt ideell förening har lämnat ett anbud.',
        '',
        // The link leads to the buyer's page of the need, where its offers are compared.
        `Läs mer i Samverka: ${PUBLIC_URL}/mina-behov/${need.id}`,
        '',
        '— In English —',
        '',
        'New offer on Lokalvård av bibliotek i Malmö',
        '',
        'Rent & Riktigt ideell förening has made an offer.',
        '',
        `Read more in Samverka: ${PUBLIC_URL}/mina-behov/${need.id}`,
        '',
        '--',
        'Du får det här meddelandet för att du är med i Samverka. Under dina aviseringsinställningar väljer du vilka aviseringar du får med e-post.',
        'You receive this message because you take part in Samverka. In your notification settings you choose which notifications you get by e-mail.',
      ]);
      expect(
        mailed
          .filter((m) => m.subject === message.subject)
          .map((m) => m.to)
          .sort(),
      ).toEqual(['inkopare@malmo.se', 'kollega@malmo.se']);
    });

    it('never tells the person who acted, even when they are on the other side too', async () => {
      // The café's owner also works for the municipality: its offer reaches the buyer's other members only.
      const ticket = (await invite(url, buyer.accessToken, buyerOrg, enterprises.d.owner.email)).data!.inviteMember;
      expect((await acceptInvitation(url, enterprises.d.owner.accessToken, ticket.token)).errors).toBeUndefined();
      const need = await publish({ title: 'Fika till personalmöten', form: 'PUBLIC_PROCUREMENT' });
      const offer = await submitOffer(enterprises.d.owner, enterprises.d.orgId, need.id);
      expect(await toldOf(offer.id, everyone())).toEqual(['inkopare@malmo.se:OFFER_RECEIVED:SUBMITTED', 'kollega@malmo.se:OFFER_RECEIVED:SUBMITTED']);
      const removal = await gql(
        url,
        'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }',
        { input: { organizationId: buyerOrg, userId: enterprises.d.owner.userId } },
        auth(buyer.accessToken),
      );
      expect(removal.errors).toBeUndefined();
    });
  });

  describe('the inbox', () => {
    const mark = (token: string, ids: string[]) =>
      gql<{ markNotificationsRead: { notifications: { id: string; readAt: string | null }[]; unreadCount: number } }>(
        url,
        'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { notifications { id readAt } unreadCount } }',
        { input: { notificationIds: ids } },
        auth(token),
      );

    it('pages newest first, counts and filters the unread, and marks read the person’s own only', async () => {
      const token = colleague.accessToken;
      const all = await allNotifications(url, token);
      expect(all.length).toBeGreaterThanOrEqual(6);
      const times = all.map((n) => n.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(await unreadCount(url, token)).toBe(all.length);

      const first = (await inbox(url, token, { first: 2 })).data!.notifications;
      expect(first.totalCount).toBe(all.length);
      expect(first.nodes.map((n) => n.id)).toEqual(all.slice(0, 2).map((n) => n.id));
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await inbox(url, token, { first: 100, after: first.pageInfo.endCursor! })).data!.notifications;
      expect(rest.nodes.map((n) => n.id)).toEqual(all.slice(2).map((n) => n.id));
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect((await inbox(url, token, { after: 'not-a-cursor' })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] } });

      const [n1, n2, n3] = all;
      const marked = await mark(token, [n2.id, n1.id]);
      expect(marked.errors).toBeUndefined();
      expect(marked.data!.markNotificationsRead.notifications.map((n) => n.id)).toEqual([n1.id, n2.id]);
      expect(marked.data!.markNotificationsRead.notifications.every((n) => n.readAt !== null)).toBe(true);
      expect(marked.data!.markNotificationsRead.unreadCount).toBe(all.length - 2);
      expect(await unreadCount(url, token)).toBe(all.length - 2);
      const unread = (await inbox(url, token, { first: 100, unreadOnly: true })).data!.notifications;
      expect(unread.totalCount).toBe(all.length - 2);
      expect(unread.nodes.map((n) => n.id)).toEqual(all.slice(2).map((n) => n.id));
      // Marking again keeps the time it was first read.
      const again = await mark(token, [n1.id]);
      expect(again.data!.markNotificationsRead.notifications[0].readAt).toBe(marked.data!.markNotificationsRead.notifications[0].readAt);

      // Someone else's notification does not exist for this person: nothing is marked, not even their own.
      const buyersOwn = (await allNotifications(url, buyer.accessToken)).find((n) => n.readAt === null)!;
      const buyersUnread = await unreadCount(url, buyer.accessToken);
      const refused = await mark(token, [n3.id, buyersOwn.id]);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: `Vi hittar ingen avisering med id ${buyersOwn.id} bland dina aviseringar.` });
      expect(await unreadCount(url, token)).toBe(all.length - 2);
      expect(await unreadCount(url, buyer.accessToken)).toBe(buyersUnread);
      expect((await mark(token, ['42'])).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['notificationIds'] }] } });
      expect((await mark(token, [])).data!.markNotificationsRead).toEqual({ notifications: [], unreadCount: all.length - 2 });

      const all2 = await gql<{ markAllNotificationsRead: { markedCount: number; unreadCount: number } }>(
        url,
        'mutation { markAllNotificationsRead { markedCount unreadCount } }',
        {},
        auth(token),
      );
      expect(all2.data!.markAllNotificationsRead).toEqual({ markedCount: all.length - 2, unreadCount: 0 });
      expect(await unreadCount(url, token)).toBe(0);
      expect((await inbox(url, token, { unreadOnly: true })).data!.notifications.totalCount).toBe(0);
      expect(await unreadCount(url, buyer.accessToken)).toBe(buyersUnread);
    });

    it('is for signed-in people only', async () => {
      for (const query of ['{ unreadNotificationCount }', '{ notifications { totalCount } }', '{ notificationPreferences { kind } }']) {
        expect((await gql(url, query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('preferences', () => {
    const prefs = async (token: string) =>
      (await gql<{ notificationPreferences: { kind: string; inApp: boolean; email: boolean }[] }>(url, '{ notificationPreferences { kind inApp email } }', {}, auth(token))).data!
        .notificationPreferences;
    const setPref = (token: string, kind: string, inApp: boolean, email: boolean) =>
      gql<{ setNotificationPreference: { notificationPreference: { kind: string; inApp: boolean; email: boolean } } }>(
        url,
        'mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { notificationPreference { kind inApp email } } }',
        { input: { kind, inApp, email } },
        auth(token),
      );

    it('has every kind on by default, and follows each person’s choice for a kind', async () => {
      const defaults = await prefs(outsider.accessToken);
      expect(defaults.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
      expect(defaults.every((p) => p.inApp && p.email)).toBe(true);

      // The colleague wants new offers in the inbox only; the buyer by e-mail only.
      expect((await setPref(colleague.accessToken, 'OFFER_RECEIVED', true, false)).data!.setNotificationPreference.notificationPreference).toEqual({
        kind: 'OFFER_RECEIVED',
        inApp: true,
        email: false,
      });
      expect((await setPref(buyer.accessToken, 'OFFER_RECEIVED', false, true)).errors).toBeUndefined();
      expect((await prefs(buyer.accessToken)).filter((p) => !p.inApp || !p.email)).toEqual([{ kind: 'OFFER_RECEIVED', inApp: false, email: true }]);
      expect((await prefs(colleague.accessToken)).filter((p) => !p.inApp || !p.email)).toEqual([{ kind: 'OFFER_RECEIVED', inApp: true, email: false }]);

      const need = await publish({ title: 'Storstädning av sporthallar i Malmö', form: 'PUBLIC_PROCUREMENT' });
      const unreadBefore = await unreadCount(url, buyer.accessToken);
      const offer = await submitOffer(enterprises.b.owner, enterprises.b.orgId, need.id);
      expect(await emailsSettled(offer.id)).toEqual([
        { email: 'inkopare@malmo.se', kind: 'OFFER_RECEIVED', inApp: false, emailStatus: 'LOGGED' },
        { email: 'kollega@malmo.se', kind: 'OFFER_RECEIVED', inApp: true, emailStatus: 'NONE' },
      ]);
      expect(await toldOf(offer.id, everyone())).toEqual(['kollega@malmo.se:OFFER_RECEIVED:SUBMITTED']);
      expect(await unreadCount(url, buyer.accessToken)).toBe(unreadBefore);
      expect(mailed.filter((m) => m.subject === 'Samverka: Nytt anbud på Storstädning av sporthallar i Malmö').map((m) => m.to)).toEqual(['inkopare@malmo.se']);
      // The buyer's e-mail-only row cannot be marked read: it is not in the inbox.
      const [{ id: emailOnly }] = await db.dataSource.query(`SELECT n.id FROM notification n WHERE n.subject_id = $1 AND n.user_id = $2`, [offer.id, buyer.userId]);
      expect(
        (
          await gql(
            url,
            'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount } }',
            { input: { notificationIds: [emailOnly] } },
            auth(buyer.accessToken),
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');

      // Both off: nothing is written for that person.
      expect((await setPref(buyer.accessToken, 'OFFER_RECEIVED', false, false)).errors).toBeUndefined();
      const second = await submitOffer(enterprises.a.owner, enterprises.a.orgId, need.id);
      expect((await emailsSettled(second.id)).map((r) => r.email)).toEqual(['kollega@malmo.se']);

      for (const person of [buyer, colleague]) expect((await setPref(person.accessToken, 'OFFER_RECEIVED', true, true)).errors).toBeUndefined();
      expect((await prefs(buyer.accessToken)).every((p) => p.inApp && p.email)).toBe(true);
    });
  });

  describe('strong matches', () => {
    const matchStatus = async (needId: string) =>
      (
        await gql<{ need: { matchStatus: { state: string; computedAt: string | null } } }>(
          url,
          `{ need(id: "${needId}") { matchStatus { state computedAt } } }`,
          {},
          auth(buyer.accessToken),
        )
      ).data!.need.matchStatus;
    const settled = (needId: string, since?: string) =>
      waitFor(`the matches of ${needId} to be up to date`, async () => {
        const s = await matchStatus(needId);
        return s.state === 'UP_TO_DATE' && (!since || (s.computedAt !== null && s.computedAt > since)) ? s : undefined;
      });
    const scores = async (needId: string) =>
      (
        await gql<{ need: { matches: { nodes: { score: number; enterprise: { id: string } }[] } } }>(
          url,
          `{ need(id: "${needId}") { matches(first: 100) { nodes { score enterprise { id } } } } }`,
          {},
          auth(buyer.accessToken),
        )
      ).data!.need.matches.nodes;
    const strongTold = async (needId: string) => (await toldOf(needId, everyone())).filter((t) => t.includes(':MATCH_STRONG'));
    const membersOf = (orgIds: string[]) =>
      Object.values(enterprises)
        .filter((e) => orgIds.includes(e.orgId))
        .flatMap((e) => [e.owner, ...(e.member ? [e.member] : [])])
        .map((p) => `${p.email}:MATCH_STRONG`)
        .sort();

    it('tells the members of each enterprise that a published need fits at the threshold or above, once however often it is matched again', async () => {
      const need = await publish({ title: 'Lokalvård av skolor i Malmö', form: 'PUBLIC_PROCUREMENT' });
      const first = await settled(need.id);
      const matched = await scores(need.id);
      const strong = matched.filter((m) => m.score >= STRONG).map((m) => m.enterprise.id);
      // The data has a strong match and one below the threshold: otherwise this would show little.
      expect(strong.length).toBeGreaterThan(0);
      expect(matched.length).toBeGreaterThan(strong.length);
      expect(await strongTold(need.id)).toEqual(membersOf(strong));
      const told = (await allNotifications(url, enterprises.a.member!.accessToken)).find((n) => n.subjectId === need.id)!;
      expect(told).toMatchObject({
        kind: 'MATCH_STRONG',
        subjectType: 'need',
        title: 'Ett nytt behov passar er: Lokalvård av skolor i Malmö',
        organization: { id: enterprises.a.orgId },
      });
      expect(JSON.parse(told.data)).toMatchObject({ needId: need.id, organizationId: enterprises.a.orgId });

      // Matched again after a change, and in a rebuild: nobody is told twice.
      const current = (await gql<{ need: { version: number } }>(url, `{ need(id: "${need.id}") { version } }`, {}, auth(buyer.accessToken))).data!.need.version;
      const updated = await gql(
        url,
        'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { id } } }',
        { input: { needId: need.id, version: current, title: 'Lokalvård av skolor och förskolor i Malmö' } },
        auth(buyer.accessToken),
      );
      expect(updated.errors).toBeUndefined();
      const second = await settled(need.id, first.computedAt!);
      const rebuild = await gql(url, 'mutation { rebuildMatches { matchingRebuild { id } } }', {}, admin);
      expect(rebuild.errors).toBeUndefined();
      await waitFor(
        'the rebuild to finish',
        async () => (await gql<{ matchingRebuild: { status: string } }>(url, '{ matchingRebuild { status } }', {}, admin)).data!.matchingRebuild.status === 'DONE',
      );
      await settled(need.id, second.computedAt!);
      expect(await strongTold(need.id)).toEqual(membersOf(strong));

      // An enterprise that joins later with a fitting profile is told once, through its profile's job.
      const e = await enterprise('e', 'Skolstäd Malmö ek. för.', {
        description: 'Arbetsintegrerande socialt företag i Malmö som städar skolor och förskolor, med arbetsträning.',
        cpvCodes: ['90919200'],
      });
      await waitFor('the new enterprise to be told', async () => (await strongTold(need.id)).includes(`${e.owner.email}:MATCH_STRONG`));
      const changed = await saveProfile(
        url,
        e.owner.accessToken,
        profileInput(e.orgId, { version: e.version, services: 'Lokalvård, skolstädning och fönsterputs', cpvCodes: ['90919200'] }),
      );
      expect(changed.errors).toBeUndefined();
      await waitFor(
        'the changed profile to be matched',
        async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`))[0].n === 0,
      );
      const final = await scores(need.id);
      expect(await strongTold(need.id)).toEqual(membersOf(final.filter((m) => m.score >= STRONG).map((m) => m.enterprise.id)));
      expect((await strongTold(need.id)).filter((t) => t.startsWith(e.owner.email))).toHaveLength(1);
    });
  });

  describe('live notifications', () => {
    const SUBSCRIPTION = `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`;
    type Added = { notificationAdded: NotificationShape };

    it('delivers a new inbox notification to its owner’s subscription, and to nobody else’s', async () => {
      const bus = app.get<NotificationBus>(NOTIFICATION_BUS);
      // Published and matched before anyone listens: its strong-match notifications are not part of this.
      const need = await publish({ title: 'Lokalvård av vårdcentraler i Malmö', form: 'PUBLIC_PROCUREMENT' });
      await waitFor('the need to be matched', async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`))[0].n === 0);
      const colleagueClient = socketClient(url, auth(colleague.accessToken));
      const ownerClient = socketClient(url, auth(enterprises.a.owner.accessToken));
      try {
        const forColleague = subscribe<Added>(colleagueClient, SUBSCRIPTION);
        const forOwner = subscribe<Added>(ownerClient, SUBSCRIPTION);
        await waitFor('both subscriptions to be open', () => bus.listeners(colleague.userId) === 1 && bus.listeners(enterprises.a.owner.userId) === 1);

        const fromB = await submitOffer(enterprises.b.owner, enterprises.b.orgId, need.id);
        const fromA = await submitOffer(enterprises.a.owner, enterprises.a.orgId, need.id);
        expect((await decide(url, buyer.accessToken, 'shortlistOffer', fromA.id)).errors).toBeUndefined();
        await forColleague.atLeast(2);
        await forOwner.atLeast(1);
        // Whatever else was to come has come by the time a later notification arrives.
        const probe = await submitOffer(enterprises.d.owner, enterprises.d.orgId, need.id);
        await forColleague.atLeast(3);
        expect(forColleague.errors).toEqual([]);
        expect(forColleague.events.map((e) => `${e.notificationAdded.kind}:${e.notificationAdded.subjectId}`)).toEqual([
          `OFFER_RECEIVED:${fromB.id}`,
          `OFFER_RECEIVED:${fromA.id}`,
          `OFFER_RECEIVED:${probe.id}`,
        ]);
        expect(forOwner.events.map((e) => `${e.notificationAdded.kind}:${e.notificationAdded.subjectId}`)).toEqual([`OFFER_STATUS_CHANGED:${fromA.id}`]);
        const inInbox = (await allNotifications(url, colleague.accessToken)).find((n) => n.subjectId === fromB.id)!;
        expect(forColleague.events[0].notificationAdded).toEqual(inInbox);
        expect(inInbox.organization).toEqual({ id: buyerOrg, name: 'Malmö stad' });

        forColleague.stop();
        await waitFor('the stopped subscription to be released', () => bus.listeners(colleague.userId) === 0);
        expect(bus.listeners(enterprises.a.owner.userId)).toBe(1);
      } finally {
        await colleagueClient.dispose();
        await ownerClient.dispose();
      }
      await waitFor('the closed connection to release its subscription', () => bus.listeners(enterprises.a.owner.userId) === 0);
    });

    it('does not deliver what the person keeps out of the inbox', async () => {
      const bus = app.get<NotificationBus>(NOTIFICATION_BUS);
      const need = await publish({ title: 'Lokalvård av simhallar i Malmö', form: 'PUBLIC_PROCUREMENT' });
      await waitFor('the need to be matched', async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`))[0].n === 0);
      await gql(
        url,
        'mutation { setNotificationPreference(input: { kind: OFFER_RECEIVED, inApp: false, email: true }) { notificationPreference { kind } } }',
        {},
        auth(colleague.accessToken),
      );
      const client = socketClient(url, auth(colleague.accessToken));
      try {
        const received = subscribe<Added>(client, SUBSCRIPTION);
        await waitFor('the subscription to be open', () => bus.listeners(colleague.userId) === 1);
        const hidden = await submitOffer(enterprises.b.owner, enterprises.b.orgId, need.id);
        const declined = await decide(url, buyer.accessToken, 'declineOffer', hidden.id);
        expect(declined.errors).toBeUndefined();
        // The decline is the enterprise's news; the buyer's colleague then hears of a withdrawal instead.
        const withdrawnOffer = await submitOffer(enterprises.a.owner, enterprises.a.orgId, need.id);
        expect((await offerAction(url, enterprises.a.owner.accessToken, 'withdrawOffer', withdrawnOffer.id, withdrawnOffer.version)).errors).toBeUndefined();
        await received.atLeast(1);
        expect(received.events.map((e) => `${e.notificationAdded.kind}:${e.notificationAdded.subjectId}`)).toEqual([`OFFER_STATUS_CHANGED:${withdrawnOffer.id}`]);
      } finally {
        await client.dispose();
        await gql(
          url,
          'mutation { setNotificationPreference(input: { kind: OFFER_RECEIVED, inApp: true, email: true }) { notificationPreference { kind } } }',
          {},
          auth(colleague.accessToken),
        );
      }
    });

    it('refuses a connection without a valid access token', async () => {
      for (const params of [undefined, { authorization: 'Bearer not-a-token' }, { authorization: '' }]) {
        const client = socketClient(url, params);
        try {
          const received = subscribe<Added>(client, SUBSCRIPTION);
          await waitFor('the connection to be refused', () => received.errors.length > 0);
          expect(received.errors[0]).toMatchObject({ code: 4403 });
          expect(received.events).toEqual([]);
        } finally {
          await client.dispose();
        }
      }
    });

    it('closes a connection when its access token expires (4401), so that the client signs in again', async () => {
      const bus = app.get<NotificationBus>(NOTIFICATION_BUS);
      // A token issued 896 s ago (of its 900): it has four seconds left.
      clock.advance(-896_000);
      const token = (await login(url, colleague.email)).data!.login.accessToken;
      clock.advance(896_000);
      const client = socketClient(url, auth(token));
      try {
        const received = subscribe<Added>(client, SUBSCRIPTION);
        await waitFor('the subscription to be open', () => bus.listeners(colleague.userId) === 1);
        await waitFor('the connection to be closed', () => received.errors.length > 0, 10_000);
        expect(received.errors[0]).toMatchObject({ code: 4401 });
        await waitFor('the subscription to be released', () => bus.listeners(colleague.userId) === 0);
      } finally {
        await client.dispose();
      }
    });

    it('serves subscriptions only, within the query limits', async () => {
      const client = socketClient(url, auth(colleague.accessToken));
      try {
        const query = subscribe(client, '{ unreadNotificationCount }');
        await waitFor('the query to be refused', () => query.errors.length > 0);
        expect(query.errors[0]).toMatchObject({
          message: 'Över WebSocket tar API:et bara emot prenumerationer. Skicka frågor och ändringar över HTTP.',
          extensions: { code: 'BAD_REQUEST' },
        });
        const deep = subscribe(client, `subscription { notificationAdded { ${'organization { profile { '.repeat(6)}organization { name }${' } }'.repeat(6)} } }`);
        await waitFor('the deep subscription to be refused', () => deep.errors.length > 0);
        expect(deep.errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 'maxDepth' } });
      } finally {
        await client.dispose();
      }
    });
  });
});
