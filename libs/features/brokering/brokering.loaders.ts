import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, byKey, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { IntroductionEntity, PartnershipEntity } from '@samverka/schema';
import { IntroductionRepository } from './introduction.repository.js';
import { PartnershipRepository } from './partnership.repository.js';

declare global {
  interface SamverkaLoaders {
    partnershipOfNeed: DataLoader<string, PartnershipEntity | null>;
    partnershipOfIntroduction: DataLoader<string, PartnershipEntity | null>;
    partnership: DataLoader<string, PartnershipEntity | null>;
    introduction: DataLoader<string, IntroductionEntity | null>;
    /** Every introduction to a need, newest first; resolvers check who may see them. */
    introductionsOfNeed: DataLoader<string, IntroductionEntity[]>;
  }
}

/** Partnerships and introductions. */
@Injectable()
export class BrokeringLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly partnerships: PartnershipRepository,
    private readonly introductions: IntroductionRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('partnershipOfNeed', () => new DataLoader(async (needIds) => byKey(needIds, await this.partnerships.ofNeeds(needIds), (p) => p.needId ?? '')));
    this.loaders.register(
      'partnershipOfIntroduction',
      () => new DataLoader(async (introductionIds) => byKey(introductionIds, await this.partnerships.ofIntroductions(introductionIds), (p) => p.introductionId ?? '')),
    );
    this.loaders.register('partnership', () => new DataLoader(async (ids) => byId(ids, await this.partnerships.findByIds(ids))));
    this.loaders.register('introduction', () => new DataLoader(async (ids) => byId(ids, await this.introductions.findByIds(ids))));
    this.loaders.register('introductionsOfNeed', () => new DataLoader(async (needIds) => groupBy(needIds, await this.introductions.ofNeeds(needIds), (i) => i.needId)));
  }
}
