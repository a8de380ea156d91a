import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, NodeRegistry } from '@samverka/engine';
import { NotificationRepository } from '../notification.repository.js';
import { Notification } from './notification.models.js';

/** Notifications as nodes: each only for the person whose inbox it is in. */
@Injectable()
export class NotificationNodes implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'Notification',
      table: 'notification',
      load: async (ids, { req }) => {
        if (req.actor?.kind !== 'user') return ids.map(() => null);
        return byId(ids, await this.notifications.inboxByIds(req.actor.userId, ids)).map((row) => (row ? Notification.from(row) : null));
      },
    });
  }
}
