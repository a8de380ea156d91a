import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NeedResolver } from './need.resolver.js';
import { NeedService } from './need.service.js';
import { OfferResolver } from './offer.resolver.js';
import { OfferService } from './offer.service.js';
import { OrganizationMarketplaceResolver } from './organization-marketplace.resolver.js';
import { ProfileResolver } from './profile.resolver.js';
import { ProfileService } from './profile.service.js';

/** Enterprise profiles, needs, offers and the partnerships an award starts. */
@Module({
  // Offers tell the buyer and the enterprise what happened to them (OfferNotifier).
  imports: [NotificationsModule],
  providers: [
    ProfileService,
    NeedService,
    OfferService,
    ProfileResolver,
    NeedResolver,
    OfferResolver,
    OrganizationMarketplaceResolver,
  ],
  exports: [ProfileService, NeedService, OfferService],
})
export class MarketplaceModule {}
