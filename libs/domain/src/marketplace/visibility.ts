import { isAdmin, type Actor } from '../access/actor.js';
import { PUBLIC_NEED_STATUSES, type NeedStatus, type OfferStatus } from './marketplace-types.js';

/** Published, closed and awarded needs are public; drafts and cancelled ones stay with their buyer. */
export function needVisibleTo(actor: Actor, need: { status: NeedStatus; buyerOrganizationId: string }): boolean {
  if (PUBLIC_NEED_STATUSES.includes(need.status) || isAdmin(actor)) return true;
  return actor.kind === 'user' && actor.memberships.has(need.buyerOrganizationId);
}

/** The enterprise sees its offers; the buyer and administrators see them once submitted. */
export function offerVisibleTo(actor: Actor, offer: { enterpriseOrganizationId: string; status: OfferStatus }, need: { buyerOrganizationId: string }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.memberships.has(offer.enterpriseOrganizationId)) return true;
  if (offer.status === 'DRAFT') return false;
  return isAdmin(actor) || actor.memberships.has(need.buyerOrganizationId);
}
