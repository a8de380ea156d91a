import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Notification, NotificationPreference } from './notification.models.js';

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => [Notification], { description: 'The notifications marked, newest first' })
  notifications: Notification[];

  @Field(() => Int, { description: 'How many of your notifications are still unread' })
  unreadCount: number;
}

@ObjectType()
export class MarkAllNotificationsReadPayload {
  @Field(() => Int, { description: 'How many were unread and are now marked read' })
  markedCount: number;

  @Field(() => Int, { description: 'How many of your notifications are still unread (those that arrived meanwhile)' })
  unreadCount: number;
}

@ObjectType()
export class SetNotificationPreferencePayload {
  @Field(() => NotificationPreference)
  notificationPreference: NotificationPreference;
}
