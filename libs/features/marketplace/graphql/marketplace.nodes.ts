import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ANONYMOUS, needVisibleTo, offerVisibleTo } from '@samverka/domain';
import { loadAll, NodeRegistry } from '@samverka/engine';
import { Need, Offer } from './marketplace.models.js';

/** Needs and offers as nodes, each shown as its own lookup shows it. */
@Injectable()
export class MarketplaceNodes implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'Need',
      table: 'need',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        return (await loadAll(loaders.need, ids)).map((need) => (need && needVisibleTo(actor, need) ? Need.from(need) : null));
      },
    });
    this.nodes.register({
      name: 'Offer',
      table: 'offer',
      load: async (ids, { loaders, req }) => {
        const actor = req.actor ?? ANONYMOUS;
        const offers = await loadAll(loaders.offer, ids);
        const needs = await loadAll(
          loaders.need,
          offers.flatMap((offer) => (offer ? [offer.needId] : [])),
        );
        const needById = new Map(needs.flatMap((need) => (need ? [[need.id, need] as const] : [])));
        return offers.map((offer) => {
          const need = offer && needById.get(offer.needId);
          return offer && need && offerVisibleTo(actor, offer, need) ? Offer.from(offer) : null;
        });
      },
    });
  }
}
