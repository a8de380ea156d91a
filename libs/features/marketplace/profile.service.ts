import { Outbox, Database } from '@samverka/engine';
import { Injectable } from '@nestjs/common';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type EnterpriseProfileEntity } from '@samverka/schema';
import { assertId, DomainError, type Actor } from '@samverka/domain';
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
    if (!organization) throw DomainError.notFound('Organisation', organizationId);
    if (organization.kind !== 'SOCIAL_ENTERPRISE') {
      throw DomainError.badInput('organizationId', `must be a social enterprise: profiles describe what enterprises offer, and this is a ${organization.kind}`);
    }
    const fields = await this.validator.fields(input);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const existing = await this.profiles.find(organizationId, manager);
      let saved: EnterpriseProfileEntity | null;
      if (!existing) {
        saved = await this.profiles.create(organizationId, fields, manager);
      } else {
        if (input.version === undefined || input.version === null) throw DomainError.badInput('version', 'is required to change an existing profile');
        saved = await this.profiles.updateIfVersion(organizationId, input.version, fields, manager);
        if (!saved) throw new DomainError('CONFLICT', `The profile was changed by someone else after version ${input.version}: reload it and try again`, 'version');
      }
      await this.audit.record(actor, { action: existing ? 'profile.updated' : 'profile.created', entityType: 'organization', entityId: organizationId }, manager);
      await this.outbox.publish(tx, 'matching.profile', { organizationId: organizationId });
      return saved;
    });
  }
}
