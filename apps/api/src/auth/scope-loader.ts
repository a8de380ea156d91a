import { Injectable } from '@nestjs/common';
import { OrganizationRepository } from '@samverka/database';
import { assertId, DomainError, type OrganizationScope } from '@samverka/domain';

/** Loads what a rule needs to know about the record an operation concerns. */
@Injectable()
export class ScopeLoader {
  constructor(private readonly organizations: OrganizationRepository) {}

  async organization(id: string, field = 'organizationId'): Promise<OrganizationScope> {
    const organization = await this.organizations.findById(assertId(id, field));
    if (!organization) throw DomainError.notFound('Organisation', id);
    return { organizationId: organization.id, countyCode: organization.countyCode };
  }
}
