import { partnershipScope, IntroductionRepository, PartnershipRepository } from '@samverka/brokering';
import { Injectable } from '@nestjs/common';
import { ImpactRepository } from '@samverka/impact';
import { NeedRepository, OfferRepository } from '@samverka/marketplace';
import { OrganizationRepository } from '@samverka/organizations';
import {
  assertId,
  authorize,
  DomainError,
  impactReportVisibleTo,
  needVisibleTo,
  offerVisibleTo,
  type Actor,
  type IntroductionScope,
  type OrganizationScope,
  type PartnershipScope,
} from '@samverka/domain';
import { type LoadedRecords, type ScopeReference } from '@samverka/engine';

/** Loads what a rule needs to know about the record an operation concerns. */
@Injectable()
export class ScopeLoader {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly impact: ImpactRepository,
    private readonly introductions: IntroductionRepository,
  ) {}

  async organization(id: string, loaded: LoadedRecords = {}, field = 'organizationId'): Promise<OrganizationScope> {
    const organization = await this.organizations.findById(assertId(id, field));
    if (!organization) throw DomainError.notFound('organizations.organizationNotFound', { id });
    loaded.organization = organization;
    return { organizationId: organization.id, countyCode: organization.countyCode };
  }

  /** The buyer of a need the actor may see; a hidden need answers as an unknown one. */
  async needBuyer(needId: string, actor: Actor, loaded: LoadedRecords = {}, field = 'needId'): Promise<OrganizationScope> {
    const need = await this.needs.findById(assertId(needId, field));
    if (!need || !needVisibleTo(actor, need)) throw DomainError.notFound('access.needNotFound', { id: needId });
    loaded.need = need;
    return this.organization(need.buyerOrganizationId, loaded);
  }

  async offerEnterprise(offerId: string, actor: Actor, loaded: LoadedRecords = {}, field = 'offerId'): Promise<OrganizationScope> {
    const { offer } = await this.visibleOffer(offerId, actor, loaded, field);
    return this.organization(offer.enterpriseOrganizationId, loaded);
  }

  async offerBuyer(offerId: string, actor: Actor, loaded: LoadedRecords = {}, field = 'offerId'): Promise<OrganizationScope> {
    const { need } = await this.visibleOffer(offerId, actor, loaded, field);
    return this.organization(need.buyerOrganizationId, loaded);
  }

  /**
   * A partnership's parties and region. Unlike a draft, a partnership is no secret (an award is public),
   * so one the actor may not read is not hidden: the rule answers FORBIDDEN, as for another region's
   * coordinator (issue 6); NOT_FOUND only when it does not exist.
   */
  async partnership(partnershipId: string, loaded: LoadedRecords = {}, field = 'partnershipId'): Promise<PartnershipScope> {
    const partnership = await this.partnerships.findById(assertId(partnershipId, field));
    if (!partnership) throw DomainError.notFound('access.partnershipNotFound', { id: partnershipId });
    loaded.partnership = partnership;
    return partnershipScope(partnership);
  }

  /** An introduction's buyer, enterprise and region (not hidden: the rule answers FORBIDDEN). */
  async introduction(introductionId: string, loaded: LoadedRecords = {}, field = 'introductionId'): Promise<IntroductionScope> {
    const { introduction, buyerOrganizationId } = await this.loadIntroduction(introductionId, loaded, field);
    return { buyerOrganizationId, enterpriseOrganizationId: introduction.enterpriseOrganizationId, countyCode: introduction.countyCode };
  }

  /** The enterprise an introduction was made for. */
  async introductionEnterprise(introductionId: string, loaded: LoadedRecords = {}, field = 'introductionId'): Promise<OrganizationScope> {
    const { introduction } = await this.loadIntroduction(introductionId, loaded, field);
    return this.organization(introduction.enterpriseOrganizationId, loaded);
  }

  /** The partnership of an impact report the actor may see (a draft is the enterprise's own); a hidden one answers as unknown. */
  async impactReportPartnership(reportId: string, actor: Actor, loaded: LoadedRecords = {}, field = 'impactReportId'): Promise<PartnershipScope> {
    const report = await this.impact.findReport(assertId(reportId, field));
    const partnership = report ? await this.partnerships.findById(report.partnershipId) : null;
    const scope = partnership ? partnershipScope(partnership) : null;
    if (!report || !scope || !authorize(actor, 'partnership.read', scope).allowed || !impactReportVisibleTo(actor, report, scope)) {
      throw DomainError.notFound('access.impactReportNotFound', { id: reportId });
    }
    Object.assign(loaded, { impactReport: report, partnership });
    return scope;
  }

  /** An offer the actor may see (a draft is the enterprise's own); a hidden one answers as unknown. */
  private async visibleOffer(offerId: string, actor: Actor, loaded: LoadedRecords, field: string) {
    const offer = await this.offers.findById(assertId(offerId, field));
    const need = offer ? await this.needs.findById(offer.needId) : null;
    if (!offer || !need || !offerVisibleTo(actor, offer, need)) throw DomainError.notFound('access.offerNotFound', { id: offerId });
    Object.assign(loaded, { offer, need });
    return { offer, need };
  }

  /** The whole introduction, kept in `loaded`, with the buyer of its need (one statement). */
  private async loadIntroduction(introductionId: string, loaded: LoadedRecords, field: string) {
    const found = await this.introductions.findWithBuyer(assertId(introductionId, field));
    if (!found) throw DomainError.notFound('access.introductionNotFound', { id: introductionId });
    loaded.introduction = found.introduction;
    return found;
  }
}

/** Loads one kind of reference into the scope the rule decides on, keeping the records it read in `loaded`. */
type LoadScope = (scopes: ScopeLoader, id: string, actor: Actor, loaded: LoadedRecords) => Promise<object>;

/**
 * Every kind of reference with its loader, in priority order: when an operation names several, the
 * first one here decides the scope (the object's key order is kept). 404 or 403 as each loader says.
 */
export const SCOPE_LOADERS: { readonly [K in keyof Required<ScopeReference>]: LoadScope } = {
  organizationId: (scopes, id, _actor, loaded) => scopes.organization(id, loaded),
  needBuyer: (scopes, id, actor, loaded) => scopes.needBuyer(id, actor, loaded),
  offerEnterprise: (scopes, id, actor, loaded) => scopes.offerEnterprise(id, actor, loaded),
  offerBuyer: (scopes, id, actor, loaded) => scopes.offerBuyer(id, actor, loaded),
  partnership: (scopes, id, _actor, loaded) => scopes.partnership(id, loaded),
  impactReport: (scopes, id, actor, loaded) => scopes.impactReportPartnership(id, actor, loaded),
  introduction: (scopes, id, _actor, loaded) => scopes.introduction(id, loaded),
  introductionEnterprise: (scopes, id, _actor, loaded) => scopes.introductionEnterprise(id, loaded),
};
