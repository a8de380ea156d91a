import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { ImpactRepository } from './impact.repository.js';
import { PartnershipRepository } from '@samverka/brokering';
import { type PartnershipEntity } from '@samverka/schema';
import { assertId, assertImpactValue, DomainError, assertReportInterval, message, type Actor, actorUserId } from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { text } from '@samverka/reference-data';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';
import { organizationOf, partiesOf, type Party } from './impact-checks.js';

export const MAX_TARGETS = 20;

export interface TargetInput {
  indicatorCode: string;
  target: number;
  note?: string | null;
}

/**
 * A partnership's impact targets: one party proposes the indicators with a value for the whole term and
 * how often the enterprise reports; the other party agrees. A new proposal (after an agreement too)
 * replaces the targets and waits for the other party again.
 */
@Injectable()
export class PartnershipTargetsService {
  constructor(
    private readonly database: Database,
    private readonly impact: ImpactRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async propose(actor: Actor, partnershipId: string, version: number, targets: readonly TargetInput[], reportEveryMonths: number | null | undefined): Promise<PartnershipEntity> {
    const id = assertId(partnershipId, 'partnershipId');
    if (targets.length < 1 || targets.length > MAX_TARGETS) throw DomainError.badInput('targets', `must hold from 1 to ${MAX_TARGETS} targets: ${targets.length} given`);
    if (reportEveryMonths !== null && reportEveryMonths !== undefined) assertReportInterval(reportEveryMonths);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const partnership = await this.activePartnership(id, version, manager);
      const party = this.proposingParty(actor, partnership);
      // Key-share locked: an indicator's unit cannot change while a target is checked against it.
      const indicators = new Map(
        (
          await this.impact.indicatorsByCodes(
            targets.map((t) => (t.indicatorCode ?? '').trim()),
            manager,
            { share: true },
          )
        ).map((i) => [i.code, i]),
      );
      const seen = new Set<string>();
      const checked = targets.map((t, i) => {
        const code = (t.indicatorCode ?? '').trim();
        const indicator = indicators.get(code);
        if (!indicator) throw DomainError.badInput(`targets[${i}].indicatorCode`, `is not in the impact indicator catalogue: ${JSON.stringify(t.indicatorCode)}`);
        if (!indicator.active) throw DomainError.badInput(`targets[${i}].indicatorCode`, `is retired (${code}): choose an active indicator`);
        if (seen.has(code)) throw DomainError.badInput(`targets[${i}].indicatorCode`, `repeats ${code}: give each indicator once`);
        seen.add(code);
        return { indicatorCode: code, target: assertImpactValue(t.target, indicator.unit, `targets[${i}].target`), note: text(t.note, `targets[${i}].note`, 1_000) };
      });
      const proposer = organizationOf(partnership, party);
      const updated = await this.partnerships.updateIfVersion(
        id,
        version,
        { targetsStatus: 'PROPOSED', targetsProposedBy: proposer, targetsAgreedAt: null, reportEveryMonths: reportEveryMonths ?? partnership.reportEveryMonths },
        manager,
      );
      if (!updated) throw DomainError.stale('partnership', version);
      await this.impact.replaceTargets(id, checked, manager);
      await this.audit.record(
        actor,
        { action: 'partnership.targetsProposed', entityType: 'partnership', entityId: id, data: { by: proposer, reportEveryMonths: updated.reportEveryMonths, targets: checked } },
        manager,
      );
      await this.notifications.notify(tx, {
        kind: 'PARTNERSHIP_TARGETS',
        subject: { type: 'partnership', id },
        organizations: [organizationOf(partnership, party === 'buyer' ? 'enterprise' : 'buyer')],
        exceptUserId: actorUserId(actor),
        title: message('impact.targetsProposedTitle', { partnership: partnership.title }),
        body: [message('impact.targetsProposedBody', { count: checked.length, months: updated.reportEveryMonths })],
        data: { partnershipId: id, status: 'PROPOSED', indicatorCodes: checked.map((t) => t.indicatorCode) },
        dedupeKey: `targets-proposed:${id}:${updated.version}`,
      });
      return updated;
    });
  }

  /** The other party agrees the proposal as it stands (the version says which proposal was seen). */
  async agree(actor: Actor, partnershipId: string, version: number): Promise<PartnershipEntity> {
    const id = assertId(partnershipId, 'partnershipId');
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const partnership = await this.activePartnership(id, version, manager);
      if (partnership.targetsStatus !== 'PROPOSED') {
        throw DomainError.conflict(partnership.targetsStatus === 'AGREED' ? 'The targets are already agreed' : 'No targets have been proposed yet: propose them first');
      }
      const parties = partiesOf(actor, partnership);
      const proposer = partnership.targetsProposedBy;
      const agreeing = parties.find((party) => organizationOf(partnership, party) !== proposer);
      if (!agreeing || parties.some((party) => organizationOf(partnership, party) === proposer)) {
        throw DomainError.forbidden('The targets are agreed by the other party: a member of the organisation that did not propose them');
      }
      const updated = await this.partnerships.updateIfVersion(id, version, { targetsStatus: 'AGREED', targetsAgreedAt: this.clock() }, manager);
      if (!updated) throw DomainError.stale('partnership', version);
      const targets = await this.impact.targetsOf([id], manager);
      await this.audit.record(
        actor,
        { action: 'partnership.targetsAgreed', entityType: 'partnership', entityId: id, data: { by: organizationOf(partnership, agreeing), targets } },
        manager,
      );
      await this.notifications.notify(tx, {
        kind: 'PARTNERSHIP_TARGETS',
        subject: { type: 'partnership', id },
        organizations: proposer ? [proposer] : [],
        exceptUserId: actorUserId(actor),
        title: message('impact.targetsAgreedTitle', { partnership: partnership.title }),
        body: [message('impact.targetsAgreedBody', { count: targets.length, months: updated.reportEveryMonths })],
        data: { partnershipId: id, status: 'AGREED' },
        dedupeKey: `targets-agreed:${id}:${updated.version}`,
      });
      return updated;
    });
  }

  /** The partnership, locked, at the version the change is based on, and still ACTIVE. */
  private async activePartnership(id: string, version: number, manager: EntityManager): Promise<PartnershipEntity> {
    const partnership = await this.partnerships.lock(id, manager);
    if (!partnership) throw DomainError.notFound('Partnership', id);
    if (partnership.version !== version) throw DomainError.stale('partnership', version);
    if (partnership.status !== 'ACTIVE') throw DomainError.conflict(`A ${partnership.status} partnership's targets cannot change: only an ACTIVE partnership's can`);
    return partnership;
  }

  /** The party whose proposal it is; someone in both organisations proposes for the buyer. */
  private proposingParty(actor: Actor, partnership: PartnershipEntity): Party {
    const parties = partiesOf(actor, partnership);
    if (parties.length === 0) throw DomainError.forbidden("Only the partnership's parties may propose its targets");
    return parties[0];
  }
}
