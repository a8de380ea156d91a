import { Outbox, Database } from '@samverka/engine';
import { Injectable } from '@nestjs/common';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type EnterpriseProfileEntity } from '@samverka/schema';
import { assertId, checkedAsync, DomainError, FieldProblems, type Actor } from '@samverka/domain';
import { ProfileValidator, type ProfileValues } from './profile.validator.js';
import { AuditService } from '@samverka/audit';

export interface SaveProfileInput extends ProfileValues {
  organizationId: string;
  /** The version the change is based on; required when the profile exists. */
  version?: number | null;
}

/** Enterprise profiles: what a social enterprise does, where, and how much it can take on. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly database: Database,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly organizations: OrganizationRepository,
    private readonly validator: ProfileValidator,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /** Creates the profile or replaces it (a stale version is refused, not overwritten). */
  async save(actor: Actor, input: SaveProfileInput): Promise<EnterpriseProfileEntity> {
    const organizationId = assertId(input.organizationId, 'organizationId');
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw DomainError.notFound('marketplace.organizationNotFound', { id: organizationId });
    const problems = new FieldProblems();
    if (organization.kind !== 'SOCIAL_ENTERPRISE') problems.add('organizationId', 'NOT_ALLOWED', 'marketplace.profileNotEnterprise');
    const fields = await checkedAsync(problems, () => this.validator.fields(input));
    problems.throwIfAny();
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const existing = await this.profiles.find(organizationId, manager);
      let saved: EnterpriseProfileEntity | null;
      if (!existing) {
        saved = await this.profiles.create(organizationId, fields!, manager);
      } else {
        if (input.version === undefined || input.version === null) throw DomainError.badInput('version', 'REQUIRED', 'marketplace.profileVersionRequired');
        saved = await this.profiles.updateIfVersion(organizationId, input.version, fields!, manager);
        if (!saved) throw DomainError.stale(input.version);
      }
      await this.audit.record(actor, { action: existing ? 'profile.updated' : 'profile.created', entityType: 'organization', entityId: organizationId }, manager);
      await this.outbox.publish(tx, 'matching.profile', { organizationId: organizationId });
      return saved;
    });
  }
}
