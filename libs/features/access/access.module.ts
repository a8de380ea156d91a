import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { PolicyCoverageCheck } from './policy-coverage.js';
import { PolicyGuard } from './policy.guard.js';
import { ScopeLoader } from './scope-loader.js';

/** Whether the one asking may: the policy guard before every GraphQL operation, and the start-up check that every operation declares a rule. */
@Module({
  imports: [DiscoveryModule],
  providers: [ScopeLoader, PolicyCoverageCheck, { provide: APP_GUARD, useClass: PolicyGuard }],
})
export class AccessModule {}
