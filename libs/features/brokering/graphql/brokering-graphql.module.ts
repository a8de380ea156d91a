import { Module } from '@nestjs/common';
import { AwardResolver, DashboardPartnershipsResolver, NeedPartnershipResolver } from './award.resolver.js';
import { IntroductionResolver, NeedIntroductionsResolver, OrganizationIntroductionsResolver } from './introduction.resolver.js';
import { PartnershipResolver } from './partnership.resolver.js';
import { BrokeringNodes } from './brokering.nodes.js';
import { BrokeringListsResolver } from './brokering-lists.resolver.js';

/** Coordinators' introductions, the award that starts a partnership, and partnerships' lifecycle: the transport (GraphQL). */
@Module({
  providers: [
    AwardResolver,
    BrokeringListsResolver,
    BrokeringNodes,
    NeedPartnershipResolver,
    DashboardPartnershipsResolver,
    IntroductionResolver,
    NeedIntroductionsResolver,
    OrganizationIntroductionsResolver,
    PartnershipResolver,
  ],
})
export class BrokeringGraphqlModule {}
