import { Field, ID, InputType } from '@nestjs/graphql';
import type { NotificationKind } from '@samverka/domain';
import { MAX_MARK_READ } from '../notification-inbox.service.js';
import { NotificationKindEnum } from './notification.models.js';

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { description: `At most ${MAX_MARK_READ} of your notifications` })
  notificationIds: string[];
}

@InputType()
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field({ description: 'Shown in the inbox and sent live to open subscriptions' })
  inApp: boolean;

  @Field({ description: 'Sent by e-mail (when the platform sends e-mail)' })
  email: boolean;
}
