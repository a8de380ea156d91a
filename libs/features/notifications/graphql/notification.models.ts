import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { NotificationPreferenceEntity } from '@samverka/schema';
import type { NotificationView } from '../notification.repository.js';
import { NOTIFICATION_KINDS, notificationPath, type NotificationKind } from '@samverka/domain';
import { enumFromList, ConnectionType, Node, DateTimeScalar } from '@samverka/engine';

/** The kinds as a GraphQL enum, from the one list in the domain. */
export const NotificationKindEnum = enumFromList(NOTIFICATION_KINDS, {
  name: 'NotificationKind',
  description:
    'MATCH_STRONG: a published need fits your enterprise well; OFFER_RECEIVED: an offer on your need; OFFER_STATUS_CHANGED: an offer was shortlisted, accepted, declined or withdrawn; ' +
    'INTRODUCTION_*: a coordinator introduced an enterprise to a need, and the answer; PARTNERSHIP_*: a partnership started, its targets, its end; REPORT_*: impact reports due, submitted, confirmed or returned; ' +
    "ORGANIZATION_VERIFIED/UNVERIFIED: your organisation's verification changed; FEEDBACK_RECEIVED: feedback on accessibility (administrators); OFFER_INVITED: a buyer invites your enterprise to make an offer on its need",
});

const BY_LANGUAGE = 'use title and body, in the language of Accept-Language';

@ObjectType({ description: 'Something that happened, told to one person; written in Swedish and English when it happened', implements: () => [Node] })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKindEnum, { description: 'Language-neutral: what happened' })
  kind: NotificationKind;

  @Field({ deprecationReason: BY_LANGUAGE })
  titleSv: string;

  @Field({ deprecationReason: BY_LANGUAGE })
  titleEn: string;

  @Field({ description: 'May be empty', deprecationReason: BY_LANGUAGE })
  bodySv: string;

  @Field({ description: 'May be empty', deprecationReason: BY_LANGUAGE })
  bodyEn: string;

  @Field({ description: 'What it is about: need, offer, introduction, partnership or impactReport' })
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  /** Resolved to `organization`: the organisation on whose behalf the person is told, if any. */
  organizationId: string | null;

  @Field({ description: 'Details for the client (ids, scores, statuses), as a JSON object' })
  data: string;

  @Field({ description: "Where it is best read in the web app, relative to the public address (the e-mail's link): the page where its reader acts on it, else the inbox" })
  path: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the person marked it read; null while unread' })
  readAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(row: NotificationView): Notification {
    return Object.assign(new Notification(), {
      id: row.id,
      kind: row.kind,
      titleSv: row.titleSv,
      titleEn: row.titleEn,
      bodySv: row.bodySv,
      bodyEn: row.bodyEn,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      organizationId: row.organizationId,
      data: JSON.stringify(row.data),
      path: notificationPath(row),
      readAt: row.readAt,
      createdAt: row.createdAt,
    });
  }
}

@ObjectType()
export class NotificationConnection extends ConnectionType(Notification) {}

@ObjectType({ description: 'Whether one kind of notification reaches the inbox and e-mail (both on unless turned off)' })
export class NotificationPreference {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field({ description: 'Shown in the inbox and sent live to open subscriptions' })
  inApp: boolean;

  @Field({ description: 'Sent by e-mail (when the platform sends e-mail)' })
  email: boolean;

  static of(kind: NotificationKind, stored: NotificationPreferenceEntity | undefined): NotificationPreference {
    return Object.assign(new NotificationPreference(), { kind, inApp: stored?.inApp ?? true, email: stored?.email ?? true });
  }
}
