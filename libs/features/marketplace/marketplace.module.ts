import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { CloseExpiredNeedsProcessor } from './close-expired-needs.processor.js';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { MarketplaceLoaders } from './marketplace.loaders.js';
import { NeedRepository } from './need.repository.js';
import { NeedService } from './need.service.js';
import { NeedValidator } from './need.validator.js';
import { NeedInvitationRepository } from './need-invitation.repository.js';
import { NeedInvitationService } from './need-invitation.service.js';
import { OfferNotifier } from './offer-notifier.js';
import { OfferRepository } from './offer.repository.js';
import { OfferService } from './offer.service.js';
import { ProfileService } from './profile.service.js';
import { ProfileValidator } from './profile.validator.js';
import { SearchPartsRefresh } from './search-parts-refresh.js';
import { SearchPartsRepository } from './search-parts.repository.js';
import { VerificationEffects } from './verification-effects.js';

/** Enterprise profiles, needs and offers, their rules, the expiry of needs, what verification shows, and their search parts. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(EnterpriseProfileRepository, NeedRepository, OfferRepository, NeedInvitationRepository, SearchPartsRepository),
    MarketplaceLoaders,
    NeedService,
    NeedInvitationService,
    NeedValidator,
    OfferNotifier,
    OfferService,
    ProfileService,
    ProfileValidator,
    CloseExpiredNeedsProcessor,
    VerificationEffects,
    SearchPartsRefresh,
  ],
  exports: [
    EnterpriseProfileRepository,
    NeedRepository,
    OfferRepository,
    MarketplaceLoaders,
    NeedService,
    NeedInvitationService,
    NeedValidator,
    OfferNotifier,
    OfferService,
    ProfileService,
    ProfileValidator,
    SearchPartsRefresh,
  ],
})
export class MarketplaceModule {}
