import type { INestApplication } from '@nestjs/common';
import { Database, NeedRepository, OfferRepository } from '@samverka/database';
import { auth, createOrganization, nextOrganisationsnummer, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { needInput, profileInput, saveProfile } from '../support/marketplace.js';

/** Nested fields are batched: a page of 100 needs costs as many SQL statements as a page of 10. */
describe('SQL statements per request', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let buyer: SignedIn;

  beforeAll(async () => {
    api = await startEmbeddedApi('statements');
    ({ app, url } = api);
    buyer = await register(url, 'inkopare@lund.se');
    const buyerOrg = (await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' })).data!.createOrganization.id;
    const enterpriseIds: string[] = [];
    for (const name of ['Ett ek. för.', 'Två ek. för.']) {
      const owner = await register(url, `${name.slice(0, 3).toLowerCase()}@socialt.se`);
      const id = (await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1281' })).data!.createOrganization.id;
      await saveProfile(url, owner.accessToken, profileInput(id));
      enterpriseIds.push(id);
    }
    // Data straight through the repositories: this test is about reading.
    const needs = app.get(NeedRepository);
    const offers = app.get(OfferRepository);
    const base = needInput(buyerOrg);
    for (let i = 0; i < 110; i += 1) {
      const need = await needs.create({
        title: `${base.title} ${i}`, description: base.description, cpvCodes: ['90919200-4'], sdgs: [8], municipalityCode: '1281', countyCode: '12',
        budgetMinSek: 100_000, budgetMaxSek: 500_000, form: 'PUBLIC_PROCUREMENT', wantedImpact: base.wantedImpact, responseDeadline: new Date(Date.now() + 86_400_000),
        buyerOrganizationId: buyerOrg, createdBy: buyer.userId,
      });
      await needs.updateIfVersion(need.id, need.version, { status: 'PUBLISHED', publishedAt: new Date() });
      for (const enterpriseId of enterpriseIds) {
        const offer = await offers.create({ needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud', priceSek: 300_000, proposedOutcomes: '', createdBy: null });
        await offers.updateIfVersion(offer.id, offer.version, { status: 'SUBMITTED', submittedAt: new Date() });
      }
    }
  });
  afterAll(async () => api?.stop());

  async function statementsFor(first: number): Promise<{ count: number; nodes: number; offers: number }> {
    const sql: string[] = [];
    const stop = app.get(Database).onStatement((statement) => sql.push(statement));
    try {
      const result = await gql<{ needs: { nodes: { offers: unknown[] }[] } }>(
        url,
        `{ needs(first: ${first}) { nodes { id title buyer { name } partnership { id } offers { id status enterprise { name profile { maxContractSek } } need { title } } } } }`,
        {},
        auth(buyer.accessToken),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.needs.nodes;
      return { count: sql.length, nodes: nodes.length, offers: nodes.reduce((n, need) => n + need.offers.length, 0) };
    } finally {
      stop();
    }
  }

  it('is the same for 10 and 100 needs with their buyer, offers, enterprises and profiles', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten).toMatchObject({ nodes: 10, offers: 20 });
    expect(hundred).toMatchObject({ nodes: 100, offers: 200 });
    expect(hundred.count).toBe(ten.count);
    expect(ten.count).toBeLessThan(20);
  });
});
