import { UserMembershipsResolver } from '../organizations/user-memberships.resolver.js';
import { Module } from '@nestjs/common';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AuthModule } from '../auth/auth.module.js';
import { MembershipResolver } from '../organizations/membership.resolver.js';
import { MembershipService } from '../organizations/membership.service.js';
import { OrganizationResolver } from '../organizations/organization.resolver.js';
import { OrganizationService } from '../organizations/organization.service.js';
import { SessionResolver } from './session.resolver.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

/** People, their sessions and roles, organisations and their members, and the audit trail. */
@Module({
  imports: [AuthModule],
  providers: [
    SessionResolver,
    UserService,
    UserResolver,
    OrganizationService,
    MembershipService,
    OrganizationResolver,
    MembershipResolver,
    UserMembershipsResolver,
    AuditResolver,
  ],
  exports: [UserService, OrganizationService],
})
export class AccountsModule {}
