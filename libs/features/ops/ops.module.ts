import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { QueueProbeProcessor } from './queue-probe.processor.js';
import { QueueProbeRepository } from './queue-probe.repository.js';
import { QueueProbeService } from './queue-probe.service.js';

/** Operations: the queue probe, a diagnostic job sent through the real queue. */
@Global()
@Module({
  providers: [...repositoryProviders(QueueProbeRepository), QueueProbeService, QueueProbeProcessor],
  exports: [QueueProbeRepository, QueueProbeService],
})
export class OpsModule {}
