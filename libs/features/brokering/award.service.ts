import { Inject, Injectable } from '@nestjs/common';
import { Database, Outbox, CLOCK, type Clock } from '@samverka/engine';
import { EnterpriseProfileRepository, NeedRepository, OfferRepository, OfferService, type LoadedOffer, OfferNotifier } from '@samverka/marketplace';
import { OrganizationRepository } from '@samverka/organizations';
import { type NeedEntity, type OfferEntity, type PartnershipEntity } from '@samverka/schema';
import { actorUserId, DomainError, eligibilityFor, offerAfter, swedishDate, type Actor } from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { AuditService } from '@samverka/audit';
import { partnershipStarted } from './brokering-notifications.js';
import { IntroductionRepository } from './introduction.repository.js';
import { PartnershipRepository } from './partnership.repository.js';

/** What an award changed: the accepted offer, the awarded need, the partnership begun, the open offers declined. */
export interface Award {
  offer: OfferEntity;
  need: NeedEntity;
  partnership: PartnershipEntity;
  declined: OfferEntity[];
}

/** The award: the buyer accepts an offer, the need is awarded, and a partnership begins. */
@Injectable()
export class AwardService {
  constructor(
    private readonly database: Database,
    private readonly offerService: OfferService,
    private readonly offers: OfferRepository,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly organizations: OrganizationRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly introductions: IntroductionRepository,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly offerEvents: OfferNotifier,
  ) {}

  /**
   * Accepts the offer: in one transaction the offer is accepted, the need awarded, the other open
   * offers declined and the partnership created. Decisions on one need queue on its row lock, so of two
   * buyers accepting at the same moment exactly one wins; the other gets CONFLICT.
   */
  async accept(actor: Actor, id: string, loaded: LoadedOffer = {}): Promise<Award> {
    // What was seen before the lock only names the need: the need and the offer are read again under it.
    const seen = await this.offerService.current(actor, id, loaded);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const need = (await this.needs.lock(seen.needId, manager))!;
      if (need.status === 'AWARDED') throw DomainError.conflict('This need has already been awarded to another offer');
      if (need.status !== 'PUBLISHED' && need.status !== 'CLOSED') throw DomainError.conflict(`A ${need.status} need cannot be awarded: only a PUBLISHED or CLOSED need can`);
      const offer = (await this.offers.findById(seen.id, manager))!;
      const status = offerAfter(offer.status, 'accept');
      // The award, too, must go to an enterprise the need's form admits (its profile may have changed).
      const eligibility = eligibilityFor(need.form, await this.profiles.find(offer.enterpriseOrganizationId, manager));
      if (!eligibility.eligible) throw DomainError.conflict(`This offer cannot be accepted: ${eligibility.reason}`);
      const now = this.clock();
      const accepted = await this.offers.updateIfVersion(offer.id, offer.version, { status, decidedAt: now }, manager);
      if (!accepted) throw DomainError.conflict('The offer changed while it was being accepted: reload it and try again');
      const declinedOfferIds = await this.offers.declineOpenOffers(need.id, offer.id, now, manager);
      const declined = await this.offers.findByIds(declinedOfferIds, manager);
      const awarded = (await this.needs.updateIfVersion(need.id, need.version, { status: 'AWARDED', decidedAt: now }, manager))!;
      const buyer = (await this.organizations.findById(need.buyerOrganizationId, manager))!;
      // A coordinator's accepted introduction of this enterprise to this need brokered the award.
      const introduction = await this.introductions.lockAcceptedUnlinked(need.id, offer.enterpriseOrganizationId, manager);
      const partnership = await this.partnerships.create(
        {
          needId: need.id,
          offerId: offer.id,
          buyerOrganizationId: need.buyerOrganizationId,
          enterpriseOrganizationId: offer.enterpriseOrganizationId,
          startedAt: now,
          title: need.title,
          description: need.description,
          cpvCodes: need.cpvCodes,
          sdgs: need.sdgs,
          municipalityCode: need.municipalityCode,
          // The region is the buyer's, as for the need's introductions and its coordinators.
          countyCode: buyer.countyCode,
          startsOn: swedishDate(now),
          createdBy: actorUserId(actor),
          introductionId: introduction?.id ?? null,
          brokeredBy: introduction?.coordinatorUserId ?? null,
        },
        manager,
      );
      const enterprise = (await this.organizations.findById(offer.enterpriseOrganizationId, manager))!;
      await this.notifications.notify(tx, partnershipStarted(partnership, { buyer: buyer.name, enterprise: enterprise.name }, actorUserId(actor)));
      await this.audit.record(
        actor,
        { action: 'offer.accepted', entityType: 'offer', entityId: offer.id, data: { needId: need.id, partnershipId: partnership.id, declinedOfferIds } },
        manager,
      );
      await this.offerEvents.awarded(tx, actor, need, { offer: accepted, from: offer.status }, declined);
      // The award freezes the need's matches; the partnership is the enterprise's track record.
      await this.outbox.publish(tx, 'matching.need', { needId: need.id });
      await this.outbox.publish(tx, 'matching.profile', { organizationId: offer.enterpriseOrganizationId });
      return { offer: accepted, need: awarded, partnership, declined };
    });
  }
}
