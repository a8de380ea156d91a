export { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, isExportKind } from './export-kinds.js';
export { ExportRepository, type ExportScope } from './export.repository.js';
export { ExportService } from './export.service.js';
export { ImportExportModule } from './import-export.module.js';
export { ImportFileRepository } from './import/import-file.repository.js';
export { normaliseImportOptions, parseExchangeRates } from './import/import-options.js';
export { ImportRunner, summary } from './import/import-runner.js';
export { IMPORT_KINDS, type ImportFormat, type ImportKind, ImportRepository, type ImportRunRow } from './import/import.repository.js';
export { ImportExportGraphqlModule } from './graphql/import-export-graphql.module.js';
