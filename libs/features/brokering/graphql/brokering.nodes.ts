import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ANONYMOUS, authorize } from '@samverka/domain';
import { loadAll, NodeRegistry } from '@samverka/engine';
import { partnershipScope } from '../partnership-scope.js';
import { Introduction } from './introduction.model.js';
import { Partnership } from './partnership.model.js';

/**
 * Partnerships and introductions as nodes: for their parties, the region's coordinators and
 * administrators ('partnership.read', 'introduction.read'); null for anyone else.
 */
@Injectable()
export class BrokeringNodes implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'Partnership',
      table: 'partnership',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        return (await loadAll(loaders.partnership, ids)).map((p) => (p && authorize(actor, 'partnership.read', partnershipScope(p)).allowed ? Partnership.from(p) : null));
      },
    });
    this.nodes.register({
      name: 'Introduction',
      table: 'introduction',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        const introductions = await loadAll(loaders.introduction, ids);
        const needs = await loadAll(
          loaders.need,
          introductions.flatMap((introduction) => (introduction ? [introduction.needId] : [])),
        );
        const buyerOf = new Map(needs.flatMap((need) => (need ? [[need.id, need.buyerOrganizationId] as const] : [])));
        return introductions.map((introduction) => {
          const buyerOrganizationId = introduction && buyerOf.get(introduction.needId);
          if (!introduction || !buyerOrganizationId) return null;
          const scope = { buyerOrganizationId, enterpriseOrganizationId: introduction.enterpriseOrganizationId, countyCode: introduction.countyCode };
          return authorize(actor, 'introduction.read', scope).allowed ? Introduction.from(introduction) : null;
        });
      },
    });
  }
}
