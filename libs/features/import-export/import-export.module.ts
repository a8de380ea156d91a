import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { ExportRepository } from './export.repository.js';
import { ExportService } from './export.service.js';
import { ImportService } from './import.service.js';
import { EnterpriseImporter } from './import/enterprise.importer.js';
import { ImportFileRepository } from './import/import-file.repository.js';
import { ImportRunProcessor } from './import/import-run.processor.js';
import { ImportRunner } from './import/import-runner.js';
import { ImportRepository } from './import/import.repository.js';
import { NeedImporter, OcdsImporter } from './import/need.importer.js';

/** Imports of directories, needs and OCDS notices (run as jobs), and exports. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(ExportRepository, ImportFileRepository, ImportRepository),
    ExportService,
    ImportService,
    EnterpriseImporter,
    ImportRunner,
    NeedImporter,
    OcdsImporter,
    ImportRunProcessor,
  ],
  exports: [ExportRepository, ImportFileRepository, ImportRepository, ExportService, ImportService, EnterpriseImporter, ImportRunner, NeedImporter, OcdsImporter],
})
export class ImportExportModule {}
