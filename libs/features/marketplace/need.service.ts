import { Outbox, Database, type KeysetPosition, CLOCK, type Clock } from '@samverka/engine';
import { Inject, Injectable } from '@nestjs/common';
import { NeedRepository, type NeedFilter, type NeedSort, type NeedVisibility } from './need.repository.js';
import { OfferRepository } from './offer.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type NeedEntity, type OrganizationEntity } from '@samverka/schema';
import {
  assertBuyerKind,
  assertFormChangeAllowed,
  assertId,
  assertNeedEditable,
  assertPublishable,
  checked,
  checkedAsync,
  DomainError,
  FieldProblems,
  isAdmin,
  needVisibleTo,
  needAfter,
  needWarnings,
  PUBLIC_NEED_STATUSES,
  type Actor,
  type NeedWarning,
  actorUserId,
} from '@samverka/domain';
import { NeedValidator, type NeedValues } from './need.validator.js';
import { AuditService } from '@samverka/audit';

export type NeedInput = NeedValues;

export interface NeedResult {
  need: NeedEntity;
  warnings: NeedWarning[];
}

/** Needs posted by public buyers, from draft to award. */
@Injectable()
export class NeedService {
  constructor(
    private readonly database: Database,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
    private readonly organizations: OrganizationRepository,
    private readonly validator: NeedValidator,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A need the actor may see: public ones for everyone, drafts and cancelled ones for the buyer. */
  async get(actor: Actor, id: string): Promise<NeedEntity> {
    const need = await this.needs.findById(assertId(id, 'id'));
    if (!need || !needVisibleTo(actor, need)) throw DomainError.notFound('marketplace.needNotFound', { id });
    return need;
  }

  search(actor: Actor, filter: NeedFilter, sort: NeedSort, page: { limit: number; after?: KeysetPosition }) {
    return this.needs.search(filter, visibilityFor(actor), sort, page);
  }

  /** `loadedBuyer`: the buyer as the caller already read it, if it did (the API's access guard). */
  async create(actor: Actor, buyerOrganizationId: string, input: NeedInput, loadedBuyer?: OrganizationEntity): Promise<NeedResult> {
    const buyer = loadedBuyer?.id === buyerOrganizationId ? loadedBuyer : await this.organizations.findById(assertId(buyerOrganizationId, 'buyerOrganizationId'));
    if (!buyer) throw DomainError.notFound('marketplace.organizationNotFound', { id: buyerOrganizationId });
    const problems = new FieldProblems();
    checked(problems, () => assertBuyerKind(buyer.kind));
    // Without a place the need is where its buyer is.
    const fields = await checkedAsync(problems, () => this.validator.fields({ ...input, ...NeedValidator.placeOf(input, buyer) }));
    problems.throwIfAny();
    return this.database.transaction(async ({ manager }) => {
      const need = await this.needs.create({ ...fields!, buyerOrganizationId: buyer.id, createdBy: actorUserId(actor) }, manager);
      await this.audit.record(actor, { action: 'need.created', entityType: 'need', entityId: need.id, data: { buyerOrganizationId: buyer.id } }, manager);
      return { need, warnings: needWarnings(need) };
    });
  }

  /**
   * Changes a draft or published need; a published need must stay complete. Here and below, `loaded` is
   * the need as the caller already read it (the API's access guard checked it is visible to the actor);
   * without it the need is read here. Either way the update applies only to the version it was read at.
   */
  async update(actor: Actor, id: string, version: number, input: NeedInput, loaded?: NeedEntity): Promise<NeedResult> {
    const current = await this.current(actor, id, loaded);
    assertNeedEditable(current.status);
    if (current.version !== version) throw DomainError.stale(version);
    if (input.form === null) throw DomainError.badInput('form', 'REQUIRED', 'marketplace.formRemoved');
    assertFormChangeAllowed(current.status, current.form, input.form);
    const merged: NeedInput = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (input.municipalityCode !== undefined && input.countyCode === undefined) merged.countyCode = null;
    const fields = await this.validator.fields(merged);
    if (current.status === 'PUBLISHED') assertPublishable(fields, this.clock());
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.needs.updateIfVersion(current.id, version, fields, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action: 'need.updated', entityType: 'need', entityId: current.id }, manager);
      await this.outbox.publish(tx, 'matching.need', { needId: current.id });
      return { need: updated, warnings: needWarnings(updated) };
    });
  }

  async publish(actor: Actor, id: string, version: number, loaded?: NeedEntity): Promise<NeedResult> {
    const current = await this.current(actor, id, loaded);
    if (current.version !== version) throw DomainError.stale(version);
    const status = needAfter(current.status, 'publish');
    assertPublishable(current, this.clock());
    return this.transition(actor, current, version, { status, publishedAt: this.clock() }, 'need.published');
  }

  async close(actor: Actor, id: string, version: number, loaded?: NeedEntity): Promise<NeedResult> {
    const current = await this.current(actor, id, loaded);
    return this.transition(actor, current, version, { status: needAfter(current.status, 'close'), closedAt: this.clock() }, 'need.closed');
  }

  /** Cancels the need and, in the same step, declines the offers still open on it. */
  async cancel(actor: Actor, id: string, version: number, loaded?: NeedEntity): Promise<NeedResult> {
    const current = await this.current(actor, id, loaded);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const locked = (await this.needs.lock(current.id, manager))!;
      if (locked.version !== version) throw DomainError.stale(version);
      const now = this.clock();
      const updated = (await this.needs.updateIfVersion(locked.id, version, { status: needAfter(locked.status, 'cancel'), decidedAt: now }, manager))!;
      const declinedOfferIds = await this.offers.declineOpenOffers(locked.id, null, now, manager);
      await this.audit.record(actor, { action: 'need.cancelled', entityType: 'need', entityId: locked.id, data: { from: locked.status, declinedOfferIds } }, manager);
      await this.outbox.publish(tx, 'matching.need', { needId: locked.id });
      return { need: updated, warnings: needWarnings(updated) };
    });
  }

  /** The need handed over when it is the one asked for, else read (and checked visible) here. */
  private async current(actor: Actor, id: string, loaded: NeedEntity | undefined): Promise<NeedEntity> {
    return loaded?.id === id ? loaded : this.get(actor, id);
  }

  private async transition(actor: Actor, current: NeedEntity, version: number, changes: Partial<NeedEntity>, action: string): Promise<NeedResult> {
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.needs.updateIfVersion(current.id, version, changes, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action, entityType: 'need', entityId: current.id, data: { from: current.status, to: updated.status } }, manager);
      await this.outbox.publish(tx, 'matching.need', { needId: current.id });
      return { need: updated, warnings: needWarnings(updated) };
    });
  }
}

function visibilityFor(actor: Actor): NeedVisibility {
  if (isAdmin(actor)) return { all: true };
  return { all: false, publicStatuses: PUBLIC_NEED_STATUSES, organizationIds: actor.kind === 'user' ? [...actor.memberships.keys()] : [] };
}
