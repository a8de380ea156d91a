import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ExportController } from './export.controller.js';
import { ExportModule } from './export.module.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';

/** Imports (uploads, runs and their progress over GraphQL) and exports (GET /export/<kind>.<format>). */
@Module({ imports: [AuthModule, ExportModule], providers: [ImportService, ImportResolver], controllers: [ExportController] })
export class ImportExportModule {}
