import { Global, Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import { LoaderFactory } from './loaders.js';

/**
 * What every feature of the API uses: per-request loaders, access checks and the audit trail. The clock
 * is the platform's (PlatformModule.forRoot takes a test's clock), shared with the jobs.
 */
@Global()
@Module({
  providers: [LoaderFactory, AccessService, AuditService],
  exports: [LoaderFactory, AccessService, AuditService],
})
export class CommonModule {}
