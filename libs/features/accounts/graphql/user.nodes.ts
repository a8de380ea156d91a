import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ANONYMOUS, authorize } from '@samverka/domain';
import { loadAll, NodeRegistry } from '@samverka/engine';
import { User } from './user.model.js';

/**
 * People as nodes: for themselves, administrators, and those who work with them (the people of their
 * organisations and its region's coordinators, as for their contact details); null for anyone else.
 */
@Injectable()
export class UserNodes implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'User',
      table: 'app_user',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        if (actor.kind !== 'user') return ids.map(() => null);
        const [users, organizations] = await Promise.all([loadAll(loaders.user, ids), loadAll(loaders.organizationsOfUser, ids)]);
        return users.map((user, i) =>
          user && authorize(actor, 'user.contactDetails.read', { userId: user.id, organizations: organizations[i] }).allowed ? User.from(user) : null,
        );
      },
    });
  }
}
