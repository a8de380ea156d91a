import { MarketplaceModule } from '../marketplace/marketplace.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AwardResolver, DashboardPartnershipsResolver, NeedPartnershipResolver } from './award.resolver.js';
import { AwardService } from './award.service.js';
import { Module } from '@nestjs/common';
import { IntroductionResolver, NeedIntroductionsResolver, OrganizationIntroductionsResolver } from './introduction.resolver.js';
import { IntroductionService } from './introduction.service.js';
import { PartnershipResolver } from './partnership.resolver.js';
import { PartnershipService } from './partnership.service.js';

/** Coordinators' introductions, partnerships and their lifecycle. */
@Module({
  // The award accepts the marketplace's offers and tells people through the offers' notifier.
  imports: [MarketplaceModule, NotificationsModule],
  providers: [
    AwardService,
    AwardResolver,
    NeedPartnershipResolver,
    DashboardPartnershipsResolver,
    // Stateless checks of codes against the reference data (also provided by the marketplace module).
    IntroductionService,
    PartnershipService,
    IntroductionResolver,
    NeedIntroductionsResolver,
    OrganizationIntroductionsResolver,
    PartnershipResolver,
  ],
  exports: [IntroductionService, PartnershipService, AwardService],
})
export class BrokeringModule {}
