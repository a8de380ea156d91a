export { AccountsModule } from './accounts.module.js';
export { ActorResolver } from './actor-resolver.js';
export { createAdminCommand } from './cli/create-admin.command.js';
export { PasswordHasher } from './password-hasher.js';
export { TokenService } from './token.service.js';
export { UserRepository } from './user.repository.js';
export { AccountsGraphqlModule } from './graphql/accounts-graphql.module.js';
export { MembershipRoleEnum, OrganizationKindEnum } from './graphql/accounts.enums.js';
export { User } from './graphql/user.model.js';
