import { Module } from '@nestjs/common';
import { NeedWarningResolver, ReadinessItemResolver } from './marketplace-texts.resolver.js';
import { NeedResolver } from './need.resolver.js';
import { OfferResolver } from './offer.resolver.js';
import { OrganizationMarketplaceResolver } from './organization-marketplace.resolver.js';
import { ProfileResolver } from './profile.resolver.js';
import { MarketplaceNodes } from './marketplace.nodes.js';
import { NeedInvitationFieldsResolver, NeedInvitationResolver } from './need-invitation.resolver.js';

/** Enterprise profiles, needs and offers, their rules, and the expiry of needs: the transport (GraphQL). */
@Module({
  providers: [
    MarketplaceNodes,
    NeedInvitationFieldsResolver,
    NeedInvitationResolver,
    NeedResolver,
    NeedWarningResolver,
    OfferResolver,
    OrganizationMarketplaceResolver,
    ProfileResolver,
    ReadinessItemResolver,
  ],
})
export class MarketplaceGraphqlModule {}
