import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createNeed, createOffer, decide, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { allNotifications } from '../support/notifications.js';

const INVITE = `mutation($input: InviteToOfferInput!) { inviteToOffer(input: $input) { invitation { id organizationId message organization { id name } } need { id invitations { organizationId } } } }`;

/** The buyer's decisions told in words: a decline's reason, and invitations to offer. */
describe('buyer decisions (embedded mode)', () => {
  let api: EmbeddedApi;
  let url: string;
  let admin: string;
  let buyer: SignedIn;
  let otherBuyer: SignedIn;
  let enterprise: SignedIn;
  let buyerOrg: string;
  let enterpriseOrg: string;

  const organization = async (owner: SignedIn, kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE', name: string) =>
    (await createOrganization(url, owner.accessToken, { kind, name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' }, admin)).data!.createOrganization
      .organization.id;
  const publish = async () => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg))).data!.createNeed.need;
    return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
  };
  const invite = (token: string | null, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    gql<{
      inviteToOffer: { invitation: { id: string; organizationId: string; message: string; organization: { name: string } }; need: { invitations: { organizationId: string }[] } };
    }>(url, INVITE, { input }, { ...(token ? auth(token) : {}), ...headers });

  beforeAll(async () => {
    api = await startEmbeddedApi('buyer-decisions', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    url = api.url;
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    buyer = await register(url, 'inkopare@malmo.se');
    otherBuyer = await register(url, 'inkopare@lund.se');
    enterprise = await register(url, 'agare@socialt.se');
    buyerOrg = await organization(buyer, 'MUNICIPALITY', 'Malmö stad');
    await organization(otherBuyer, 'MUNICIPALITY', 'Lunds kommun');
    enterpriseOrg = await organization(enterprise, 'SOCIAL_ENTERPRISE', 'Städkooperativet');
    expect((await saveProfile(url, enterprise.accessToken, profileInput(enterpriseOrg))).errors).toBeUndefined();
  });
  afterAll(async () => api?.stop());

  describe('inviteToOffer', () => {
    it('refuses anyone but a member of the need’s buyer', async () => {
      const need = await publish();
      const input = { needId: need.id, organizationId: enterpriseOrg };
      expect((await invite(null, input)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await invite(otherBuyer.accessToken, input)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await invite(enterprise.accessToken, input)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await invite(admin, input)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await allNotifications(url, enterprise.accessToken)).filter((n) => n.subjectId === need.id && n.kind === 'OFFER_INVITED')).toEqual([]);
    });

    it('checks the message, the enterprise and the need, naming the field in Swedish', async () => {
      const need = await publish();
      const long = await invite(buyer.accessToken, { needId: need.id, organizationId: enterpriseOrg, message: 'x'.repeat(1001) });
      expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(long.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['message'], code: 'TOO_LONG' })]);
      const notEnterprise = await invite(buyer.accessToken, { needId: need.id, organizationId: buyerOrg });
      expect(notEnterprise.errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ path: ['organizationId'], code: 'NOT_ALLOWED', message: 'Du kan bara bjuda in ett socialt företag.' }),
      ]);
      const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg))).data!.createNeed.need;
      const unpublished = await invite(buyer.accessToken, { needId: draft.id, organizationId: enterpriseOrg });
      expect(unpublished.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(unpublished.errors?.[0].message).toBe('Du kan bara bjuda in till ett publicerat behov. Behovet är ett utkast.');
    });

    it('tells the enterprise, shows the invitation on the need, and refuses a second one', async () => {
      const need = await publish();
      const made = await invite(buyer.accessToken, { needId: need.id, organizationId: enterpriseOrg, message: '  Ni passar bra för det här.  ' });
      expect(made.errors).toBeUndefined();
      expect(made.data!.inviteToOffer.invitation).toMatchObject({
        organizationId: enterpriseOrg,
        message: 'Ni passar bra för det här.',
        organization: { name: 'Städkooperativet' },
      });
      expect(made.data!.inviteToOffer.need.invitations).toEqual([{ organizationId: enterpriseOrg }]);

      const told = (await allNotifications(url, enterprise.accessToken)).filter((n) => n.subjectId === need.id && n.kind === 'OFFER_INVITED');
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ subjectType: 'need', title: `Malmö stad bjuder in er att lämna anbud på ${need.title}` });
      expect(told[0].body).toContain('Köparens meddelande: Ni passar bra för det här.');

      const again = await invite(buyer.accessToken, { needId: need.id, organizationId: enterpriseOrg });
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0].message).toBe('Företaget är redan inbjudet till det här behovet.');
      expect((await allNotifications(url, enterprise.accessToken)).filter((n) => n.subjectId === need.id && n.kind === 'OFFER_INVITED')).toHaveLength(1);

      // Only those who see the matches see the invitations.
      const read = (token: string) =>
        gql<{ need: { invitations: unknown[] | null } }>(url, `query($id: ID!) { need(id: $id) { invitations { organizationId } } }`, { id: need.id }, auth(token));
      expect((await read(buyer.accessToken)).data!.need.invitations).toHaveLength(1);
      expect((await read(enterprise.accessToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('declineOffer', () => {
    it('needs a reason, keeps it on the offer for the enterprise, and tells it in the notification', async () => {
      const need = await publish();
      const draft = (await createOffer(url, enterprise.accessToken, { needId: need.id, enterpriseOrganizationId: enterpriseOrg, message: 'Vi tar uppdraget', priceSek: 400_000 }))
        .data!.createOffer.offer;
      expect((await offerAction(url, enterprise.accessToken, 'submitOffer', draft.id, draft.version)).errors).toBeUndefined();

      const blank = await decide(url, buyer.accessToken, 'declineOffer', draft.id, '   ');
      expect(blank.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['reason'], code: 'REQUIRED', message: 'Fyll i fältet.' })]);
      const long = await decide(url, buyer.accessToken, 'declineOffer', draft.id, 'x'.repeat(1001));
      expect(long.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['reason'], code: 'TOO_LONG' })]);

      expect((await decide(url, buyer.accessToken, 'declineOffer', draft.id, 'Priset är över vår budget.')).errors).toBeUndefined();
      const seen = (token: string) =>
        gql<{ offer: { status: string; declineReason: string | null } }>(url, `query($id: ID!) { offer(id: $id) { status declineReason } }`, { id: draft.id }, auth(token));
      expect((await seen(enterprise.accessToken)).data!.offer).toEqual({ status: 'DECLINED', declineReason: 'Priset är över vår budget.' });
      expect((await seen(buyer.accessToken)).data!.offer.declineReason).toBe('Priset är över vår budget.');

      const told = (await allNotifications(url, enterprise.accessToken)).filter((n) => n.subjectId === draft.id && n.kind === 'OFFER_STATUS_CHANGED');
      expect(told).toHaveLength(1);
      expect(told[0].body).toBe('Köparens motivering: Priset är över vår budget.');
    });
  });
});
