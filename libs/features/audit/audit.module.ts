import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/** The audit trail: who did what, when. */
@Global()
@Module({
  providers: [...repositoryProviders(AuditRepository), AuditService],
  exports: [AuditRepository, AuditService],
})
export class AuditModule {}
