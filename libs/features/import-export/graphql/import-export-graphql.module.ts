import { Module } from '@nestjs/common';
import { ExportController } from './export.controller.js';
import { ImportResolver } from './import.resolver.js';

/** Imports of directories, needs and OCDS notices (run as jobs), and exports: the transport (GraphQL, HTTP). */
@Module({
  providers: [ImportResolver],
  controllers: [ExportController],
})
export class ImportExportGraphqlModule {}
