export { MembershipRepository } from './membership.repository.js';
export { type NewOrganization, OrganizationRepository } from './organization.repository.js';
export { OrganizationService } from './organization.service.js';
export { OrganizationValidator } from './organization.validator.js';
export { OrganizationVerificationEvents, type VerificationChange, type VerificationListener } from './organization-verification.js';
export { OrganizationsModule } from './organizations.module.js';
export { Organization } from './graphql/organization.model.js';
export { OrganizationsGraphqlModule } from './graphql/organizations-graphql.module.js';
