import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationNodes } from './notification.nodes.js';

/** Notifications: the transport (GraphQL). */
@Module({
  providers: [NotificationNodes, NotificationResolver],
})
export class NotificationsGraphqlModule {}
