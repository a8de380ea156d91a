import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { InvitationRepository } from './invitation.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { MembershipService } from './membership.service.js';
import { OrganizationLoaders } from './organization.loaders.js';
import { OrganizationRepository } from './organization.repository.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationValidator } from './organization.validator.js';
import { OrganizationVerificationEvents } from './organization-verification.js';

/** Organisations, their members and invitations, and their verification. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(InvitationRepository, MembershipRepository, OrganizationRepository),
    MembershipService,
    OrganizationLoaders,
    OrganizationService,
    OrganizationValidator,
    OrganizationVerificationEvents,
  ],
  exports: [
    InvitationRepository,
    MembershipRepository,
    OrganizationRepository,
    MembershipService,
    OrganizationLoaders,
    OrganizationService,
    OrganizationValidator,
    OrganizationVerificationEvents,
  ],
})
export class OrganizationsModule {}
