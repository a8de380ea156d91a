import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { MembershipEntity, OrganizationEntity } from '@samverka/schema';
import { MembershipRepository } from './membership.repository.js';
import { OrganizationRepository } from './organization.repository.js';

declare global {
  interface SamverkaLoaders {
    organization: DataLoader<string, OrganizationEntity | null>;
    membersOfOrganization: DataLoader<string, MembershipEntity[]>;
    organizationsOfUser: DataLoader<string, { organizationId: string; countyCode: string }[]>;
  }
}

/** Organisations, their members, and the organisations of a user. */
@Injectable()
export class OrganizationLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('organization', () => new DataLoader(async (ids) => byId(ids, await this.organizations.findByIds(ids))));
    this.loaders.register('membersOfOrganization', () => new DataLoader(async (ids) => groupBy(ids, await this.memberships.ofOrganizations(ids), (row) => row.organizationId)));
    this.loaders.register(
      'organizationsOfUser',
      () =>
        new DataLoader(async (ids) => {
          const organizations = await this.organizations.organizationsOfUsers(ids);
          return ids.map((id) => organizations.get(id) ?? []);
        }),
    );
  }
}
