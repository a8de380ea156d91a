import { randomUUID } from 'node:crypto';
import { message } from '@samverka/domain';
import { Database, Outbox, OutboxSweepService } from '@samverka/engine';
import { NotificationRepository, NotificationEmailService, NotificationService } from '@samverka/notifications';
import { register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { FakeSmtpServer } from '../support/fake-smtp.js';
import { allNotifications } from '../support/notifications.js';
import { waitFor } from '../support/wait.js';

const PUBLIC_URL = 'https://samverka.example.se';

interface EmailRow {
  emailStatus: string;
  emailAttempts: number;
  emailError: string | null;
  emailedAt: Date | null;
}

/** Notification e-mail through SMTP: the same queue, jobs and rows as the logged e-mail, and a real SMTP exchange. */
describe('notification e-mail through SMTP (embedded mode)', () => {
  let smtp: FakeSmtpServer;
  let api: EmbeddedApi;
  let db: Database;

  /** A notification to one person, written as a service writes it (in a transaction, e-mailed after the commit). */
  const partnershipId = randomUUID();
  const tell = async (person: SignedIn) => {
    const [written] = await db.transaction((tx) =>
      api.app.get(NotificationService).notify(tx, {
        kind: 'REPORT_DUE',
        subject: { type: 'partnership', id: partnershipId },
        users: [person.userId],
        title: message('impact.reportDueTitle', { partnership: 'Fikaservice' }),
        body: [message('impact.reportDueBody', { from: '2026-01-01', to: '2026-03-31', dueOn: '2026-04-01' })],
        dedupeKey: `test:${randomUUID()}`,
      }),
    );
    return written;
  };
  const emailOf = async (id: string): Promise<EmailRow> =>
    (
      await db.dataSource.query(
        `SELECT email_status AS "emailStatus", email_attempts AS "emailAttempts", email_error AS "emailError", emailed_at AS "emailedAt" FROM notification WHERE id = $1`,
        [id],
      )
    )[0];
  const settled = (id: string, status: string) => waitFor(`notification ${id} to be ${status}`, async () => ((await emailOf(id)).emailStatus === status ? emailOf(id) : undefined));

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    api = await startEmbeddedApi('notification-email', {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Samverka <noreply@samverka.se>',
      PUBLIC_URL,
      QUEUE_RETRY_BACKOFF_MS: '20',
    });
    db = api.app.get(Database);
  });
  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
  });

  it('sends it from MAIL_FROM to the person, once, and marks it SENT', async () => {
    const person = await register(api.url, 'mottagare@exempel.se', 'Mona Mottagare');
    const written = await tell(person);
    expect(written).toMatchObject({ userId: person.userId, inApp: true, emailStatus: 'PENDING' });
    const row = await settled(written.id, 'SENT');
    expect(row).toMatchObject({ emailAttempts: 1, emailError: null });
    expect(row.emailedAt).not.toBeNull();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('noreply@samverka.se');
    expect(mail.to).toEqual(['mottagare@exempel.se']);
    expect(mail.data).toMatch(/^Subject: Samverka: Dags att rapportera effekt: Fikaservice$/m);
    expect(mail.data).toMatch(/^From: Samverka <noreply@samverka\.se>$/m);
    expect(mail.data).toContain('Hej Mona Mottagare!');
    expect(mail.data).toContain('Impact report due: Fikaservice');
    // The link leads to the partnership's page, where the report is written (read past quoted-printable's soft line breaks).
    expect(mail.data.replace(/=\r?\n/g, '')).toContain(`${PUBLIC_URL}/samarbeten/${partnershipId}`);
    // Another job for the same notification (a retry, the sweep) sends nothing more.
    expect(await api.app.get(NotificationEmailService).deliver(written.id)).toBe('skipped');
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a refused e-mail with backoff and, after five attempts, marks it FAILED with the reason', async () => {
    const person = await register(api.url, 'avvisad@exempel.se');
    smtp.refuse(person.email);
    const written = await tell(person);
    const row = await settled(written.id, 'FAILED');
    expect(row.emailAttempts).toBe(5);
    expect(row.emailError).toMatch(/550/);
    expect(row.emailedAt).toBeNull();
    expect(smtp.recipients.filter((to) => to === person.email)).toHaveLength(5);
    // The inbox has it all the same.
    expect((await allNotifications(api.url, person.accessToken)).map((n) => n.id)).toEqual([written.id]);
  });

  it('e-mails, through the sweep, what was written while the queue could not take the job', async () => {
    const person = await register(api.url, 'svept@exempel.se');
    // Written with their outbox rows but no job, as when the queue was away at the commit.
    const [old, recent] = await db.transaction(async (tx) => {
      const written = await api.app.get(NotificationRepository).insert(
        ['old', 'recent'].map((label) => ({
          kind: 'REPORT_DUE' as const,
          subjectType: 'partnership',
          subjectId: randomUUID(),
          organizationIds: [],
          userIds: [person.userId],
          exceptUserId: null,
          titleSv: `Påminnelse ${label}`,
          titleEn: `Reminder ${label}`,
          bodySv: '',
          bodyEn: '',
          data: {},
          dedupeKey: `sweep:${label}:${randomUUID()}`,
        })),
        { email: true },
        tx.manager,
      );
      await api.app.get(Outbox).publishMany(
        tx,
        'notification.email',
        written.map((n) => ({ notificationId: n.id })),
        { enqueue: false },
      );
      return written;
    });
    await db.dataSource.query(`UPDATE job_outbox SET due_at = now() - interval '1 minute' WHERE job_name = 'notification.email' AND payload->>'notificationId' = $1`, [old.id]);
    expect((await api.app.get(OutboxSweepService).sweep()).requeued).toBe(1);
    await settled(old.id, 'SENT');
    // A young one is left to its own job for the first minute.
    expect((await emailOf(recent.id)).emailStatus).toBe('PENDING');
    expect(smtp.received.filter((m) => m.to.includes(person.email))).toHaveLength(1);
  });
});
