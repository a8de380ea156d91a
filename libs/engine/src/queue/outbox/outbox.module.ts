import { repositoryProviders } from '../../database/database.module.js';
import { OutboxRepository } from './outbox.repository.js';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from '../clock.js';
import { Outbox } from './outbox.js';
import { OutboxSweepProcessor, OutboxSweepService } from './outbox-sweep.js';

/**
 * The outbox, its sweep and the clock they (and every service) read. Apart from QueueModule, which needs
 * no database: with this module present, the queue module makes every handler clear its job's row.
 */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: OutboxModule,
      providers: [{ provide: CLOCK, useValue: options.clock ?? systemClock }, ...repositoryProviders(OutboxRepository), Outbox, OutboxSweepService, OutboxSweepProcessor],
      exports: [CLOCK, Outbox, OutboxSweepService],
    };
  }
}
