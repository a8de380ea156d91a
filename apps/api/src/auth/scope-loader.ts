import { Injectable } from '@nestjs/common';
import { NeedRepository, OfferRepository, OrganizationRepository } from '@samverka/database';
import { assertId, DomainError, needVisibleTo, offerVisibleTo, type Actor, type OrganizationScope } from '@samverka/domain';

/** Loads what a rule needs to know about the record an operation concerns. */
@Injectable()
export class ScopeLoader {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
  ) {}

  async organization(id: string, field = 'organizationId'): Promise<OrganizationScope> {
    const organization = await this.organizations.findById(assertId(id, field));
    if (!organization) throw DomainError.notFound('Organisation', id);
    return { organizationId: organization.id, countyCode: organization.countyCode };
  }

  /** The buyer of a need the actor may see; a hidden need answers as an unknown one. */
  async needBuyer(needId: string, actor: Actor, field = 'needId'): Promise<OrganizationScope> {
    const need = await this.needs.findById(assertId(needId, field));
    if (!need || !needVisibleTo(actor, need)) throw DomainError.notFound('Need', needId);
    return this.organization(need.buyerOrganizationId);
  }

  async offerEnterprise(offerId: string, actor: Actor, field = 'offerId'): Promise<OrganizationScope> {
    const { offer } = await this.visibleOffer(offerId, actor, field);
    return this.organization(offer.enterpriseOrganizationId);
  }

  async offerBuyer(offerId: string, actor: Actor, field = 'offerId'): Promise<OrganizationScope> {
    const { need } = await this.visibleOffer(offerId, actor, field);
    return this.organization(need.buyerOrganizationId);
  }

  /** An offer the actor may see (a draft is the enterprise's own); a hidden one answers as unknown. */
  private async visibleOffer(offerId: string, actor: Actor, field: string) {
    const offer = await this.offers.findById(assertId(offerId, field));
    const need = offer ? await this.needs.findById(offer.needId) : null;
    if (!offer || !need || !offerVisibleTo(actor, offer, need)) throw DomainError.notFound('Offer', offerId);
    return { offer, need };
  }
}
