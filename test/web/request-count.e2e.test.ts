import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace';
import { DEMO, signIn as signInAs, useWeb } from './support';

/**
 * The number of GraphQL requests a list page makes must not grow with the list: one query for the page,
 * with loaders batching what each row needs, never a request per row. Each page is counted with a small
 * data set and again after the test has added to it (needs, offers and enterprises through the API); the
 * counts must be equal. Public pages are rendered by the server, which asks its own /graphql: the browser's
 * requests are counted here (after the take-over they should be none), the server's are not.
 */
describe('GraphQL requests per page stay the same as the lists grow', () => {
  const web = useWeb();
  const tag = Math.random().toString(36).slice(2, 8);
  let admin = '';
  let buyer: SignedIn;
  let buyerOrg = '';
  const enterprises: { person: SignedIn; orgId: string }[] = [];
  const needIds: string[] = [];

  const organization = async (owner: SignedIn, kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE', name: string) => {
    const made = await createOrganization(web.baseUrl, owner.accessToken, { kind, name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' }, admin);
    if (!made.data) throw new Error(`creating ${name}: ${JSON.stringify(made.errors)}`);
    return made.data.createOrganization.organization.id;
  };
  const addEnterprise = async () => {
    const person = await register(web.baseUrl, `rc-${tag}-${enterprises.length}@socialt.example.se`);
    const orgId = await organization(person, 'SOCIAL_ENTERPRISE', `Räknelaget ${tag} ${enterprises.length + 1}`);
    const saved = await saveProfile(web.baseUrl, person.accessToken, profileInput(orgId));
    if (saved.errors) throw new Error(`profile: ${JSON.stringify(saved.errors)}`);
    enterprises.push({ person, orgId });
  };
  /** A published need of the test's buyer, with a submitted offer from each enterprise given. */
  const addNeed = async (offerers: { person: SignedIn; orgId: string }[]) => {
    const draft = (await createNeed(web.baseUrl, buyer.accessToken, needInput(buyerOrg, { title: `Lokalvård ${tag} nummer ${needIds.length + 1}` }))).data!.createNeed.need;
    const published = await needTransition(web.baseUrl, buyer.accessToken, 'publishNeed', draft.id, draft.version);
    if (published.errors) throw new Error(`publishing: ${JSON.stringify(published.errors)}`);
    needIds.push(draft.id);
    for (const { person, orgId } of offerers) {
      const offer = (
        await createOffer(web.baseUrl, person.accessToken, { needId: draft.id, enterpriseOrganizationId: orgId, message: 'Vi tar gärna uppdraget', priceSek: 450_000 })
      ).data!.createOffer.offer;
      const submitted = await offerAction(web.baseUrl, person.accessToken, 'submitOffer', offer.id, offer.version);
      if (submitted.errors) throw new Error(`submitting: ${JSON.stringify(submitted.errors)}`);
    }
  };

  async function signIn(page: Page, email: string) {
    await signInAs(page, email, PASSWORD);
  }

  /** The browser's GraphQL requests (over HTTP) while the page at `path` loads and settles. */
  async function count(page: Page, path: string, ready: (page: Page) => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (request: { url(): string; postData(): string | null }) => {
      if (new URL(request.url()).pathname !== '/graphql') return;
      const operation = /"operationName":"(\w+)"/.exec(request.postData() ?? '')?.[1] ?? /operationName=(\w+)/.exec(request.url())?.[1] ?? '?';
      seen.push(operation);
    };
    page.on('request', listener);
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    page.off('request', listener);
    return seen.sort();
  }

  /** Every page's requests, in one pass: public pages signed out, then the enterprise's and the buyer's. */
  async function measure(): Promise<Record<string, string[]>> {
    const visitor = await web.newPage();
    const enterprisePage = await web.newPage();
    await signIn(enterprisePage, enterprises[0].person.email);
    const buyerPage = await web.newPage();
    await signIn(buyerPage, buyer.email);
    return {
      '/behov': await count(visitor, '/behov', (p) => p.getByRole('heading', { level: 1 }).waitFor()),
      '/foretag': await count(visitor, '/foretag', (p) => p.getByRole('heading', { level: 1 }).waitFor()),
      '/anbud': await count(enterprisePage, '/anbud', (p) => p.getByRole('link', { name: `Lokalvård ${tag} nummer 1` }).waitFor()),
      '/mina-behov': await count(buyerPage, '/mina-behov', (p) => p.getByRole('link', { name: `Lokalvård ${tag} nummer 1` }).waitFor()),
      '/mina-behov/:needId': await count(buyerPage, `/mina-behov/${needIds[0]}`, (p) => p.getByRole('heading', { level: 2, name: /^Anbud/ }).waitFor()),
    };
  }

  beforeAll(async () => {
    admin = (await login(web.baseUrl, DEMO.administrator, web.demoPassword)).data!.login.accessToken;
    buyer = await register(web.baseUrl, `rc-${tag}@kommun.example.se`);
    buyerOrg = await organization(buyer, 'MUNICIPALITY', `Räknestad ${tag}`);
    await addEnterprise();
    await addNeed(enterprises);
    await addNeed(enterprises);
  });

  it('counts the same requests with 2 needs and 1 enterprise as with 6 needs and 3 enterprises', async () => {
    const small = await measure();
    await addEnterprise();
    await addEnterprise();
    // The first need gets an offer from each new enterprise; four more needs with an offer from each.
    for (const enterprise of enterprises.slice(1)) {
      const offer = (
        await createOffer(web.baseUrl, enterprise.person.accessToken, { needId: needIds[0], enterpriseOrganizationId: enterprise.orgId, message: 'Vi också', priceSek: 500_000 })
      ).data!.createOffer.offer;
      await offerAction(web.baseUrl, enterprise.person.accessToken, 'submitOffer', offer.id, offer.version);
    }
    for (let i = 0; i < 4; i += 1) await addNeed(enterprises);
    const large = await measure();
    console.log('GraphQL requests by page (small, then large):', JSON.stringify({ small, large }));
    expect(large).toEqual(small);
    // The signed-in pages ask at least their own query; none asks once per row.
    expect(small['/mina-behov/:needId'].length).toBeLessThanOrEqual(3);
  });
});
