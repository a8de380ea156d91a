import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnershipScope } from '@samverka/brokering';
import { ANONYMOUS, authorize, impactReportVisibleTo } from '@samverka/domain';
import { loadAll, NodeRegistry } from '@samverka/engine';
import { ImpactReport } from './impact.models.js';

/**
 * Impact reports as nodes: for those who see the partnership ('partnership.read'), a draft only for the
 * enterprise's members; null for anyone else.
 */
@Injectable()
export class ImpactNodes implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'ImpactReport',
      table: 'impact_report',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        const reports = await loadAll(loaders.impactReport, ids);
        const partnerships = await loadAll(
          loaders.partnership,
          reports.flatMap((report) => (report ? [report.partnershipId] : [])),
        );
        const partnershipById = new Map(partnerships.flatMap((p) => (p ? [[p.id, p] as const] : [])));
        return reports.map((report) => {
          const partnership = report && partnershipById.get(report.partnershipId);
          if (!report || !partnership) return null;
          const scope = partnershipScope(partnership);
          return authorize(actor, 'partnership.read', scope).allowed && impactReportVisibleTo(actor, report, scope) ? ImpactReport.from(report) : null;
        });
      },
    });
  }
}
