import { Module } from '@nestjs/common';
import { ExportService } from './export.service.js';

/** Exports, for the HTTP endpoint and the command line. */
@Module({ providers: [ExportService], exports: [ExportService] })
export class ExportModule {}
