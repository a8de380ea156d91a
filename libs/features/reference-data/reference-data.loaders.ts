import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byKey, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { CountyEntity, CpvCodeEntity } from '@samverka/schema';
import { ReferenceDataRepository } from './reference-data.repository.js';

declare global {
  interface SamverkaLoaders {
    county: DataLoader<string, CountyEntity | null>;
    cpvCode: DataLoader<string, CpvCodeEntity | null>;
    cpvChildren: DataLoader<string, CpvCodeEntity[]>;
  }
}

/** Counties and CPV codes with their children. */
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
  }
}
