import { Module } from '@nestjs/common';
import { CountyResolver } from './county.resolver.js';
import { CpvCodeResolver } from './cpv-code.resolver.js';
import { MunicipalityResolver } from './municipality.resolver.js';
import { SdgResolver } from './sdg.resolver.js';

/**
 * Public, read-only GraphQL queries on the reference data: counties, municipalities, SDGs and CPV codes.
 * The repository comes from the global DatabaseModule.
 */
@Module({
  providers: [CountyResolver, MunicipalityResolver, SdgResolver, CpvCodeResolver],
})
export class ReferenceDataModule {}
