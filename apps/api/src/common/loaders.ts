import { Injectable } from '@nestjs/common';
import {
  MembershipRepository,
  OrganizationRepository,
  UserRepository,
  type MembershipEntity,
  type OrganizationEntity,
  type UserEntity,
} from '@samverka/database';
import DataLoader from 'dataloader';

/** Per-request batch loaders, so nested fields cost one query per level, not one per row. */
export interface Loaders {
  organization: DataLoader<string, OrganizationEntity | null>;
  user: DataLoader<string, UserEntity | null>;
  membersOfOrganization: DataLoader<string, MembershipEntity[]>;
  coordinatorCounties: DataLoader<string, string[]>;
  organizationsOfUser: DataLoader<string, { organizationId: string; countyCode: string }[]>;
}

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
};

@Injectable()
export class LoaderFactory {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  create(): Loaders {
    return {
      organization: new DataLoader(async (ids) => byId(ids, await this.organizations.findByIds(ids))),
      user: new DataLoader(async (ids) => byId(ids, await this.users.findByIds(ids))),
      membersOfOrganization: new DataLoader(async (ids) => {
        const rows = await this.memberships.ofOrganizations(ids);
        return ids.map((id) => rows.filter((row) => row.organizationId === id));
      }),
      coordinatorCounties: new DataLoader(async (ids) => {
        const counties = await this.users.coordinatorCounties(ids);
        return ids.map((id) => counties.get(id) ?? []);
      }),
      organizationsOfUser: new DataLoader(async (ids) => {
        const organizations = await this.organizations.organizationsOfUsers(ids);
        return ids.map((id) => organizations.get(id) ?? []);
      }),
    };
  }
}
