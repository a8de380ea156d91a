import { Module } from '@nestjs/common';
import { InsightsResolver } from './insights.resolver.js';

/** A region's supply and demand, the supply gap, partnerships and impact over time: the transport (GraphQL). */
@Module({
  providers: [InsightsResolver],
})
export class InsightsGraphqlModule {}
