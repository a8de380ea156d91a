import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import { CLOCK, systemClock, type Clock } from './clock.js';
import { LoaderFactory } from './loaders.js';

/** What every feature of the API uses: the clock, per-request loaders, access checks and the audit trail. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: CLOCK, useValue: clock }, LoaderFactory, AccessService, AuditService],
      exports: [CLOCK, LoaderFactory, AccessService, AuditService],
    };
  }
}
