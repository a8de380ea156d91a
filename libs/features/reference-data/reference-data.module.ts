import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { CodeLists } from './code-lists.js';
import { ReferenceDataLoaders } from './reference-data.loaders.js';
import { ReferenceDataRepository } from './reference-data.repository.js';

/** Counties, municipalities, SDGs and CPV codes: loaded from data/ at start, read by every feature. */
@Global()
@Module({
  providers: [...repositoryProviders(ReferenceDataRepository), CodeLists, ReferenceDataLoaders],
  exports: [ReferenceDataRepository, CodeLists, ReferenceDataLoaders],
})
export class ReferenceDataModule {}
