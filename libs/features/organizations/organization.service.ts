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
import { OrganizationVerificationEvents } from './organization-verification.js';
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
    private readonly verification: OrganizationVerificationEvents,
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
    const lapses = verificationLapses(current, changes) && current.verified;
    if (lapses) Object.assign(changes, { verified: false, verifiedAt: null, verifiedBy: null });
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.organizations.updateIfVersion(current.id, input.version, changes, manager);
      if (!updated) throw DomainError.stale(input.version);
      await this.audit.record(actor, { action: 'organization.updated', entityType: 'organization', entityId: current.id, data: { changes } }, manager);
      if (lapses) await this.verification.changed(tx, { actor, organization: updated, verified: false, cause: 'lapsed' });
      return updated;
    });
  }

  /**
   * Verifies the organisation (an administrator, or a coordinator of its county), or withdraws its
   * verification. Verifying shows its published needs to everyone, has them and its profile matched, and
   * lets it submit offers; withdrawing hides again what verifying showed. Asking for the state it already
   * has changes nothing.
   */
  async setVerified(actor: Actor, id: string, verified: boolean): Promise<OrganizationEntity> {
    const current = await this.get(id);
    if (current.verified === verified) return current;
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.organizations.updateIfVersion(
        current.id,
        current.version,
        { verified, verifiedAt: verified ? this.clock() : null, verifiedBy: verified ? actorUserId(actor) : null },
        manager,
      );
      if (!updated) throw DomainError.conflict('organizations.changedWhileVerifying');
      await this.audit.record(
        actor,
        {
          action: verified ? 'organization.verified' : 'organization.unverified',
          entityType: 'organization',
          entityId: id,
          // Under which role: administrators verify anywhere, coordinators in their counties.
          data: { countyCode: updated.countyCode, as: actor.kind === 'user' ? actor.role : actor.kind },
        },
        manager,
      );
      await this.verification.changed(tx, { actor, organization: updated, verified, cause: verified ? 'verified' : 'unverified' });
      return updated;
    });
  }
}
