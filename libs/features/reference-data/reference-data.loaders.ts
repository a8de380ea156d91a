import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byKey, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { CountyEntity, CpvCodeEntity, SdgEntity } from '@samverka/schema';
import { ReferenceDataRepository } from './reference-data.repository.js';

declare global {
  interface SamverkaLoaders {
    county: DataLoader<string, CountyEntity | null>;
    cpvCode: DataLoader<string, CpvCodeEntity | null>;
    cpvChildren: DataLoader<string, CpvCodeEntity[]>;
    /** By the code's eight digits (85311000), as match reasons name codes. */
    cpvCodeByCode8: DataLoader<string, CpvCodeEntity | null>;
    sdg: DataLoader<number, SdgEntity | null>;
  }
}

/** Counties, CPV codes with their children, and the goals. */
@Injectable()
export class ReferenceDataLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly referenceData: ReferenceDataRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('county', () => new DataLoader(async (codes) => byKey(codes, await this.referenceData.countiesByCode(codes), (c) => c.code)));
    this.loaders.register('cpvCode', () => new DataLoader(async (codes) => byKey(codes, await this.referenceData.cpvCodesByCode(codes), (c) => c.code)));
    this.loaders.register(
      'cpvChildren',
      () => new DataLoader(async (parentCodes) => groupBy(parentCodes, await this.referenceData.cpvChildrenOf(parentCodes), (child) => child.parentCode!)),
    );
    this.loaders.register('cpvCodeByCode8', () => new DataLoader(async (codes8) => byKey(codes8, await this.referenceData.cpvCodesByCode8(codes8), (c) => c.code8)));
    this.loaders.register(
      'sdg',
      () =>
        new DataLoader(async (numbers) => {
          const found = new Map((await this.referenceData.sdgsByNumber(numbers)).map((sdg) => [Number(sdg.number), sdg]));
          return numbers.map((n) => found.get(n) ?? null);
        }),
    );
  }
}
