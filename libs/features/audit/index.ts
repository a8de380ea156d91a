export { AuditModule } from './audit.module.js';
export { AuditRepository } from './audit.repository.js';
export { AuditService } from './audit.service.js';
export { AuditGraphqlModule } from './graphql/audit-graphql.module.js';
