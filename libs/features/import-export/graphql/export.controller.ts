import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { authorize, DomainError, PUBLIC_NEED_STATUSES, regionScopeOf } from '@samverka/domain';
import type { Request, Response } from 'express';
import { ActorResolver } from '@samverka/accounts';
import { AuditService } from '@samverka/audit';
import { exportFileNames, exportOfFileName, FORMAT_ENDINGS, type ExportFormat } from '../export-kinds.js';
import { ExportService } from '../export.service.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  ocds: 'application/json; charset=utf-8',
};

/**
 * GET /export/<kind>.<format> (enterprises.csv, needs.jsonl, partnerships.ocds.json, …) with the access
 * token as a bearer token: administrators get everything, coordinators what is at home in their counties
 * (organisations there; of needs the public ones, as drafts stay with their buyers; the partnerships of
 * those counties). The file streams as it is read.
 */
@Controller('export')
export class ExportController {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly exports: ExportService,
    private readonly actors: ActorResolver,
    private readonly audit: AuditService,
  ) {}

  @Get(':file')
  async download(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const wanted = exportOfFileName(file);
    if (!wanted) throw DomainError.notFound('importExport.noSuchExport', { files: exportFileNames().join(', ') });
    const { kind, format } = wanted;
    // A token that is malformed, expired or of an ended session is refused by the resolver (UNAUTHENTICATED).
    const actor = await this.actors.resolve(req.headers.authorization);
    if (actor.kind === 'anonymous') throw DomainError.unauthenticated('importExport.signInToExport');
    const decision = authorize(actor, 'export.run', undefined);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    const counties = regionScopeOf(actor);
    const scope = { counties, needStatuses: counties === null ? null : PUBLIC_NEED_STATUSES };
    await this.audit.record(actor, { action: 'export.downloaded', entityType: 'export', entityId: kind, data: { format, counties } });
    const date = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('content-type', CONTENT_TYPES[format]);
    res.setHeader('content-disposition', `attachment; filename="samverka-${kind}-${date}.${FORMAT_ENDINGS[format]}"`);
    res.setHeader('cache-control', 'no-store');
    try {
      // At most one page of text waits ahead of the connection: a slow client holds back the reading, not the memory.
      await pipeline(Readable.from(this.exports.lines(kind, format, scope), { highWaterMark: 1 }), res);
    } catch (error) {
      // The headers are gone: the client sees a cut-off file (no final newline) and the log says why.
      this.logger.warn(`export of ${kind}.${format} stopped: ${(error as Error).message}`);
      res.destroy(error as Error);
    }
  }
}
