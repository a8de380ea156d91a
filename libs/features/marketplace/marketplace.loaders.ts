import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, byKey, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { EnterpriseProfileEntity, NeedEntity, OfferEntity } from '@samverka/schema';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { NeedRepository } from './need.repository.js';
import { OfferRepository } from './offer.repository.js';
import { NeedInvitationRepository, type NeedInvitationRow } from './need-invitation.repository.js';

declare global {
  interface SamverkaLoaders {
    need: DataLoader<string, NeedEntity | null>;
    offer: DataLoader<string, OfferEntity | null>;
    profile: DataLoader<string, EnterpriseProfileEntity | null>;
    /** Every offer on a need except withdrawn ones; resolvers filter by who asks (drafts are the enterprise's own). */
    offersOfNeed: DataLoader<string, OfferEntity[]>;
    /** The buyer's invitations to enterprises to offer on a need. */
    invitationsOfNeed: DataLoader<string, NeedInvitationRow[]>;
  }
}

/** Needs, enterprise profiles and the offers on a need. */
@Injectable()
export class MarketplaceLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly offers: OfferRepository,
    private readonly invitations: NeedInvitationRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('need', () => new DataLoader(async (ids) => byId(ids, await this.needs.findByIds(ids))));
    this.loaders.register('offer', () => new DataLoader(async (ids) => byId(ids, await this.offers.findByIds(ids))));
    this.loaders.register('profile', () => new DataLoader(async (ids) => byKey(ids, await this.profiles.findMany(ids), (p) => p.organizationId)));
    this.loaders.register(
      'offersOfNeed',
      () =>
        new DataLoader(async (needIds) =>
          groupBy(needIds, await this.offers.ofNeeds(needIds, ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED']), (offer) => offer.needId),
        ),
    );
    this.loaders.register('invitationsOfNeed', () => new DataLoader(async (needIds) => groupBy(needIds, await this.invitations.ofNeeds(needIds), (i) => i.needId)));
  }
}
