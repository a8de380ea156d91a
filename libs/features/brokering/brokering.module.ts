import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { AwardService } from './award.service.js';
import { BrokeringListsService } from './brokering-lists.service.js';
import { BrokeringLoaders } from './brokering.loaders.js';
import { IntroductionRepository } from './introduction.repository.js';
import { IntroductionService } from './introduction.service.js';
import { PartnershipRepository } from './partnership.repository.js';
import { PartnershipService } from './partnership.service.js';
import { WorkListRepository } from './work-list.repository.js';

/** Coordinators' introductions, the award that starts a partnership, and partnerships' lifecycle. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(IntroductionRepository, PartnershipRepository, WorkListRepository),
    AwardService,
    BrokeringListsService,
    BrokeringLoaders,
    IntroductionService,
    PartnershipService,
  ],
  exports: [IntroductionRepository, PartnershipRepository, AwardService, BrokeringListsService, BrokeringLoaders, IntroductionService, PartnershipService],
})
export class BrokeringModule {}
