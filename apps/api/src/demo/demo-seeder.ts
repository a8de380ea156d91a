import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, MembershipRepository, NeedRepository, OrganizationRepository, UserRepository } from '@samverka/database';
import type { Actor, MembershipRole } from '@samverka/domain';
import { PasswordHasher } from '../auth/password-hasher.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { NeedService } from '../marketplace/need.service.js';
import { OfferService } from '../marketplace/offer.service.js';
import { ProfileService } from '../marketplace/profile.service.js';
import { OrganizationService } from '../organizations/organization.service.js';
import type { DemoScenario } from './demo-scenario.types.js';

const DAY_MS = 86_400_000;

export interface DemoLogin {
  email: string;
  role: string;
}

/**
 * Turns a demo scenario into records through the same services the API uses, so every rule applies:
 * people, organisations and memberships, profiles, needs through their lifecycle, and offers in the
 * states the scenario names.
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
    const actor = (personKey: string): Actor => ({
      kind: 'user',
      userId: userIds.get(personKey)!,
      role: scenario.people.find((p) => p.key === personKey)!.platformRole,
      coordinatorCounties: [],
      memberships: roles.get(personKey) ?? new Map(),
    });

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
      const members: [string, MembershipRole][] = [[firstOwner, 'OWNER'], ...otherOwners.map((k) => [k, 'OWNER'] as [string, MembershipRole]), ...org.memberKeys.map((k) => [k, 'MEMBER'] as [string, MembershipRole])];
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
        if (offer.status === 'DECLINED' && need.status !== 'AWARDED') await this.offers.decline(creator, made.id);
        if (offer.status === 'ACCEPTED') accepted = made.id;
      }
      // Accepting declines the offers still open, as the scenario's declined ones are.
      if (accepted) await this.offers.accept(creator, accepted);
      if (need.responseDeadlineInDays <= 0) {
        const current = (await this.needRepository.findById(record.id))!;
        const past = new Date(now + need.responseDeadlineInDays * DAY_MS);
        await this.needRepository.updateIfVersion(current.id, current.version, {
          responseDeadline: past,
          ...(need.status === 'CLOSED' ? { status: 'CLOSED' as const, closedAt: past } : {}),
        });
      }
    }
    this.logger.log(
      `seeded the demo: ${scenario.people.length} people, ${scenario.organizations.length} organisations, ${scenario.needs.length} needs, ${scenario.offers.length} offers in ${Date.now() - started} ms`,
    );
  }

  /** The logins worth showing: the administrator, the coordinator, one buyer per buyer organisation, a few enterprises. */
  logins(scenario: DemoScenario): DemoLogin[] {
    const byKey = new Map(scenario.people.map((p) => [p.key, p]));
    const rows: DemoLogin[] = scenario.people.filter((p) => p.platformRole !== 'USER').map((p) => ({ email: p.email, role: p.platformRole === 'ADMIN' ? 'administrator' : `coordinator (län ${(p.coordinatorCountyCodes ?? []).join(', ')})` }));
    for (const org of scenario.organizations.filter((o) => o.kind === 'MUNICIPALITY' || o.kind === 'REGION')) {
      rows.push({ email: byKey.get(org.ownerKeys[0])!.email, role: `buyer, ${org.name}` });
    }
    for (const org of scenario.organizations.filter((o) => o.kind === 'SOCIAL_ENTERPRISE').slice(0, 4)) {
      rows.push({ email: byKey.get(org.ownerKeys[0])!.email, role: `enterprise, ${org.name}` });
    }
    return rows;
  }
}
