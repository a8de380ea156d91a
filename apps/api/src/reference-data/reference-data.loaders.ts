import { Injectable } from '@nestjs/common';
import { ReferenceDataRepository, type CountyEntity, type CpvCodeEntity } from '@samverka/database';
import DataLoader from 'dataloader';

export interface ReferenceDataLoaders {
  county: DataLoader<string, CountyEntity | null>;
  cpvCode: DataLoader<string, CpvCodeEntity | null>;
  cpvChildren: DataLoader<string, CpvCodeEntity[]>;
}

/**
 * Batches the lookups of a request's field resolvers (a municipality's county, a CPV code's parent and
 * children): a page of 100 codes costs one query per field, not one per row. The loaders live as long as
 * the request's GraphQL context, so nothing is cached across requests.
 */
@Injectable()
export class ReferenceDataLoaderFactory {
  private readonly byContext = new WeakMap<object, ReferenceDataLoaders>();

  constructor(private readonly repository: ReferenceDataRepository) {}

  for(context: object): ReferenceDataLoaders {
    let loaders = this.byContext.get(context);
    if (!loaders) {
      loaders = this.create();
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  private create(): ReferenceDataLoaders {
    return {
      county: new DataLoader(async (codes) => {
        const found = new Map((await this.repository.countiesByCode(codes)).map((c) => [c.code, c]));
        return codes.map((code) => found.get(code) ?? null);
      }),
      cpvCode: new DataLoader(async (codes) => {
        const found = new Map((await this.repository.cpvCodesByCode(codes)).map((c) => [c.code, c]));
        return codes.map((code) => found.get(code) ?? null);
      }),
      cpvChildren: new DataLoader(async (parentCodes) => {
        const children = new Map<string, CpvCodeEntity[]>(parentCodes.map((code) => [code, []]));
        for (const child of await this.repository.cpvChildrenOf(parentCodes)) children.get(child.parentCode!)?.push(child);
        return parentCodes.map((code) => children.get(code)!);
      }),
    };
  }
}
