import { JobHandler, type JobProcessor, type JobPayload } from '@samverka/engine';
import { NotificationEmailService } from './notification-email.service.js';

@JobHandler('notification.email')
export class NotificationEmailProcessor implements JobProcessor<'notification.email'> {
  constructor(private readonly emails: NotificationEmailService) {}

  async handle({ notificationId }: JobPayload<'notification.email'>): Promise<void> {
    await this.emails.deliver(notificationId);
  }
}
