import { Outbox, Database, type KeysetPosition, CLOCK, type Clock } from '@samverka/engine';
import { Inject, Injectable } from '@nestjs/common';
import { IntroductionRepository } from './introduction.repository.js';
import { NeedRepository } from '@samverka/marketplace';
import { OrganizationRepository } from '@samverka/organizations';
import { PartnershipRepository, type PartnershipChanges, type PartnershipFilter, type PartnershipVisibility } from './partnership.repository.js';
import { type PartnershipEntity } from '@samverka/schema';
import {
  assertDate,
  assertId,
  checked,
  checkedAsync,
  DomainError,
  FieldProblems,
  isAdmin,
  partnershipAfter,
  roleIn,
  assertReportInterval,
  swedishDate,
  type Actor,
  type PartnershipTransition,
  actorUserId,
} from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { CodeLists, text } from '@samverka/reference-data';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';
import { partnershipEnded, partnershipStarted } from './brokering-notifications.js';
import type { CreatePartnershipInput } from './graphql/brokering.inputs.js';
import { PartnershipPartyEnum } from './graphql/brokering.enums.js';

const BUYER_KINDS = ['MUNICIPALITY', 'REGION'];
export const SUMMARY_MAX = 2_000;
const END_NOTE_MAX = 2_000;

/** Partnerships: agreements coordinators record, their end, and whether the parties show them publicly. */
@Injectable()
export class PartnershipService {
  constructor(
    private readonly database: Database,
    private readonly partnerships: PartnershipRepository,
    private readonly introductions: IntroductionRepository,
    private readonly needs: NeedRepository,
    private readonly organizations: OrganizationRepository,
    private readonly codes: CodeLists,
    private readonly notifications: NotificationService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `loaded`: the partnership as the caller already read it (the API's access guard), used when it is the one asked for. */
  async get(id: string, loaded?: PartnershipEntity): Promise<PartnershipEntity> {
    if (loaded?.id === id) return loaded;
    const partnership = await this.partnerships.findById(assertId(id, 'id'));
    if (!partnership) throw DomainError.notFound('brokering.partnershipNotFound', { id });
    return partnership;
  }

  /** The partnerships the actor may read ('partnership.read': parties, the region's coordinators, administrators), filtered. */
  async list(actor: Actor, filter: { organizationId?: string; countyCode?: string; status?: PartnershipEntity['status'] }, page: { limit: number; after?: KeysetPosition }) {
    const checked: PartnershipFilter = {
      organizationId: filter.organizationId ? assertId(filter.organizationId, 'filter.organizationId') : undefined,
      countyCode: filter.countyCode ? (await this.codes.counties([filter.countyCode], 'filter.countyCode'))[0] : undefined,
      statuses: filter.status ? [filter.status] : undefined,
    };
    return this.partnerships.list(visibilityFor(actor), checked, page);
  }

  /**
   * Records an agreement the coordinator brokered between a buyer of their region and a social
   * enterprise, optionally as the outcome of an ACCEPTED introduction of the two; both parties are told.
   */
  async create(actor: Actor, input: CreatePartnershipInput): Promise<PartnershipEntity> {
    const buyer = await this.organizations.findById(assertId(input.buyerOrganizationId, 'buyerOrganizationId'));
    if (!buyer) throw DomainError.notFound('marketplace.organizationNotFound', { id: input.buyerOrganizationId });
    const enterprise = await this.organizations.findById(assertId(input.enterpriseOrganizationId, 'enterpriseOrganizationId'));
    if (!enterprise) throw DomainError.notFound('marketplace.organizationNotFound', { id: input.enterpriseOrganizationId });
    const problems = new FieldProblems();
    if (!BUYER_KINDS.includes(buyer.kind)) problems.add('buyerOrganizationId', 'NOT_ALLOWED', 'brokering.partnershipBuyerKind');
    if (enterprise.kind !== 'SOCIAL_ENTERPRISE') problems.add('enterpriseOrganizationId', 'NOT_ALLOWED', 'brokering.partnershipNotEnterprise');
    const introductionId = input.introductionId ? (checked(problems, () => assertId(input.introductionId!, 'introductionId')) ?? null) : null;
    const fields = await checkedAsync(problems, () => this.fields(input, buyer.countyCode));
    problems.throwIfAny();
    const now = this.clock();
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      if (introductionId) await this.assertIntroductionLeadsHere(introductionId, buyer.id, enterprise.id, manager);
      const partnership = await this.partnerships.create(
        {
          ...fields!,
          needId: null,
          offerId: null,
          buyerOrganizationId: buyer.id,
          enterpriseOrganizationId: enterprise.id,
          countyCode: buyer.countyCode,
          startedAt: now,
          startsOn: fields!.startsOn ?? swedishDate(now),
          introductionId,
          brokeredBy: actorUserId(actor),
          createdBy: actorUserId(actor),
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'partnership.created',
          entityType: 'partnership',
          entityId: partnership.id,
          data: { buyerOrganizationId: buyer.id, enterpriseOrganizationId: enterprise.id, introductionId },
        },
        manager,
      );
      await this.notifications.notify(tx, partnershipStarted(partnership, { buyer: buyer.name, enterprise: enterprise.name }, actorUserId(actor)));
      // A partnership is the enterprise's track record.
      await this.outbox.publish(tx, 'matching.profile', { organizationId: enterprise.id });
      return partnership;
    });
  }

  /** The buyer marks the partnership done. */
  async complete(actor: Actor, id: string, version: number, note: string | null | undefined, loaded?: PartnershipEntity): Promise<PartnershipEntity> {
    return this.end(actor, id, version, 'complete', text(note, 'note', END_NOTE_MAX), loaded);
  }

  /** Either party ends the partnership early, and says why. */
  async terminate(actor: Actor, id: string, version: number, reason: string, loaded?: PartnershipEntity): Promise<PartnershipEntity> {
    return this.end(actor, id, version, 'terminate', text(reason, 'reason', END_NOTE_MAX, 1), loaded);
  }

  /**
   * A party shows or hides the partnership in the library of good examples; it appears once both show
   * it. The party is the actor's organisation; a person in both names it with `party`. A change of the
   * public summary takes back the other party's consent: it must agree to the new text.
   */
  async setPublic(
    actor: Actor,
    id: string,
    input: { public: boolean; summary?: string | null; party?: PartnershipPartyEnum | null; version?: number | null },
    loaded?: PartnershipEntity,
  ): Promise<PartnershipEntity> {
    const current = await this.get(id, loaded);
    const party = partyOf(actor, current, input.party ?? undefined);
    const summary = input.summary === undefined || input.summary === null ? undefined : text(input.summary, 'summary', SUMMARY_MAX);
    return this.database.transaction(async ({ manager }) => {
      const locked = (await this.partnerships.lock(current.id, manager))!;
      if (input.version !== undefined && input.version !== null && locked.version !== input.version) throw DomainError.stale(input.version);
      if (input.public && locked.status === 'TERMINATED') throw DomainError.conflict('brokering.terminatedNotShown');
      const publicSummary = summary ?? locked.publicSummary;
      const problems = new FieldProblems();
      if (input.public && !publicSummary) problems.add('summary', 'REQUIRED', 'brokering.summaryRequired');
      // Consenting to a text one did not write names the version read: consent to an older text is no consent.
      if (input.public && publicSummary && summary === undefined && (input.version === undefined || input.version === null)) {
        problems.add('version', 'REQUIRED', 'brokering.consentVersionRequired');
      }
      problems.throwIfAny();
      const summaryChanged = publicSummary !== locked.publicSummary;
      const buyerSide = party === PartnershipPartyEnum.BUYER;
      const otherWithdrawn = summaryChanged && (buyerSide ? locked.enterprisePublic : locked.buyerPublic);
      const changes: PartnershipChanges = buyerSide
        ? { buyerPublic: input.public, ...(otherWithdrawn ? { enterprisePublic: false } : {}) }
        : { enterprisePublic: input.public, ...(otherWithdrawn ? { buyerPublic: false } : {}) };
      // Under the row lock the version cannot have moved.
      const updated = (await this.partnerships.updateIfVersion(locked.id, locked.version, { ...changes, publicSummary }, manager))!;
      await this.audit.record(
        actor,
        {
          action: 'partnership.publicity',
          entityType: 'partnership',
          entityId: locked.id,
          data: { party, public: input.public, summaryChanged, otherConsentWithdrawn: otherWithdrawn },
        },
        manager,
      );
      return updated;
    });
  }

  private async end(actor: Actor, id: string, version: number, transition: PartnershipTransition, reason: string, loaded?: PartnershipEntity): Promise<PartnershipEntity> {
    const current = await this.get(id, loaded);
    if (current.version !== version) throw DomainError.stale(version);
    const status = partnershipAfter(current.status, transition);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const updated = await this.partnerships.updateIfVersion(current.id, version, { status, endedAt: this.clock(), endReason: reason }, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(
        actor,
        {
          action: `partnership.${status === 'COMPLETED' ? 'completed' : 'terminated'}`,
          entityType: 'partnership',
          entityId: current.id,
          data: { from: current.status, to: status },
        },
        manager,
      );
      const buyer = (await this.organizations.findById(updated.buyerOrganizationId, manager))!;
      const enterprise = (await this.organizations.findById(updated.enterpriseOrganizationId, manager))!;
      await this.notifications.notify(tx, partnershipEnded(updated, { buyer: buyer.name, enterprise: enterprise.name }, otherParties(actor, updated), actorUserId(actor)));
      await this.outbox.publish(tx, 'matching.profile', { organizationId: updated.enterpriseOrganizationId });
      return updated;
    });
  }

  /** The introduction exists, was ACCEPTED, is of this enterprise to a need of this buyer, and led to nothing yet. Locks it. */
  private async assertIntroductionLeadsHere(introductionId: string, buyerId: string, enterpriseId: string, manager: EntityManager): Promise<void> {
    const introduction = await this.introductions.lock(introductionId, manager);
    if (!introduction) throw DomainError.notFound('brokering.introductionNotFound', { id: introductionId });
    const need = (await this.needs.findById(introduction.needId, manager))!;
    if (introduction.enterpriseOrganizationId !== enterpriseId || need.buyerOrganizationId !== buyerId) {
      throw DomainError.badInput('introductionId', 'INVALID', 'brokering.introductionMismatch');
    }
    if (introduction.status !== 'ACCEPTED') throw DomainError.conflict('brokering.introductionNotAccepted', { status: introduction.status });
    if (await this.partnerships.ofIntroduction(introduction.id, manager)) throw DomainError.conflict('brokering.introductionAlreadyUsed');
  }

  /** The partnership's own fields, checked; every problem is reported at once. */
  private async fields(input: CreatePartnershipInput, buyerCountyCode: string) {
    const problems = new FieldProblems();
    const place = await checkedAsync(problems, () => this.codes.place(input.municipalityCode, null));
    if (place?.municipalityCode && place.countyCode !== buyerCountyCode) {
      problems.add('municipalityCode', 'NOT_ALLOWED', 'brokering.municipalityOutsideBuyerCounty', {
        county: buyerCountyCode,
        municipality: place.municipalityCode,
        municipalityCounty: place.countyCode!,
      });
    }
    const startsOn = input.startsOn ? (checked(problems, () => assertDate(input.startsOn!, 'startsOn')) ?? null) : null;
    const endsOn = input.endsOn ? (checked(problems, () => assertDate(input.endsOn!, 'endsOn')) ?? null) : null;
    if (endsOn && !problems.has('startsOn')) {
      if (startsOn && endsOn < startsOn) problems.add('endsOn', 'OUT_OF_RANGE', 'brokering.endsBeforeStart', { startsOn });
      const today = swedishDate(this.clock());
      if (!startsOn && endsOn < today) problems.add('endsOn', 'OUT_OF_RANGE', 'brokering.endsBeforeToday', { today });
    }
    const fields = {
      reportEveryMonths: checked(problems, () => assertReportInterval(input.reportEveryMonths ?? 3)),
      title: checked(problems, () => text(input.title, 'title', 200, 1)),
      description: checked(problems, () => text(input.description, 'description', 10_000)),
      cpvCodes: await checkedAsync(problems, () => this.codes.cpvCodes(input.cpvCodes)),
      sdgs: checked(problems, () => this.codes.sdgs(input.sdgs)),
    };
    problems.throwIfAny();
    return {
      title: fields.title!,
      description: fields.description!,
      cpvCodes: fields.cpvCodes!,
      sdgs: fields.sdgs!,
      municipalityCode: place!.municipalityCode,
      startsOn,
      endsOn,
      reportEveryMonths: fields.reportEveryMonths!,
    };
  }
}

function visibilityFor(actor: Actor): PartnershipVisibility {
  if (isAdmin(actor)) return { all: true };
  if (actor.kind !== 'user') return { all: false, organizationIds: [], countyCodes: [] };
  return { all: false, organizationIds: [...actor.memberships.keys()], countyCodes: actor.role === 'COORDINATOR' ? actor.coordinatorCounties : [] };
}

/**
 * The side the actor speaks for. A member of one party speaks for it; a member of both must say which
 * (consent to publish is given by each organisation, so one person does not give both at once).
 */
function partyOf(actor: Actor, partnership: PartnershipEntity, named: PartnershipPartyEnum | undefined): PartnershipPartyEnum {
  const inBuyer = !!roleIn(actor, partnership.buyerOrganizationId);
  const inEnterprise = !!roleIn(actor, partnership.enterpriseOrganizationId);
  if (named === PartnershipPartyEnum.BUYER && !inBuyer) throw DomainError.forbidden('brokering.notBuyerMember');
  if (named === PartnershipPartyEnum.ENTERPRISE && !inEnterprise) throw DomainError.forbidden('brokering.notEnterpriseMember');
  if (named) return named;
  if (inBuyer && inEnterprise) throw DomainError.badInput('party', 'REQUIRED', 'brokering.partyRequired');
  return inBuyer ? PartnershipPartyEnum.BUYER : PartnershipPartyEnum.ENTERPRISE;
}

/** Who hears of an end: the other party (both, when the actor belongs to both; the actor is left out anyway). */
function otherParties(actor: Actor, partnership: PartnershipEntity): string[] {
  const inBuyer = !!roleIn(actor, partnership.buyerOrganizationId);
  const inEnterprise = !!roleIn(actor, partnership.enterpriseOrganizationId);
  if (inBuyer && !inEnterprise) return [partnership.enterpriseOrganizationId];
  if (inEnterprise && !inBuyer) return [partnership.buyerOrganizationId];
  return [partnership.buyerOrganizationId, partnership.enterpriseOrganizationId];
}
