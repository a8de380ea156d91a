import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver.js';

/** Notifications: the transport (GraphQL). */
@Module({
  providers: [NotificationResolver],
})
export class NotificationsGraphqlModule {}
