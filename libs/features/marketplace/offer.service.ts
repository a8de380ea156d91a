import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { NeedRepository } from './need.repository.js';
import { OfferRepository, type OfferFields } from './offer.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type NeedEntity, type OfferEntity, type OrganizationEntity } from '@samverka/schema';
import {
  assertId,
  assertOfferEditable,
  checked,
  DomainError,
  eligibilityFor,
  FieldProblems,
  needIsPublic,
  offerAfter,
  offerVisibleTo,
  type Actor,
  type OfferTransition,
  actorUserId,
} from '@samverka/domain';
import type { EntityManager } from 'typeorm';
import { kronor, text } from '@samverka/reference-data';
import { AuditService } from '@samverka/audit';
import { OfferNotifier } from './offer-notifier.js';

/** An offer and the need it answers, as the caller already read them (the API's access guard checked the offer is visible to the actor). */
export interface LoadedOffer {
  offer?: OfferEntity;
  need?: NeedEntity;
}

export interface OfferInput {
  message?: string | null;
  priceSek?: number | null;
  proposedOutcomes?: string | null;
}

/** Offers from enterprises, and the buyer's decisions on them. */
@Injectable()
export class OfferService {
  constructor(
    private readonly database: Database,
    private readonly offers: OfferRepository,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly offerEvents: OfferNotifier,
  ) {}

  /** An offer as the actor may see it: the enterprise always, the buyer and administrators once submitted. */
  async get(actor: Actor, id: string): Promise<OfferEntity> {
    const offer = await this.offers.findById(assertId(id, 'id'));
    if (!offer) throw DomainError.notFound('marketplace.offerNotFound', { id });
    const need = (await this.needs.findById(offer.needId))!;
    if (!offerVisibleTo(actor, offer, need)) throw DomainError.notFound('marketplace.offerNotFound', { id });
    return offer;
  }

  /**
   * Starts a draft offer for the enterprise on a published need it is eligible for (an enterprise not yet
   * verified may too: it submits once verified). `loadedEnterprise`: the enterprise as the caller
   * already read it, if it did (the API's access guard).
   */
  async create(actor: Actor, input: OfferInput & { needId: string; enterpriseOrganizationId: string }, loadedEnterprise?: OrganizationEntity): Promise<OfferEntity> {
    const enterpriseId = assertId(input.enterpriseOrganizationId, 'enterpriseOrganizationId');
    const enterprise = loadedEnterprise?.id === enterpriseId ? loadedEnterprise : await this.organizations.findById(enterpriseId);
    if (!enterprise) throw DomainError.notFound('marketplace.organizationNotFound', { id: enterpriseId });
    const problems = new FieldProblems();
    if (enterprise.kind !== 'SOCIAL_ENTERPRISE') problems.add('enterpriseOrganizationId', 'NOT_ALLOWED', 'marketplace.offerNotEnterprise');
    const fields = checked(problems, () => this.fields(input));
    problems.throwIfAny();
    const need = await this.needs.findById(assertId(input.needId, 'needId'));
    // Only needs shown to everyone take offers: a draft, or a need of a buyer not verified, answers as unknown.
    if (!need || !needIsPublic(need)) throw DomainError.notFound('marketplace.needNotFound', { id: input.needId });
    return this.database.transaction(async ({ manager }) => {
      // Held against an award or a close until this offer is in: the checks hold for what is written.
      await this.assertOpenFor((await this.needs.lockShared(need.id, manager))!, enterpriseId, manager);
      if (await this.offers.findLive(need.id, enterpriseId, manager)) {
        throw DomainError.conflict('marketplace.offerExists');
      }
      const offer = await this.offers.create({ ...fields!, needId: need.id, enterpriseOrganizationId: enterpriseId, createdBy: actorUserId(actor) }, manager);
      await this.audit.record(actor, { action: 'offer.created', entityType: 'offer', entityId: offer.id, data: { needId: need.id } }, manager);
      return offer;
    });
  }

  /**
   * Here and below `loaded` is what the caller already read (see LoadedOffer); without it the offer is
   * read here. What must hold when the change is written is checked again in its transaction.
   */
  async update(actor: Actor, id: string, version: number, input: OfferInput, loaded: LoadedOffer = {}): Promise<OfferEntity> {
    const current = await this.current(actor, id, loaded);
    assertOfferEditable(current.status);
    const fields = this.fields({
      message: input.message ?? current.message,
      priceSek: input.priceSek !== undefined ? input.priceSek : current.priceSek,
      proposedOutcomes: input.proposedOutcomes ?? current.proposedOutcomes,
    });
    return this.database.transaction(async ({ manager }) => {
      const updated = await this.offers.updateIfVersion(current.id, version, fields, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action: 'offer.updated', entityType: 'offer', entityId: current.id }, manager);
      return updated;
    });
  }

  /** Sends the draft to the buyer: the need must still be open, and the enterprise verified and eligible. */
  async submit(actor: Actor, id: string, version: number, loaded: LoadedOffer = {}): Promise<OfferEntity> {
    const current = await this.current(actor, id, loaded);
    if (current.version !== version) throw DomainError.stale(version);
    const status = offerAfter(current.status, 'submit');
    const problems = new FieldProblems();
    if (!current.message.trim()) problems.add('message', 'REQUIRED', 'marketplace.offerMessageRequired');
    if (current.priceSek === null) problems.add('priceSek', 'REQUIRED', 'marketplace.offerPriceRequired');
    problems.throwIfAny();
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      // Held against an award or a close until the offer is submitted: the checks hold for what is written.
      const need = (await this.needs.lockShared(current.needId, manager))!;
      // Drafts are the enterprise's own; what reaches a buyer comes from a verified enterprise.
      const enterprise = await this.organizations.findById(current.enterpriseOrganizationId, manager);
      if (!enterprise?.verified) throw DomainError.conflict('marketplace.offerEnterpriseNotVerified');
      await this.assertOpenFor(need, current.enterpriseOrganizationId, manager);
      const updated = await this.offers.updateIfVersion(current.id, version, { status, submittedAt: this.clock() }, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action: 'offer.submitted', entityType: 'offer', entityId: current.id, data: { from: current.status, to: status } }, manager);
      await this.offerEvents.submitted(tx, updated, actor, need);
      return updated;
    });
  }

  async withdraw(actor: Actor, id: string, version: number, loaded: LoadedOffer = {}): Promise<OfferEntity> {
    const current = await this.current(actor, id, loaded);
    return this.change(actor, current, version, { status: offerAfter(current.status, 'withdraw'), decidedAt: this.clock() }, 'offer.withdrawn', loaded.need);
  }

  async shortlist(actor: Actor, id: string, loaded: LoadedOffer = {}): Promise<OfferEntity> {
    return this.decide(actor, id, 'shortlist', loaded);
  }

  /** `reason`: why, in the buyer's words (required: the enterprise learns from it); shown to the enterprise and sent with its notification. */
  async decline(actor: Actor, id: string, reason: string, loaded: LoadedOffer = {}): Promise<OfferEntity> {
    const declineReason = text(reason, 'reason', 1_000, 1);
    return this.decide(actor, id, 'decline', loaded, declineReason);
  }

  private async decide(actor: Actor, id: string, transition: Extract<OfferTransition, 'shortlist' | 'decline'>, loaded: LoadedOffer, declineReason?: string): Promise<OfferEntity> {
    const current = await this.current(actor, id, loaded);
    const need = loaded.need?.id === current.needId ? loaded.need : (await this.needs.findById(current.needId))!;
    if (need.status === 'AWARDED' || need.status === 'CANCELLED') throw DomainError.conflict('marketplace.offersDecided', { status: need.status });
    return this.change(
      actor,
      current,
      current.version,
      transition === 'decline'
        ? { status: offerAfter(current.status, transition), decidedAt: this.clock(), declineReason }
        : { status: offerAfter(current.status, transition), decidedAt: null },
      `offer.${transition === 'shortlist' ? 'shortlisted' : 'declined'}`,
      need,
    );
  }

  /** The offer handed over when it is the one asked for, else read (and checked visible) here. */
  async current(actor: Actor, id: string, loaded: LoadedOffer): Promise<OfferEntity> {
    return loaded.offer?.id === id ? loaded.offer : this.get(actor, id);
  }

  /** `need`: the offer's need, when the caller holds it (the notifications name it). */
  private async change(actor: Actor, current: OfferEntity, version: number, changes: Partial<OfferEntity>, action: string, need?: NeedEntity): Promise<OfferEntity> {
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.offers.updateIfVersion(current.id, version, changes, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action, entityType: 'offer', entityId: current.id, data: { from: current.status, to: updated.status } }, manager);
      await this.offerEvents.changed(tx, actor, [{ offer: updated, from: current.status }], need?.id === current.needId ? need : undefined);
      return updated;
    });
  }

  /**
   * The need takes offers now, and from this enterprise (reserved contracts, IOP). Inside a transaction
   * pass its manager: on PGlite a query from another connection waits for the transaction to end.
   */
  private async assertOpenFor(need: NeedEntity, enterpriseId: string, manager?: EntityManager): Promise<void> {
    if (need.status !== 'PUBLISHED') throw DomainError.conflict('marketplace.needTakesNoOffers', { status: need.status });
    if (!need.buyerVerified) throw DomainError.conflict('marketplace.needAwaitingVerification');
    if (need.responseDeadline && need.responseDeadline.getTime() <= this.clock().getTime()) throw DomainError.conflict('marketplace.needDeadlinePassed');
    const eligibility = eligibilityFor(need.form, await this.profiles.find(enterpriseId, manager));
    if (!eligibility.eligible) throw DomainError.forbidden(eligibility.reason.key, eligibility.reason.params);
  }

  /** The offer's content, checked; every problem is reported at once. */
  private fields(input: OfferInput): OfferFields {
    const problems = new FieldProblems();
    const fields = {
      message: checked(problems, () => text(input.message, 'message', 5_000)),
      priceSek: checked(problems, () => kronor(input.priceSek, 'priceSek')),
      proposedOutcomes: checked(problems, () => text(input.proposedOutcomes, 'proposedOutcomes', 5_000)),
    };
    problems.throwIfAny();
    return { message: fields.message!, priceSek: fields.priceSek ?? null, proposedOutcomes: fields.proposedOutcomes! };
  }
}
