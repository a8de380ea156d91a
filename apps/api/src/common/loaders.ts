import { Injectable } from '@nestjs/common';
import {
  MembershipRepository,
  OrganizationRepository,
  ReferenceDataRepository,
  UserRepository,
  EnterpriseProfileRepository,
  NeedRepository,
  OfferRepository,
  PartnershipRepository,
  MatchRepository,
  ImpactRepository,
  type ImpactIndicatorEntity,
  type ImpactReportEntity,
  type ImpactReportValueEntity,
  type ImpactTotal,
  type PartnershipTargetEntity,
  IntroductionRepository,
  type IntroductionEntity,
  type NeedMatchState,
  type CountyEntity,
  type EnterpriseProfileEntity,
  type NeedEntity,
  type OfferEntity,
  type PartnershipEntity,
  type CpvCodeEntity,
  type MembershipEntity,
  type OrganizationEntity,
  type UserEntity,
} from '@samverka/database';
import { Outbox } from '@samverka/queue';
import DataLoader from 'dataloader';

/**
 * Per-request batch loaders, so nested fields cost one query per level, not one per row. They live in
 * the request's GraphQL context: nothing is cached across requests.
 */
export interface Loaders {
  organization: DataLoader<string, OrganizationEntity | null>;
  user: DataLoader<string, UserEntity | null>;
  membersOfOrganization: DataLoader<string, MembershipEntity[]>;
  coordinatorCounties: DataLoader<string, string[]>;
  organizationsOfUser: DataLoader<string, { organizationId: string; countyCode: string }[]>;
  county: DataLoader<string, CountyEntity | null>;
  cpvCode: DataLoader<string, CpvCodeEntity | null>;
  cpvChildren: DataLoader<string, CpvCodeEntity[]>;
  need: DataLoader<string, NeedEntity | null>;
  profile: DataLoader<string, EnterpriseProfileEntity | null>;
  /** Every offer on a need except withdrawn ones; resolvers filter by who asks (drafts are the enterprise's own). */
  offersOfNeed: DataLoader<string, OfferEntity[]>;
  partnershipOfNeed: DataLoader<string, PartnershipEntity | null>;
  partnership: DataLoader<string, PartnershipEntity | null>;
  impactIndicator: DataLoader<string, ImpactIndicatorEntity | null>;
  targetsOfPartnership: DataLoader<string, PartnershipTargetEntity[]>;
  /** Every impact report of a partnership, latest period first; resolvers leave out drafts for others than the enterprise. */
  impactReportsOfPartnership: DataLoader<string, ImpactReportEntity[]>;
  /** Per indicator, the sum over the partnership's CONFIRMED reports. */
  impactTotalsOfPartnership: DataLoader<string, ImpactTotal[]>;
  valuesOfImpactReport: DataLoader<string, ImpactReportValueEntity[]>;
  introduction: DataLoader<string, IntroductionEntity | null>;
  /** Every introduction to a need, newest first; resolvers check who may see them. */
  introductionsOfNeed: DataLoader<string, IntroductionEntity[]>;
  /** A need's last match computation, and whether a change of it waits to be matched. */
  needMatchState: DataLoader<string, { state: NeedMatchState | null; pending: boolean }>;
}

const byKey = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string) => {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
};
const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) => byKey(ids, rows, (row) => row.id);
/** Rows grouped under their keys, in the order they came; an empty list for a key without rows. */
const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string) => {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
};

@Injectable()
export class LoaderFactory {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly referenceData: ReferenceDataRepository,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly offers: OfferRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly matching: MatchRepository,
    private readonly impact: ImpactRepository,
    private readonly introductions: IntroductionRepository,
    private readonly outbox: Outbox,
  ) {}

  create(): Loaders {
    return {
      organization: new DataLoader(async (ids) => byId(ids, await this.organizations.findByIds(ids))),
      user: new DataLoader(async (ids) => byId(ids, await this.users.findByIds(ids))),
      membersOfOrganization: new DataLoader(async (ids) => {
        const rows = await this.memberships.ofOrganizations(ids);
        return ids.map((id) => rows.filter((row) => row.organizationId === id));
      }),
      coordinatorCounties: new DataLoader(async (ids) => {
        const counties = await this.users.coordinatorCounties(ids);
        return ids.map((id) => counties.get(id) ?? []);
      }),
      organizationsOfUser: new DataLoader(async (ids) => {
        const organizations = await this.organizations.organizationsOfUsers(ids);
        return ids.map((id) => organizations.get(id) ?? []);
      }),
      county: new DataLoader(async (codes) => byKey(codes, await this.referenceData.countiesByCode(codes), (c) => c.code)),
      cpvCode: new DataLoader(async (codes) => byKey(codes, await this.referenceData.cpvCodesByCode(codes), (c) => c.code)),
      cpvChildren: new DataLoader(async (parentCodes) => {
        const children = new Map<string, CpvCodeEntity[]>(parentCodes.map((code) => [code, []]));
        for (const child of await this.referenceData.cpvChildrenOf(parentCodes)) children.get(child.parentCode!)?.push(child);
        return parentCodes.map((code) => children.get(code)!);
      }),
      need: new DataLoader(async (ids) => byId(ids, await this.needs.findByIds(ids))),
      profile: new DataLoader(async (ids) => byKey(ids, await this.profiles.findMany(ids), (p) => p.organizationId)),
      offersOfNeed: new DataLoader(async (needIds) => {
        const offers = await this.offers.ofNeeds(needIds, ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED']);
        return needIds.map((id) => offers.filter((offer) => offer.needId === id));
      }),
      needMatchState: new DataLoader(async (ids) => {
        const [states, pending] = await Promise.all([this.matching.states(ids), this.outbox.pending('matching.need', ids.map((needId) => ({ needId })))]);
        const byNeed = new Map(states.map((s) => [s.needId, s]));
        return ids.map((id, i) => ({ state: byNeed.get(id) ?? null, pending: pending[i] }));
      }),
      partnershipOfNeed: new DataLoader(async (needIds) => byKey(needIds, await this.partnerships.ofNeeds(needIds), (p) => p.needId ?? '')),
      partnership: new DataLoader(async (ids) => byId(ids, await this.partnerships.findByIds(ids))),
      impactIndicator: new DataLoader(async (codes) => byKey(codes, await this.impact.indicatorsByCodes(codes), (i) => i.code)),
      targetsOfPartnership: new DataLoader(async (ids) => groupBy(ids, await this.impact.targetsOf(ids), (t) => t.partnershipId)),
      impactReportsOfPartnership: new DataLoader(async (ids) => groupBy(ids, await this.impact.reportsOf(ids), (r) => r.partnershipId)),
      impactTotalsOfPartnership: new DataLoader(async (ids) => groupBy(ids, await this.impact.confirmedTotals(ids), (t) => t.partnershipId)),
      valuesOfImpactReport: new DataLoader(async (ids) => groupBy(ids, await this.impact.valuesOf(ids), (v) => v.reportId)),
      introduction: new DataLoader(async (ids) => byId(ids, await this.introductions.findByIds(ids))),
      introductionsOfNeed: new DataLoader(async (needIds) => groupBy(needIds, await this.introductions.ofNeeds(needIds), (i) => i.needId)),
    };
  }
}
