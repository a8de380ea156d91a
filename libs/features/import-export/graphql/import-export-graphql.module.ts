import { Module } from '@nestjs/common';
import { ExportController } from './export.controller.js';
import { ImportResolver } from './import.resolver.js';
import { ImportNodes } from './import.nodes.js';

/** Imports of directories, needs and OCDS notices (run as jobs), and exports: the transport (GraphQL, HTTP). */
@Module({
  providers: [ImportNodes, ImportResolver],
  controllers: [ExportController],
})
export class ImportExportGraphqlModule {}
