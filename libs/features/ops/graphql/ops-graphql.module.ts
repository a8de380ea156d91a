import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueProbeResolver } from './queue-probe.resolver.js';
import { HealthController } from '../health.controller.js';
import { QueueProbeNodes } from './queue-probe.nodes.js';

/** Operations: the transport (GraphQL, HTTP). */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [QueueProbeNodes, QueueProbeResolver],
  controllers: [HealthController],
})
export class OpsGraphqlModule {}
