import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { InsightsRepository } from './insights.repository.js';
import { InsightsService } from './insights.service.js';

/** A region's supply and demand, the supply gap, partnerships and impact over time. */
@Global()
@Module({
  providers: [...repositoryProviders(InsightsRepository), InsightsService],
  exports: [InsightsRepository, InsightsService],
})
export class InsightsModule {}
