import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, Database, JOBS } from '@samverka/engine';
import { NotificationRepository, NOTIFICATION_BUS, type NotificationBus } from '@samverka/notifications';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { createWorker } from '../../apps/worker/src/bootstrap.js';
import { UserService } from '@samverka/accounts';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { NOTIFICATION_FIELDS, socketClient, subscribe, type NotificationShape } from '../support/notifications.js';
import { clearRedisPrefix, createTestDatabase, describeWith, REDIS_TEST_URL, uniqueName, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

type Added = { notificationAdded: NotificationShape };

/**
 * Notifications across processes, on PostgreSQL and Redis: two API instances and a worker (here in one
 * Node process, each a Nest application of its own with its own connections). A notification written
 * by one instance, or by the worker, reaches a subscription held by the other instance through Redis
 * pub/sub, and its e-mail is a BullMQ job that the worker runs.
 */
describeWith(['PostgreSQL', 'Redis'])('notifications with PostgreSQL, Redis, two API instances and a worker', () => {
  let target: TestDatabase;
  let prefix: string;
  let first: INestApplication;
  let second: INestApplication;
  let worker: INestApplicationContext;
  let firstUrl: string;
  let secondUrl: string;
  let db: pg.Client;

  beforeAll(async () => {
    target = await createTestDatabase();
    prefix = uniqueName('samverka-notifications');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: target.url,
      REDIS_URL: REDIS_TEST_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'integration-jwt-secret-0123456789abcdef',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'off',
      MATCHING_NOTIFY_SCORE: '50',
      QUEUE_RETRY_BACKOFF_MS: '50',
    });
    first = await createApi(config);
    await first.listen(0, '127.0.0.1');
    second = await createApi(config);
    await second.listen(0, '127.0.0.1');
    worker = await createWorker(config);
    await worker.init();
    firstUrl = await first.getUrl();
    secondUrl = await second.getUrl();
    db = new pg.Client({ connectionString: target.url });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([first, second, worker].filter(Boolean).map((app) => app.close()));
    await db?.end();
    await target?.drop();
    if (prefix) await clearRedisPrefix(prefix);
  });

  /** Resolves once the other instance listens on Redis for this person (its subscription is open). */
  const listening = async (app: INestApplication, userId: string) => {
    const bus = app.get<NotificationBus>(NOTIFICATION_BUS);
    const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
    try {
      await waitFor('the subscription to be open and subscribed on Redis', async () => {
        const [, subscribers] = (await redis.pubsub('NUMSUB', `${prefix}:notifications`)) as [string, number];
        return bus.listeners(userId) === 1 && Number(subscribers) >= 1;
      });
    } finally {
      redis.disconnect();
    }
  };

  it('delivers what one instance and the worker write to a subscription on the other instance, and e-mails it in the worker', async () => {
    expect(second.get<NotificationBus>(NOTIFICATION_BUS).kind).toBe('redis');
    await first.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = (await login(firstUrl, 'admin@samverka.se')).data!.login.accessToken;
    const buyer = await register(firstUrl, 'inkopare@malmo.se');
    const buyerOrg = (
      await createOrganization(firstUrl, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin)
    ).data!.createOrganization.organization.id;
    const owner = await register(secondUrl, 'agare@socialt.se');
    const enterprise = (
      await createOrganization(
        secondUrl,
        owner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städkooperativet Malmö',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin,
      )
    ).data!.createOrganization.organization.id;
    expect((await saveProfile(secondUrl, owner.accessToken, profileInput(enterprise))).errors).toBeUndefined();

    const ownerClient = socketClient(secondUrl, auth(owner.accessToken));
    const buyerClient = socketClient(secondUrl, auth(buyer.accessToken));
    try {
      const forOwner = subscribe<Added>(ownerClient, `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`);
      const forBuyer = subscribe<Added>(buyerClient, `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`);
      await listening(second, owner.userId);
      await listening(second, buyer.userId);

      // Published through the first instance, matched in the worker: the strong match is written there.
      const draft = (await createNeed(firstUrl, buyer.accessToken, needInput(buyerOrg))).data!.createNeed.need;
      expect((await needTransition(firstUrl, buyer.accessToken, 'publishNeed', draft.id, draft.version)).errors).toBeUndefined();
      const [strong] = await forOwner.atLeast(1, 30_000);
      expect(strong.notificationAdded).toMatchObject({ kind: 'MATCH_STRONG', subjectId: draft.id, organization: { id: enterprise, name: 'Städkooperativet Malmö' } });

      // An offer submitted through the first instance: the buyer's subscription on the second hears of it.
      const offer = (await createOffer(firstUrl, owner.accessToken, { needId: draft.id, enterpriseOrganizationId: enterprise, message: 'Vi tar det', priceSek: 400_000 })).data!
        .createOffer.offer;
      expect((await offerAction(firstUrl, owner.accessToken, 'submitOffer', offer.id, offer.version)).errors).toBeUndefined();
      const [received] = await forBuyer.atLeast(1);
      expect(received.notificationAdded).toMatchObject({ kind: 'OFFER_RECEIVED', subjectId: offer.id, organization: { id: buyerOrg } });
      expect(forOwner.events.map((e) => e.notificationAdded.kind)).toEqual(['MATCH_STRONG']);
      expect(forBuyer.errors).toEqual([]);

      // Both e-mails are BullMQ jobs the worker ran: no SMTP outside production, so they are logged. (So
      // are those that told the two owners their organisations were verified, written before.)
      const { rows: verified } = await db.query(`SELECT id FROM notification WHERE kind = 'ORGANIZATION_VERIFIED'`);
      expect(verified).toHaveLength(2);
      const ids = [strong.notificationAdded.id, received.notificationAdded.id, ...verified.map((r) => r.id as string)];
      await waitFor('the e-mails to be logged', async () => {
        const { rows } = await db.query(`SELECT email_status FROM notification WHERE id = ANY($1::uuid[])`, [ids]);
        return rows.length === ids.length && rows.every((r) => r.email_status === 'LOGGED');
      });
      const queue = new Queue(JOBS['notification.email'].queue, { connection: { url: REDIS_TEST_URL }, prefix });
      try {
        const completed = await queue.getJobs(['completed'], 0, 100);
        expect(
          completed
            .filter((j) => j.name === 'notification.email')
            .map((j) => j.data.notificationId)
            .sort(),
        ).toEqual([...ids].sort());
      } finally {
        await queue.close();
      }
    } finally {
      await ownerClient.dispose();
      await buyerClient.dispose();
    }
  });

  it('writes no e-mail to send when the platform sends none (production without SMTP)', async () => {
    const person = await register(firstUrl, `ingen-epost-${randomUUID().slice(0, 8)}@exempel.se`);
    const repository = first.get(NotificationRepository);
    const written = await first.get(Database).transaction(({ manager }) =>
      repository.insert(
        [
          {
            kind: 'REPORT_DUE',
            subjectType: 'partnership',
            subjectId: randomUUID(),
            organizationIds: [],
            userIds: [person.userId],
            exceptUserId: null,
            titleSv: 'Påminnelse',
            titleEn: 'Reminder',
            bodySv: '',
            bodyEn: '',
            data: {},
            dedupeKey: 'no-mail',
          },
        ],
        { email: false },
        manager,
      ),
    );
    expect(written.map((n) => [n.inApp, n.emailStatus])).toEqual([[true, 'NONE']]);
  });
});
