import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { MembershipRepository } from './membership.repository.js';
import { OrganizationRepository, type OrganizationFilter } from './organization.repository.js';
import { type OrganizationEntity } from '@samverka/schema';
import {
  assertId,
  assertKommunkod,
  assertLanskod,
  assertOrganizationName,
  DomainError,
  FieldProblems,
  normaliseWebsite,
  verificationLapses,
  orgNumberTaken,
  type Actor,
  actorUserId,
} from '@samverka/domain';
import { gather } from '@samverka/reference-data';
import { OrganizationValidator } from './organization.validator.js';
import { AuditService } from '@samverka/audit';
import type { CreateOrganizationInput, UpdateOrganizationInput } from './graphql/organization.inputs.js';

export interface OrganizationPageKey {
  name: string;
  id: string;
}

@Injectable()
export class OrganizationService {
  constructor(
    private readonly database: Database,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly validator: OrganizationValidator,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findById(assertId(id, 'id'));
    if (!organization) throw DomainError.notFound('organizations.organizationNotFound', { id });
    return organization;
  }

  list(filter: OrganizationFilter, page: { limit: number; after?: OrganizationPageKey }) {
    const problems = new FieldProblems();
    if (filter.countyCode) problems.absorb(() => assertLanskod(filter.countyCode!, 'filter.countyCode'));
    if (filter.municipalityCode) problems.absorb(() => assertKommunkod(filter.municipalityCode!, 'filter.municipalityCode'));
    problems.throwIfAny();
    return this.organizations.list({ ...filter, search: filter.search?.trim() || undefined }, page);
  }

  /** Registers an organisation; the person who registers it becomes its first owner. */
  async create(actor: Actor, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated();
    const { name, orgNumber, website, ...home } = await this.validator.organization(input);
    return this.database.transaction(async ({ manager }) => {
      if (await this.organizations.findByOrgNumber(orgNumber, manager)) throw orgNumberTaken(orgNumber);
      const organization = await this.organizations.create({ kind: input.kind, name, orgNumber, website, ...home }, manager);
      await this.memberships.upsert(organization.id, actor.userId, 'OWNER', manager);
      await this.audit.record(
        actor,
        { action: 'organization.created', entityType: 'organization', entityId: organization.id, data: { kind: input.kind, name, orgNumber } },
        manager,
      );
      return organization;
    });
  }

  async update(actor: Actor, input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    const current = await this.get(input.organizationId);
    const changes: Parameters<OrganizationRepository['updateIfVersion']>[2] = {};
    const problems = new FieldProblems();
    if (input.name !== undefined && input.name !== null) problems.absorb(() => (changes.name = assertOrganizationName(input.name!)));
    if (input.website !== undefined) problems.absorb(() => (changes.website = normaliseWebsite(input.website)));
    if (input.municipalityCode !== undefined || input.countyCode !== undefined) {
      const home = await gather(problems, () =>
        this.validator.home(
          current.kind,
          input.municipalityCode !== undefined ? input.municipalityCode : current.municipalityCode,
          input.countyCode !== undefined ? input.countyCode : input.municipalityCode ? undefined : current.countyCode,
        ),
      );
      Object.assign(changes, home);
    }
    problems.throwIfAny();
    if (verificationLapses(current, changes) && current.verified) Object.assign(changes, { verified: false, verifiedAt: null, verifiedBy: null });
    return this.database.transaction(async ({ manager }) => {
      const updated = await this.organizations.updateIfVersion(current.id, input.version, changes, manager);
      if (!updated) throw DomainError.stale(input.version);
      await this.audit.record(actor, { action: 'organization.updated', entityType: 'organization', entityId: current.id, data: { changes } }, manager);
      return updated;
    });
  }

  async setVerified(actor: Actor, id: string, verified: boolean): Promise<OrganizationEntity> {
    const current = await this.get(id);
    return this.database.transaction(async ({ manager }) => {
      const updated = await this.organizations.updateIfVersion(
        current.id,
        current.version,
        { verified, verifiedAt: verified ? this.clock() : null, verifiedBy: verified ? actorUserId(actor) : null },
        manager,
      );
      if (!updated) throw DomainError.conflict('organizations.changedWhileVerifying');
      await this.audit.record(actor, { action: verified ? 'organization.verified' : 'organization.unverified', entityType: 'organization', entityId: id }, manager);
      return updated;
    });
  }
}
