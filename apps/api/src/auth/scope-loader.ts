import { Injectable } from '@nestjs/common';
import { NeedRepository, OfferRepository, OrganizationRepository } from '@samverka/database';
import { assertId, DomainError, type OrganizationScope } from '@samverka/domain';

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

  async needBuyer(needId: string, field = 'needId'): Promise<OrganizationScope> {
    const need = await this.needs.findById(assertId(needId, field));
    if (!need) throw DomainError.notFound('Need', needId);
    return this.organization(need.buyerOrganizationId);
  }

  async offerEnterprise(offerId: string, field = 'offerId'): Promise<OrganizationScope> {
    const offer = await this.offers.findById(assertId(offerId, field));
    if (!offer) throw DomainError.notFound('Offer', offerId);
    return this.organization(offer.enterpriseOrganizationId);
  }

  async offerBuyer(offerId: string, field = 'offerId'): Promise<OrganizationScope> {
    const offer = await this.offers.findById(assertId(offerId, field));
    if (!offer) throw DomainError.notFound('Offer', offerId);
    return this.needBuyer(offer.needId);
  }
}
