import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { NotificationView } from '../notification.repository.js';
import { DomainError, type Actor, type Language } from '@samverka/domain';
import { NOTIFICATION_BUS, type NotificationBus } from '../notification-bus.js';
import {
  Authorize,
  LoaderFactory,
  CurrentActor,
  RequestLanguage,
  type RequestContext,
  keysetConnection,
  listComplexity,
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
} from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import { MAX_MARK_READ, NotificationInboxService } from '../notification-inbox.service.js';
import { MarkNotificationsReadInput, SetNotificationPreferenceInput } from './notification.inputs.js';
import { Notification, NotificationConnection, NotificationPreference } from './notification.models.js';
import { MarkAllNotificationsReadPayload, MarkNotificationsReadPayload, SetNotificationPreferencePayload } from './notification.payloads.js';

/** The signed-in person's own inbox, preferences and live notifications; nobody sees another's. */
@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly loaders: LoaderFactory,
    @Inject(NOTIFICATION_BUS) private readonly bus: NotificationBus,
  ) {}

  @Authorize('notification.manage')
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first', complexity: pagedComplexity })
  async notifications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Only those not marked read' }) unreadOnly: boolean,
  ) {
    const request = pageRequest(page);
    const result = await this.inbox.list(actor, { unreadOnly: unreadOnly ?? false }, { limit: request.limit, after: parseKeysetKey(request.after, 'timestamptz') });
    return keysetConnection(result, request, (n) => n.id, Notification.from);
  }

  @Authorize('notification.manage')
  @Query(() => Int, { description: 'How many of your notifications are unread' })
  async unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.unreadCount(actor);
  }

  @Authorize('notification.manage')
  @Query(() => [NotificationPreference], { description: 'Every kind of notification, with whether it reaches your inbox and your e-mail', complexity: listComplexity(13) })
  async notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.inbox.preferences(actor);
  }

  @Authorize('notification.manage')
  @Mutation(() => MarkNotificationsReadPayload, {
    description: `Marks your notifications read (at most ${MAX_MARK_READ}); all or none: an id that is not one of yours is NOT_FOUND`,
  })
  async markNotificationsRead(@CurrentActor() actor: Actor, @Args('input') { notificationIds }: MarkNotificationsReadInput): Promise<MarkNotificationsReadPayload> {
    const notifications = (await this.inbox.markRead(actor, notificationIds)).map(Notification.from);
    return { notifications, unreadCount: await this.inbox.unreadCount(actor) };
  }

  @Authorize('notification.manage')
  @Mutation(() => MarkAllNotificationsReadPayload, { description: 'Marks every unread notification of yours read' })
  async markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<MarkAllNotificationsReadPayload> {
    const markedCount = await this.inbox.markAllRead(actor);
    return { markedCount, unreadCount: await this.inbox.unreadCount(actor) };
  }

  @Authorize('notification.manage')
  @Mutation(() => SetNotificationPreferencePayload, {
    description: 'Chooses whether one kind of notification reaches your inbox and your e-mail; both off: it is not written at all',
  })
  async setNotificationPreference(@CurrentActor() actor: Actor, @Args('input') { kind, inApp, email }: SetNotificationPreferenceInput): Promise<SetNotificationPreferencePayload> {
    return { notificationPreference: await this.inbox.setPreference(actor, kind, inApp, email) };
  }

  @Authorize('notification.manage')
  @Subscription(() => Notification, {
    description: 'Your new inbox notifications as they are written (over graphql-ws, signed in through connectionParams.authorization)',
    // Each event is its own request: fresh loaders, so organisation names are read as they are now.
    resolve(this: NotificationResolver, row: NotificationView, _args: unknown, context: RequestContext) {
      context.loaders = this.loaders.create();
      return Notification.from(row);
    },
  })
  notificationAdded(@CurrentActor() actor: Actor): AsyncIterableIterator<NotificationView> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated();
    return this.bus.subscribe(actor.userId);
  }

  @ResolveField(() => String, { description: 'In the language of Accept-Language (Swedish unless the client prefers English)' })
  title(@Parent() notification: Notification, @RequestLanguage() language: Language): string {
    return language === 'en' ? notification.titleEn : notification.titleSv;
  }

  @ResolveField(() => String, { description: 'In the language of Accept-Language, like the title; may be empty' })
  body(@Parent() notification: Notification, @RequestLanguage() language: Language): string {
    return language === 'en' ? notification.bodyEn : notification.bodySv;
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The organisation on whose behalf you are told, if any' })
  async organization(@Parent() notification: Notification, @Context() context: RequestContext): Promise<Organization | null> {
    if (!notification.organizationId) return null;
    const organization = await context.loaders.organization.load(notification.organizationId);
    return organization ? Organization.from(organization) : null;
  }
}
