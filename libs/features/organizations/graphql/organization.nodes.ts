import { Injectable, type OnModuleInit } from '@nestjs/common';
import { loadAll, NodeRegistry } from '@samverka/engine';
import { Organization } from './organization.model.js';

/** Organisations as nodes: public, like their lookup. */
@Injectable()
export class OrganizationNodes implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'Organization',
      table: 'organization',
      load: async (ids, { loaders }) => (await loadAll(loaders.organization, ids)).map((organization) => (organization ? Organization.from(organization) : null)),
    });
  }
}
