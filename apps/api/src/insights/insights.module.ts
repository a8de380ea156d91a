import { Module } from '@nestjs/common';
import { InsightsResolver } from './insights.resolver.js';
import { InsightsService } from './insights.service.js';

/** Regional insights for coordinators: supply and demand, the supply gap, partnerships and impact; CSV export. */
@Module({
  providers: [InsightsService, InsightsResolver],
})
export class InsightsModule {}
