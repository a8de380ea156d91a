import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What became of a message: sent through SMTP, written to the log, or not sent (no SMTP in production). */
export type MailOutcome = 'SENT' | 'LOGGED' | 'NONE';

/**
 * Sends notification e-mails as the configuration says: through SMTP (SMTP_URL) or, outside production
 * without it, into the log. In production without SMTP nothing is sent, said once at start.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** false: notifications are not e-mailed at all (they are written without an e-mail to send). */
  get enabled(): boolean {
    return this.config.mail.transport !== 'off';
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.transport === 'off') {
      this.logger.warn('SMTP_URL is not set: notifications reach the inbox only, and no e-mail is sent');
    }
  }

  async send(message: MailMessage): Promise<MailOutcome> {
    const mail = this.config.mail;
    switch (mail.transport) {
      case 'smtp': {
        this.transporter ??= nodemailer.createTransport({
          url: mail.url,
          // A server that does not answer fails the attempt soon; the job retries it later.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        });
        await this.transporter.sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text });
        return 'SENT';
      }
      case 'log':
        this.logger.log(`e-mail (not sent: SMTP_URL is not set) to ${message.to}: ${message.subject}`);
        this.logger.debug(message.text);
        return 'LOGGED';
      case 'off':
        return 'NONE';
      default: {
        const unknown: never = mail;
        throw new Error(`Unknown mail transport ${JSON.stringify(unknown)}`);
      }
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
