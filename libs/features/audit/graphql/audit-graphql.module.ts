import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver.js';

/** The audit trail: the transport (GraphQL). */
@Module({
  providers: [AuditResolver],
})
export class AuditGraphqlModule {}
