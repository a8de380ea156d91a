import { Injectable } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { OrganizationRepository } from '@samverka/organizations';
import type { NeedEntity } from '@samverka/schema';
import { actorUserId, assertId, DomainError, message, needIsPublic, type Actor } from '@samverka/domain';
import { text } from '@samverka/reference-data';
import { AuditService } from '@samverka/audit';
import { NotificationService } from '@samverka/notifications';
import { NeedRepository } from './need.repository.js';
import { NeedInvitationRepository, type NeedInvitationRow } from './need-invitation.repository.js';

/** At most this many characters in the buyer's note to the enterprise. */
export const INVITATION_MESSAGE_MAX = 1_000;

/**
 * A buyer asks an enterprise (one of its matches, usually) to offer on a published need. Each enterprise
 * is invited once per need: a second invitation is refused (CONFLICT), so an enterprise is not nagged and
 * the buyer learns it already asked. The enterprise's members are told (OFFER_INVITED, inbox and e-mail by
 * their choices), linking to the need's page, from which they make the offer.
 */
@Injectable()
export class NeedInvitationService {
  constructor(
    private readonly database: Database,
    private readonly invitations: NeedInvitationRepository,
    private readonly needs: NeedRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** `loadedNeed`: the need as the caller already read it (the API's access guard), if it did. */
  async invite(
    actor: Actor,
    input: { needId: string; organizationId: string; message?: string | null },
    loadedNeed?: NeedEntity,
  ): Promise<{ invitation: NeedInvitationRow; need: NeedEntity }> {
    const needId = assertId(input.needId, 'needId');
    const organizationId = assertId(input.organizationId, 'organizationId');
    const note = text(input.message, 'message', INVITATION_MESSAGE_MAX);
    const need = loadedNeed?.id === needId ? loadedNeed : await this.needs.findById(needId);
    if (!need) throw DomainError.notFound('marketplace.needNotFound', { id: needId });
    if (need.status !== 'PUBLISHED') throw DomainError.conflict('marketplace.invitationNeedNotPublished', { status: need.status });
    if (!needIsPublic(need)) throw DomainError.conflict('marketplace.needAwaitingVerification');
    const [enterprise, buyer] = await Promise.all([this.organizations.findById(organizationId), this.organizations.findById(need.buyerOrganizationId)]);
    if (!enterprise) throw DomainError.notFound('marketplace.organizationNotFound', { id: organizationId });
    if (enterprise.kind !== 'SOCIAL_ENTERPRISE') throw DomainError.badInput('organizationId', 'NOT_ALLOWED', 'marketplace.invitationNotEnterprise');
    return this.database.transaction(async (tx) => {
      const invitation = await this.invitations.insert({ needId, organizationId, message: note, invitedBy: actorUserId(actor) }, tx.manager);
      if (!invitation) throw DomainError.conflict('marketplace.invitationExists', undefined, { path: 'organizationId', code: 'TAKEN' });
      await this.audit.record(actor, { action: 'need.invited', entityType: 'need', entityId: needId, data: { organizationId } }, tx.manager);
      await this.notifications.notify(tx, {
        kind: 'OFFER_INVITED',
        subject: { type: 'need', id: needId },
        organizations: [organizationId],
        exceptUserId: actorUserId(actor),
        title: message('marketplace.offerInvitedTitle', { buyer: buyer?.name ?? '', need: need.title }),
        body: [message('marketplace.offerInvitedBody'), ...(note ? [message('marketplace.offerInvitedMessage', { message: note })] : [])],
        data: { needId, organizationId, buyerOrganizationId: need.buyerOrganizationId },
        dedupeKey: `invitation:${invitation.id}`,
      });
      return { invitation, need };
    });
  }
}
