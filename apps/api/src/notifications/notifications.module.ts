import { Module } from '@nestjs/common';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationResolver } from './notification.resolver.js';
import { OfferNotifier } from './offer-notifier.js';

/**
 * The person's inbox, preferences and live notifications over GraphQL, and what offers tell people.
 * Writing, e-mailing and publishing notifications is the platform's (NotificationService).
 */
@Module({
  providers: [NotificationInboxService, NotificationResolver, OfferNotifier],
  exports: [OfferNotifier],
})
export class NotificationsModule {}
