import { isAdmin, type Actor } from '../access/actor.js';
import { PUBLIC_NEED_STATUSES, type NeedStatus, type OfferStatus } from './marketplace-types.js';

/** What decides who sees a need: its status, its buyer, and whether the buyer is verified. */
export interface NeedVisibilityFacts {
  status: NeedStatus;
  buyerOrganizationId: string;
  buyerVerified: boolean;
}

/**
 * Shown to everyone: published, closed and awarded needs of a verified buyer. Drafts and cancelled needs
 * stay with their buyer, and so does every need of a buyer that is not verified (yet, or any more).
 */
export function needIsPublic(need: NeedVisibilityFacts): boolean {
  return PUBLIC_NEED_STATUSES.includes(need.status) && need.buyerVerified;
}

/** Published (or closed, or awarded), but shown only to its buyer until the buyer is verified. */
export function needAwaitingVerification(need: NeedVisibilityFacts): boolean {
  return PUBLIC_NEED_STATUSES.includes(need.status) && !need.buyerVerified;
}

/** Public needs for everyone; the others for the buyer's members and administrators. */
export function needVisibleTo(actor: Actor, need: NeedVisibilityFacts): boolean {
  if (needIsPublic(need) || isAdmin(actor)) return true;
  return actor.kind === 'user' && actor.memberships.has(need.buyerOrganizationId);
}

/** The enterprise sees its offers; the buyer and administrators see them once submitted. */
export function offerVisibleTo(actor: Actor, offer: { enterpriseOrganizationId: string; status: OfferStatus }, need: { buyerOrganizationId: string }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.memberships.has(offer.enterpriseOrganizationId)) return true;
  if (offer.status === 'DRAFT') return false;
  return isAdmin(actor) || actor.memberships.has(need.buyerOrganizationId);
}
