import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, JOBS } from '@samverka/engine';
import { NotificationRepository } from './notification.repository.js';
import { notificationEmail } from './notification-email.js';
import { NotificationMailer } from './notification-mailer.js';

/** Attempts per e-mail, the first included: as many as its job gets from the queue. */
export const EMAIL_MAX_ATTEMPTS = JOBS['notification.email'].attempts;
/** How long an attempt holds its row: a process that dies while sending lets the e-mail go after this. */
const EMAIL_LEASE_MS = 5 * 60_000;

/**
 * E-mails notifications, one job per notification (published through the outbox with the notification). The row is the record of what was done: a job claims
 * it (so two jobs for one notification never both send), marks the outcome, and after a failure leaves
 * it PENDING with a backoff for the queue's retry, until the last attempt marks it FAILED.
 */
@Injectable()
export class NotificationEmailService {
  private readonly logger = new Logger('NotificationEmail');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: NotificationMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One attempt at the notification's e-mail. Nothing happens when it is no longer PENDING or another
   * attempt holds it; a failure that leaves it PENDING is thrown, so that the queue retries.
   */
  async deliver(notificationId: string): Promise<'SENT' | 'LOGGED' | 'NONE' | 'FAILED' | 'skipped'> {
    const claimed = await this.notifications.claimEmail(notificationId, EMAIL_LEASE_MS);
    if (!claimed) return 'skipped';
    let outcome: 'SENT' | 'LOGGED' | 'NONE';
    try {
      outcome = await this.mailer.send(notificationEmail(claimed, this.config.http.publicUrl));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Half the queue's next delay: the retry then finds the row free again.
      const backoff = Math.min((this.config.queue.retryBackoffMs * 2 ** (claimed.attempts - 1)) / 2, EMAIL_LEASE_MS);
      const status = await this.notifications.emailFailed(notificationId, reason, EMAIL_MAX_ATTEMPTS, backoff);
      if (status === 'PENDING') throw error;
      if (status === null) return 'skipped';
      this.logger.warn(`the e-mail of notification ${notificationId} failed for good after ${claimed.attempts} attempts: ${reason}`);
      return 'FAILED';
    }
    await this.notifications.emailDone(notificationId, outcome);
    return outcome;
  }
}
