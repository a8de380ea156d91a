import { AwardService, PartnershipPartyEnum, IntroductionService, PartnershipService } from '@samverka/brokering';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { MembershipRepository, OrganizationRepository, OrganizationService } from '@samverka/organizations';
import { NeedRepository, NeedService, OfferService, ProfileService } from '@samverka/marketplace';
import { UserRepository, PasswordHasher } from '@samverka/accounts';
import { type PartnershipEntity } from '@samverka/schema';
import { swedishDate, type Actor, type MembershipRole } from '@samverka/domain';
import { ImpactReportDecisionService, ImpactReportService, PartnershipTargetsService } from '@samverka/impact';
import { agreementTerm, reportPeriod } from './demo-dates.js';
import type { DemoImpactReport, DemoPartnership, DemoScenario } from './demo-scenario.types.js';

const DAY_MS = 86_400_000;
/** Why the demo's buyers declined the offers they declined (the API asks a reason of every buyer). */
const DEMO_DECLINE_REASON = 'Vi valde ett anbud som passade behovet bättre i pris och omfattning.';

export interface DemoLogin {
  email: string;
  role: string;
}

/**
 * Turns a demo scenario into records through the same services the API uses, so every rule applies:
 * people, organisations and memberships, profiles, needs through their lifecycle, coordinators'
 * introductions, offers in the states the scenario names, and partnerships with their targets, impact
 * reports, end and publicity. Every service writes the notifications its action causes, so the demo
 * people find their inboxes filled as the API would have filled them.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly database: Database,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizationRepository: OrganizationRepository,
    private readonly needRepository: NeedRepository,
    private readonly hasher: PasswordHasher,
    private readonly organizations: OrganizationService,
    private readonly profiles: ProfileService,
    private readonly needs: NeedService,
    private readonly offers: OfferService,
    private readonly awards: AwardService,
    private readonly introductions: IntroductionService,
    private readonly partnerships: PartnershipService,
    private readonly targets: PartnershipTargetsService,
    private readonly reports: ImpactReportService,
    private readonly reportDecisions: ImpactReportDecisionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether the database holds no organisation yet (a fresh installation). */
  async isEmpty(): Promise<boolean> {
    const [{ count }] = await this.database.dataSource.query(`SELECT count(*)::int AS count FROM organization`);
    return count === 0;
  }

  /** Whether the scenario's administrator exists, i.e. the demo was seeded here. */
  async isSeeded(scenario: DemoScenario): Promise<boolean> {
    const admin = scenario.people.find((p) => p.platformRole === 'ADMIN');
    return admin ? (await this.users.findByEmail(admin.email)) !== null : false;
  }

  async seed(scenario: DemoScenario, password: string): Promise<void> {
    const started = Date.now();
    const userIds = new Map<string, string>();
    const orgIds = new Map<string, string>();
    const roles = new Map<string, Map<string, MembershipRole>>();
    const actor = (personKey: string): Actor => {
      const person = scenario.people.find((p) => p.key === personKey)!;
      return {
        kind: 'user',
        userId: userIds.get(personKey)!,
        role: person.platformRole,
        coordinatorCounties: person.coordinatorCountyCodes ?? [],
        memberships: roles.get(personKey) ?? new Map(),
      };
    };

    // One hash for the shared demo password: computing it sixty times would only slow the start.
    const passwordHash = await this.hasher.hash(password);
    await this.database.transaction(async ({ manager }) => {
      for (const person of scenario.people) {
        const user = await this.users.create({ email: person.email, displayName: person.displayName, passwordHash }, this.clock(), manager);
        userIds.set(person.key, user.id);
        if (person.platformRole !== 'USER') await this.users.setPlatformRole(user.id, person.platformRole, person.coordinatorCountyCodes ?? [], manager);
      }
    });

    for (const org of scenario.organizations) {
      const [firstOwner, ...otherOwners] = org.ownerKeys;
      const created = await this.organizations.create(actor(firstOwner), {
        kind: org.kind as never,
        name: org.name,
        organisationsnummer: org.organisationsnummer,
        municipalityCode: org.municipalityCode ?? null,
        countyCode: org.countyCode ?? null,
        website: org.website ?? null,
      });
      orgIds.set(org.key, created.id);
      const members: [string, MembershipRole][] = [
        [firstOwner, 'OWNER'],
        ...otherOwners.map((k) => [k, 'OWNER'] as [string, MembershipRole]),
        ...org.memberKeys.map((k) => [k, 'MEMBER'] as [string, MembershipRole]),
      ];
      for (const [key, role] of members) {
        if (key !== firstOwner) await this.memberships.upsert(created.id, userIds.get(key)!, role);
        roles.set(key, new Map([...(roles.get(key) ?? []), [created.id, role]]));
      }
      if (org.verified) await this.organizationRepository.updateIfVersion(created.id, created.version, { verified: true, verifiedAt: this.clock() });
    }

    for (const profile of scenario.profiles) {
      const { organizationKey, ...fields } = profile;
      const owner = scenario.organizations.find((o) => o.key === organizationKey)!.ownerKeys[0];
      await this.profiles.save(actor(owner), { ...fields, organizationId: orgIds.get(organizationKey)! });
    }

    const now = this.clock().getTime();
    const awards = new Map<string, PartnershipEntity>();
    for (const need of scenario.needs) {
      const creator = actor(need.createdByKey);
      const opened = need.status === 'PUBLISHED' || need.status === 'CLOSED' || need.status === 'AWARDED';
      // Needs that closed in the past were open once: they are published with a future deadline first.
      const deadline = new Date(now + (opened && need.responseDeadlineInDays <= 0 ? DAY_MS : need.responseDeadlineInDays * DAY_MS));
      let { need: record } = await this.needs.create(creator, orgIds.get(need.buyerKey)!, {
        title: need.title,
        description: need.description,
        cpvCodes: need.cpvCodes,
        sdgs: need.sdgs,
        municipalityCode: need.municipalityCode ?? null,
        countyCode: need.countyCode ?? null,
        budgetMinSek: need.budgetMinSek ?? null,
        budgetMaxSek: need.budgetMaxSek ?? null,
        form: need.form,
        wantedImpact: need.wantedImpact,
        responseDeadline: deadline,
      });
      if (need.status === 'CANCELLED') {
        await this.needs.cancel(creator, record.id, record.version);
        continue;
      }
      if (!opened) continue;
      record = (await this.needs.publish(creator, record.id, record.version)).need;

      // Introductions come while the need takes offers, before the offers they may lead to.
      for (const introduction of scenario.introductions.filter((i) => i.needKey === need.key)) {
        const made = await this.introductions.introduce(actor(introduction.coordinatorKey), {
          needId: record.id,
          enterpriseOrganizationId: orgIds.get(introduction.enterpriseKey)!,
          note: introduction.note,
        });
        if (introduction.status === 'PROPOSED') continue;
        await this.introductions.respond(actor(introduction.respondedByKey!), made.id, made.version, introduction.status === 'ACCEPTED', introduction.responseNote ?? null);
      }

      const offers = scenario.offers.filter((o) => o.needKey === need.key);
      let accepted: string | undefined;
      for (const offer of offers) {
        const enterprise = actor(offer.createdByKey);
        let made = await this.offers.create(enterprise, {
          needId: record.id,
          enterpriseOrganizationId: orgIds.get(offer.enterpriseKey)!,
          message: offer.message,
          priceSek: offer.priceSek,
          proposedOutcomes: offer.proposedOutcomes,
        });
        if (offer.status === 'DRAFT') continue;
        made = await this.offers.submit(enterprise, made.id, made.version);
        if (offer.status === 'SHORTLISTED') await this.offers.shortlist(creator, made.id);
        if (offer.status === 'WITHDRAWN') await this.offers.withdraw(enterprise, made.id, made.version);
        if (offer.status === 'DECLINED' && need.status !== 'AWARDED') await this.offers.decline(creator, made.id, DEMO_DECLINE_REASON);
        if (offer.status === 'ACCEPTED') accepted = made.id;
      }
      // Accepting declines the offers still open, as the scenario's declined ones are; the award starts a
      // partnership (linked to the coordinator's accepted introduction of the enterprise, if there is one).
      if (accepted) awards.set(need.key, (await this.awards.accept(creator, accepted)).partnership);
      if (need.responseDeadlineInDays <= 0) {
        const current = (await this.needRepository.findById(record.id))!;
        const past = new Date(now + need.responseDeadlineInDays * DAY_MS);
        await this.needRepository.updateIfVersion(current.id, current.version, {
          responseDeadline: past,
          ...(need.status === 'CLOSED' ? { status: 'CLOSED' as const, closedAt: past } : {}),
        });
      }
    }
    const today = swedishDate(this.clock());
    for (const partnership of scenario.partnerships) {
      await this.seedPartnership(partnership, { actor, orgIds, awards, today });
    }

    const reports = scenario.partnerships.reduce((sum, p) => sum + p.reports.length + p.reports.filter((r) => r.correction).length, 0);
    this.logger.log(
      `seeded the demo: ${scenario.people.length} people, ${scenario.organizations.length} organisations, ${scenario.needs.length} needs, ${scenario.offers.length} offers, ` +
        `${scenario.introductions.length} introductions, ${scenario.partnerships.length} partnerships, ${reports} impact reports in ${Date.now() - started} ms`,
    );
  }

  /**
   * A partnership from an award (started by its accepted offer) or recorded by a coordinator with dates
   * in the past; then its targets proposed and agreed, its impact reports through their states, its end
   * and its place among the good examples, in that order (as it would have happened).
   */
  private async seedPartnership(
    demo: DemoPartnership,
    context: { actor: (personKey: string) => Actor; orgIds: Map<string, string>; awards: Map<string, PartnershipEntity>; today: string },
  ): Promise<void> {
    const { actor, orgIds } = context;
    let partnership: PartnershipEntity;
    if ('awardedNeedKey' in demo.source) {
      partnership = context.awards.get(demo.source.awardedNeedKey)!;
    } else {
      const agreement = demo.source.agreement;
      const term = agreementTerm(agreement, context.today);
      partnership = await this.partnerships.create(actor(agreement.coordinatorKey), {
        buyerOrganizationId: orgIds.get(agreement.buyerKey)!,
        enterpriseOrganizationId: orgIds.get(agreement.enterpriseKey)!,
        title: agreement.title,
        description: agreement.description,
        cpvCodes: agreement.cpvCodes,
        sdgs: agreement.sdgs,
        municipalityCode: agreement.municipalityCode,
        startsOn: term.startsOn,
        endsOn: term.endsOn ?? undefined,
        reportEveryMonths: demo.reportEveryMonths,
      });
    }

    if (demo.targets) {
      const { proposedByKey, agreedByKey, items } = demo.targets;
      partnership = await this.targets.propose(actor(proposedByKey), partnership.id, partnership.version, items, demo.reportEveryMonths);
      if (agreedByKey) partnership = await this.targets.agree(actor(agreedByKey), partnership.id, partnership.version);
    }

    for (const report of demo.reports) await this.seedReport(partnership, demo.reportEveryMonths, report, actor);

    if (demo.end) {
      const { version } = await this.partnerships.get(partnership.id);
      const { status, byKey, note } = demo.end;
      partnership =
        status === 'COMPLETED'
          ? await this.partnerships.complete(actor(byKey), partnership.id, version, note)
          : await this.partnerships.terminate(actor(byKey), partnership.id, version, note);
    }

    if (demo.public) {
      const { summary, buyerByKey, enterpriseByKey } = demo.public;
      // Each party consents for itself, to the same summary (a changed one would take back the other's consent).
      await this.partnerships.setPublic(actor(buyerByKey), partnership.id, { public: true, summary, party: PartnershipPartyEnum.BUYER });
      await this.partnerships.setPublic(actor(enterpriseByKey), partnership.id, { public: true, summary, party: PartnershipPartyEnum.ENTERPRISE });
    }
  }

  /** One report of its period: written and submitted by the enterprise, then confirmed or returned by the buyer; a correction after. */
  private async seedReport(partnership: PartnershipEntity, reportEveryMonths: number, report: DemoImpactReport, actor: (personKey: string) => Actor): Promise<void> {
    const period = reportPeriod(partnership, reportEveryMonths, report.period);
    if (!period) throw new Error(`The demo report for period ${report.period} of "${partnership.title}" lies past the partnership's agreed end`);
    const enterprise = actor(report.createdByKey);
    const content = { periodStart: period.periodStart, periodEnd: period.periodEnd, narrative: report.narrative, values: report.values };
    let written = await this.reports.create(enterprise, { partnershipId: partnership.id, ...content });
    written = await this.reports.submit(enterprise, written.id, written.version);
    if (report.status === 'RETURNED') await this.reportDecisions.return(actor(report.decidedByKey!), written.id, written.version, report.returnComment!);
    if (report.status !== 'CONFIRMED') return;
    written = await this.reportDecisions.confirm(actor(report.decidedByKey!), written.id, written.version);
    if (!report.correction) return;
    let correction = await this.reports.correct(enterprise, written.id, report.correction);
    correction = await this.reports.submit(enterprise, correction.id, correction.version);
    await this.reportDecisions.confirm(actor(report.decidedByKey!), correction.id, correction.version);
  }

  /** The logins worth showing: the administrator, the coordinator, one buyer per buyer organisation, a few enterprises. */
  logins(scenario: DemoScenario): DemoLogin[] {
    const byKey = new Map(scenario.people.map((p) => [p.key, p]));
    const rows: DemoLogin[] = scenario.people
      .filter((p) => p.platformRole !== 'USER')
      .map((p) => ({ email: p.email, role: p.platformRole === 'ADMIN' ? 'administrator' : `coordinator (län ${(p.coordinatorCountyCodes ?? []).join(', ')})` }));
    for (const org of scenario.organizations.filter((o) => o.kind === 'MUNICIPALITY' || o.kind === 'REGION')) {
      rows.push({ email: byKey.get(org.ownerKeys[0])!.email, role: `buyer, ${org.name}` });
    }
    for (const org of scenario.organizations.filter((o) => o.kind === 'SOCIAL_ENTERPRISE').slice(0, 4)) {
      rows.push({ email: byKey.get(org.ownerKeys[0])!.email, role: `enterprise, ${org.name}` });
    }
    return rows;
  }
}
