import { Module } from '@nestjs/common';
import { CountyResolver } from './county.resolver.js';
import { CpvCodeResolver } from './cpv-code.resolver.js';
import { MunicipalityResolver } from './municipality.resolver.js';
import { SdgResolver } from './sdg.resolver.js';

/** Counties, municipalities, SDGs and CPV codes: the transport (GraphQL). */
@Module({
  providers: [CountyResolver, CpvCodeResolver, MunicipalityResolver, SdgResolver],
})
export class ReferenceDataGraphqlModule {}
