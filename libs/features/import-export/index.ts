export { exportCommand } from './cli/export.command.js';
export { importCommand } from './cli/import.command.js';
export { ExportRepository, type ExportScope } from './export.repository.js';
export { ImportExportModule } from './import-export.module.js';
export { ImportFileRepository } from './import/import-file.repository.js';
export { ImportRunner } from './import/import-runner.js';
export { type ImportFormat, ImportRepository, type ImportRunRow } from './import/import.repository.js';
export { ImportExportGraphqlModule } from './graphql/import-export-graphql.module.js';
