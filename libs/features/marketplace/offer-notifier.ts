import { Injectable } from '@nestjs/common';
import { NeedRepository } from './need.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type NeedEntity, type OfferEntity } from '@samverka/schema';
import { type Transaction } from '@samverka/engine';
import { actorUserId, message, type Actor, type MessageKey, type OfferStatus } from '@samverka/domain';
import { NotificationService, type NotificationEvent } from '@samverka/notifications';

/** An offer after a change, and the status it had before (unknown for offers declined by an award). */
export interface OfferChange {
  offer: OfferEntity;
  from?: OfferStatus;
}

/** What the enterprise that made the offer is told of each new status. */
const DECIDED: Partial<Record<OfferStatus, MessageKey>> = {
  SHORTLISTED: 'marketplace.offerShortlistedTitle',
  ACCEPTED: 'marketplace.offerAcceptedTitle',
  DECLINED: 'marketplace.offerDeclinedTitle',
};

/**
 * What the buyer and the enterprise hear of an offer, written in the transaction that changes it:
 * OFFER_RECEIVED to the buyer's members when it is submitted; OFFER_STATUS_CHANGED to the enterprise's
 * members when the buyer shortlists, accepts or declines it (an award declines the other open offers),
 * and to the buyer's members when the enterprise withdraws an offer it had submitted. The person who
 * acted is never told of it; each change is told once (the key names the offer's version).
 */
@Injectable()
export class OfferNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly needs: NeedRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  /** `need`, when the caller holds it, is not read again. */
  async submitted(tx: Transaction, offer: OfferEntity, actor: Actor, known?: NeedEntity): Promise<void> {
    const { need, enterprise } = await this.context(tx, offer, known);
    await this.notifications.notify(tx, {
      kind: 'OFFER_RECEIVED',
      subject: { type: 'offer', id: offer.id },
      organizations: [need.buyerOrganizationId],
      exceptUserId: actorUserId(actor),
      title: message('marketplace.offerReceivedTitle', { need: need.title }),
      body: [message('marketplace.offerReceivedBody', { enterprise })],
      data: { offerId: offer.id, needId: need.id, enterpriseOrganizationId: offer.enterpriseOrganizationId, status: offer.status },
      dedupeKey: key(offer),
    });
  }

  /** Changes of offers on one need (`need`, when the caller holds it, is not read again). */
  async changed(tx: Transaction, actor: Actor, changes: readonly OfferChange[], need?: NeedEntity): Promise<void> {
    const events: NotificationEvent[] = [];
    for (const change of changes) {
      const event = await this.event(tx, actor, change, need);
      if (event) events.push(event);
    }
    await this.notifications.notifyMany(tx, events);
  }

  /** The accepted offer, and the open offers the award declined. */
  async awarded(tx: Transaction, actor: Actor, need: NeedEntity, accepted: OfferChange, declined: readonly OfferEntity[]): Promise<void> {
    await this.changed(tx, actor, [accepted, ...declined.map((offer) => ({ offer }))], need);
  }

  private async event(tx: Transaction, actor: Actor, { offer, from }: OfferChange, known?: NeedEntity): Promise<NotificationEvent | null> {
    const base = { kind: 'OFFER_STATUS_CHANGED' as const, subject: { type: 'offer' as const, id: offer.id }, exceptUserId: actorUserId(actor), dedupeKey: key(offer) };
    const decided = DECIDED[offer.status];
    if (decided) {
      const need = known ?? (await this.needs.findById(offer.needId, tx.manager))!;
      return {
        ...base,
        organizations: [offer.enterpriseOrganizationId],
        title: message(decided, { need: need.title }),
        ...(offer.status === 'DECLINED' && offer.declineReason ? { body: [message('marketplace.offerDeclinedReason', { reason: offer.declineReason })] } : {}),
        data: { offerId: offer.id, needId: need.id, status: offer.status, ...(from ? { from } : {}) },
      };
    }
    // A draft was never shown to the buyer: its withdrawal is nothing to them.
    if (offer.status === 'WITHDRAWN' && from !== undefined && from !== 'DRAFT') {
      const { need, enterprise } = await this.context(tx, offer, known);
      return {
        ...base,
        organizations: [need.buyerOrganizationId],
        title: message('marketplace.offerWithdrawnTitle', { enterprise, need: need.title }),
        data: { offerId: offer.id, needId: need.id, enterpriseOrganizationId: offer.enterpriseOrganizationId, status: offer.status, from },
      };
    }
    return null;
  }

  private async context(tx: Transaction, offer: OfferEntity, known?: NeedEntity) {
    const [need, enterprise] = await Promise.all([
      known?.id === offer.needId ? known : this.needs.findById(offer.needId, tx.manager),
      this.organizations.findById(offer.enterpriseOrganizationId, tx.manager),
    ]);
    return { need: need!, enterprise: enterprise!.name };
  }
}

/** One notification per change of the offer: its version moves with every change. */
function key(offer: OfferEntity): string {
  return `offer:${offer.id}:v${offer.version}`;
}
