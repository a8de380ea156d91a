import { Global, Module } from '@nestjs/common';
import { repositoryProviders, APP_CONFIG, type AppConfig } from '@samverka/engine';
import { createNotificationBus, NOTIFICATION_BUS } from './notification-bus.js';
import { NotificationEmailProcessor } from './notification-email.processors.js';
import { NotificationEmailService } from './notification-email.service.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationMailer } from './notification-mailer.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';

/** Notifications: the inbox, preferences, e-mail through the queue, and live delivery. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(NotificationRepository),
    NotificationEmailService,
    NotificationInboxService,
    NotificationMailer,
    NotificationService,
    // Live notifications go through Redis pub/sub when the queue does, else stay in this process.
    { provide: NOTIFICATION_BUS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createNotificationBus(config.queue) },
    NotificationEmailProcessor,
  ],
  exports: [NotificationRepository, NotificationEmailService, NotificationInboxService, NotificationMailer, NotificationService, NOTIFICATION_BUS],
})
export class NotificationsModule {}
