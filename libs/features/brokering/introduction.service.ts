import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { EnterpriseProfileRepository, NeedRepository } from '@samverka/marketplace';
import { IntroductionRepository } from './introduction.repository.js';
import { OrganizationRepository } from '@samverka/organizations';
import { type IntroductionEntity, type NeedEntity } from '@samverka/schema';
import {
  assertId,
  checked,
  DomainError,
  eligibilityFor,
  FieldProblems,
  introductionAfter,
  introductionAlreadyOpen,
  type Actor,
  actorUserId,
  type MessageKey,
} from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { text } from '@samverka/reference-data';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';
import { introductionAnswered, introductionMade, introductionReceived } from './brokering-notifications.js';

export const NOTE_MAX = 2_000;

/**
 * Coordinators' introductions of enterprises to needs, and the enterprises' answers. Who may act is the
 * guard's business (policy 'introduction.*'); this checks what the records must be.
 */
@Injectable()
export class IntroductionService {
  constructor(
    private readonly database: Database,
    private readonly introductions: IntroductionRepository,
    private readonly needs: NeedRepository,
    private readonly organizations: OrganizationRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `loaded`: the introduction as the caller already read it (the API's access guard), used when it is the one asked for. */
  async get(id: string, loaded?: IntroductionEntity): Promise<IntroductionEntity> {
    if (loaded?.id === id) return loaded;
    const introduction = await this.introductions.findById(assertId(id, 'id'));
    if (!introduction) throw DomainError.notFound('brokering.introductionNotFound', { id });
    return introduction;
  }

  /**
   * Proposes the enterprise for a published need before its deadline. The enterprise must be one the
   * need's form admits (reserved contracts, IOP), as it would be when it offers; both sides are told.
   */
  async introduce(actor: Actor, input: { needId: string; enterpriseOrganizationId: string; note: string }): Promise<IntroductionEntity> {
    const enterpriseId = assertId(input.enterpriseOrganizationId, 'enterpriseOrganizationId');
    const enterprise = await this.organizations.findById(enterpriseId);
    if (!enterprise) throw DomainError.notFound('marketplace.organizationNotFound', { id: enterpriseId });
    const problems = new FieldProblems();
    const note = checked(problems, () => text(input.note, 'note', NOTE_MAX, 1));
    if (enterprise.kind !== 'SOCIAL_ENTERPRISE') problems.add('enterpriseOrganizationId', 'NOT_ALLOWED', 'brokering.introductionNotEnterprise');
    problems.throwIfAny();
    // An introduction shows the enterprise to the buyer and the need to the enterprise: both must be verified.
    if (!enterprise.verified) throw DomainError.conflict('marketplace.enterpriseNotVerified', undefined, { path: 'enterpriseOrganizationId', code: 'NOT_ALLOWED' });
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      // Held against an award or a close until the introduction is in: the checks hold for what is written.
      const need = await this.needs.lockShared(assertId(input.needId, 'needId'), manager);
      if (!need) throw DomainError.notFound('marketplace.needNotFound', { id: input.needId });
      this.assertTakesOffers(need, { closed: 'brokering.introductionNeedClosed', deadlinePassed: 'brokering.introductionNeedDeadlinePassed' });
      if (!need.buyerVerified) throw DomainError.conflict('marketplace.needAwaitingVerification');
      const eligibility = eligibilityFor(need.form, await this.profiles.find(enterpriseId, manager));
      if (!eligibility.eligible) throw DomainError.badInput('enterpriseOrganizationId', 'NOT_ALLOWED', eligibility.reason.key, eligibility.reason.params);
      if (await this.introductions.findOpen(need.id, enterpriseId, manager)) throw introductionAlreadyOpen();
      const buyer = (await this.organizations.findById(need.buyerOrganizationId, manager))!;
      const introduction = await this.introductions.create(
        { needId: need.id, enterpriseOrganizationId: enterpriseId, coordinatorUserId: actorUserId(actor), countyCode: buyer.countyCode, note: note! },
        manager,
      );
      await this.audit.record(
        actor,
        { action: 'introduction.created', entityType: 'introduction', entityId: introduction.id, data: { needId: need.id, enterpriseOrganizationId: enterpriseId } },
        manager,
      );
      const names = { buyer: buyer.name, enterprise: enterprise.name };
      await this.notifications.notify(tx, introductionReceived(introduction, need, names, actorUserId(actor)));
      await this.notifications.notify(tx, introductionMade(introduction, need, names, actorUserId(actor)));
      return introduction;
    });
  }

  /**
   * The enterprise accepts (it is then invited to offer, through createOffer) or declines. Accepting
   * needs the need still open for offers; declining is always possible while the introduction is open.
   */
  async respond(actor: Actor, id: string, version: number, accept: boolean, responseNote: string | null | undefined, loaded?: IntroductionEntity): Promise<IntroductionEntity> {
    const note = text(responseNote, 'note', NOTE_MAX);
    const current = await this.get(id, loaded);
    if (current.version !== version) throw DomainError.stale(version);
    const status = introductionAfter(current.status, accept ? 'accept' : 'decline');
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const need = (await this.needs.lockShared(current.needId, manager))!;
      if (accept) this.assertTakesOffers(need, { closed: 'brokering.acceptNeedClosed', deadlinePassed: 'brokering.acceptNeedDeadlinePassed' });
      const updated = await this.introductions.updateIfVersion(
        current.id,
        version,
        { status, responseNote: note, respondedBy: actorUserId(actor), respondedAt: this.clock() },
        manager,
      );
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(
        actor,
        { action: accept ? 'introduction.accepted' : 'introduction.declined', entityType: 'introduction', entityId: current.id, data: { from: current.status, to: status } },
        manager,
      );
      await this.notifications.notify(tx, introductionAnswered(updated, need, await this.names(need, updated, manager), actorUserId(actor)));
      return updated;
    });
  }

  /** A coordinator of the region takes back an introduction the enterprise has not answered. */
  async withdraw(actor: Actor, id: string, version: number, loaded?: IntroductionEntity): Promise<IntroductionEntity> {
    const current = await this.get(id, loaded);
    if (current.version !== version) throw DomainError.stale(version);
    const status = introductionAfter(current.status, 'withdraw');
    return this.database.transaction(async ({ manager }) => {
      const updated = await this.introductions.updateIfVersion(current.id, version, { status }, manager);
      if (!updated) throw DomainError.stale(version);
      await this.audit.record(actor, { action: 'introduction.withdrawn', entityType: 'introduction', entityId: current.id, data: { from: current.status, to: status } }, manager);
      return updated;
    });
  }

  /** The need takes offers now; `refusals` say what follows when it does not (closed: named by its status). */
  private assertTakesOffers(need: NeedEntity, refusals: { closed: MessageKey; deadlinePassed: MessageKey }): void {
    if (need.status !== 'PUBLISHED') throw DomainError.conflict(refusals.closed, { status: need.status });
    if (need.responseDeadline && need.responseDeadline.getTime() <= this.clock().getTime()) throw DomainError.conflict(refusals.deadlinePassed);
  }

  private async names(need: NeedEntity, introduction: IntroductionEntity, manager: EntityManager) {
    const buyer = (await this.organizations.findById(need.buyerOrganizationId, manager))!;
    const enterprise = (await this.organizations.findById(introduction.enterpriseOrganizationId, manager))!;
    return { buyer: buyer.name, enterprise: enterprise.name };
  }
}
