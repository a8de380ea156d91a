import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { AwardService } from './award.service.js';
import { BrokeringLoaders } from './brokering.loaders.js';
import { IntroductionRepository } from './introduction.repository.js';
import { IntroductionService } from './introduction.service.js';
import { PartnershipRepository } from './partnership.repository.js';
import { PartnershipService } from './partnership.service.js';

/** Coordinators' introductions, the award that starts a partnership, and partnerships' lifecycle. */
@Global()
@Module({
  providers: [...repositoryProviders(IntroductionRepository, PartnershipRepository), AwardService, BrokeringLoaders, IntroductionService, PartnershipService],
  exports: [IntroductionRepository, PartnershipRepository, AwardService, BrokeringLoaders, IntroductionService, PartnershipService],
})
export class BrokeringModule {}
