import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { accept, createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
/** The dotted paths of an error's field problems. */
const pathsOf = (extensions: Record<string, unknown> | undefined) => (extensions?.fields as { path: (string | number)[] }[] | undefined)?.map((f) => f.path.join('.'));
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

interface IntroductionShape {
  id: string;
  version: number;
  status: string;
  note: string;
  responseNote: string;
  countyCode: string;
  respondedAt: string | null;
  need: { id: string } | null;
  enterprise: { id: string };
  coordinator: { id: string; displayName: string } | null;
}
const INTRODUCTION_FIELDS = 'id version status note responseNote countyCode respondedAt need { id } enterprise { id } coordinator { id displayName }';

interface PartnershipShape {
  id: string;
  version: number;
  status: string;
  title: string;
  countyCode: string;
  municipalityCode: string | null;
  startsOn: string;
  endsOn: string | null;
  endedAt: string | null;
  endReason: string | null;
  reportEveryMonths: number | null;
  targetsStatus: string | null;
  buyerPublic: boolean | null;
  enterprisePublic: boolean | null;
  publicSummary: string | null;
  cpvCodes: string[];
  sdgs: number[];
  brokeredBy: { id: string } | null;
  introduction: { id: string; status: string } | null;
  need: { id: string } | null;
}
const PARTNERSHIP_FIELDS =
  'id version status title countyCode municipalityCode startsOn endsOn endedAt endReason reportEveryMonths targetsStatus buyerPublic enterprisePublic publicSummary cpvCodes sdgs brokeredBy { id } introduction { id status } need { id }';

/**
 * Coordinators' introductions, partnerships from an award or a brokered agreement, their end, and the
 * public library of good examples, on the embedded API. Notifications are read from the notification
 * table: the right people are told, and no one else.
 */
describe('brokering: introductions, partnerships and good examples (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let db: Database;
  let admin: Record<string, string>;
  let buyer: SignedIn;
  let colleague: SignedIn;
  let buyerOrg: string;
  let otherBuyer: SignedIn;
  let otherBuyerOrg: string;
  let coordinator: SignedIn;
  let farCoordinator: SignedIn;
  let outsider: SignedIn;
  /** a: work-integrating (may answer reserved contracts), with an owner and a member; b: an ordinary company. */
  const enterprises = {} as Record<'a' | 'b', { owner: SignedIn; member?: SignedIn; orgId: string }>;

  const publishNeed = async (overrides: Record<string, unknown> = {}) => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
    return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
  };
  const introduce = (token: string, needId: string, enterpriseOrganizationId: string, note = 'Städkooperativet har lång erfarenhet av lokalvård med arbetsträning.') =>
    mutate<{ introduceEnterprise: { introduction: IntroductionShape } }>(
      url,
      'introduceEnterprise',
      { needId, enterpriseOrganizationId, note },
      `introduction { ${INTRODUCTION_FIELDS} }`,
      auth(token),
    );
  const respond = (token: string, introductionId: string, version: number, acceptIt: boolean, note?: string) =>
    mutate<{ respondToIntroduction: { introduction: IntroductionShape } }>(
      url,
      'respondToIntroduction',
      { introductionId, version, accept: acceptIt, note },
      `introduction { ${INTRODUCTION_FIELDS} }`,
      auth(token),
    );
  const withdraw = (token: string, introductionId: string, version: number) =>
    mutate<{ withdrawIntroduction: { introduction: IntroductionShape } }>(
      url,
      'withdrawIntroduction',
      { introductionId, version },
      `introduction { ${INTRODUCTION_FIELDS} }`,
      auth(token),
    );
  const partnership = (id: string, headers: Record<string, string>) =>
    gql<{ partnership: PartnershipShape }>(url, `query($id: ID!) { partnership(id: $id) { ${PARTNERSHIP_FIELDS} } }`, { id }, headers);
  const createPartnership = (token: string, input: Record<string, unknown>) =>
    mutate<{ createPartnership: { partnership: PartnershipShape } }>(url, 'createPartnership', input, `partnership { ${PARTNERSHIP_FIELDS} }`, auth(token));
  const endPartnership = (token: string, mutation: 'completePartnership' | 'terminatePartnership', partnershipId: string, version: number, text?: string) =>
    mutate<Record<string, { partnership: PartnershipShape }>>(
      url,
      mutation,
      { partnershipId, version, ...(mutation === 'completePartnership' ? { note: text } : { reason: text }) },
      `partnership { ${PARTNERSHIP_FIELDS} }`,
      auth(token),
    );
  const setPublic = (token: string, partnershipId: string, isPublic: boolean, summary?: string, extra: { v?: number; party?: string } = {}) =>
    mutate<{ setPartnershipPublic: { partnership: PartnershipShape } }>(
      url,
      'setPartnershipPublic',
      { partnershipId, public: isPublic, summary, party: extra.party, version: extra.v },
      `partnership { ${PARTNERSHIP_FIELDS} }`,
      auth(token),
    );
  /** A brokered agreement between the buyer and enterprise a, recorded by the coordinator. */
  const brokered = async (overrides: Record<string, unknown> = {}) => {
    const result = await createPartnership(coordinator.accessToken, {
      buyerOrganizationId: buyerOrg,
      enterpriseOrganizationId: enterprises.a.orgId,
      title: 'Återbruk av möbler i Malmös skolor',
      description: 'Kooperativet tar hand om uttjänta skolmöbler, renoverar dem och ställer ut dem igen.',
      cpvCodes: ['39160000'],
      sdgs: [12, 8],
      municipalityCode: '1280',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      reportEveryMonths: 6,
      ...overrides,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createPartnership.partnership;
  };

  /** Who received a notification of `kind` about `subjectId`. */
  const told = async (kind: string, subjectId: string): Promise<string[]> =>
    (await db.dataSource.query(`SELECT user_id FROM notification WHERE kind = $1 AND subject_id = $2 ORDER BY user_id`, [kind, subjectId])).map(
      (r: { user_id: string }) => r.user_id,
    );
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    api = await startEmbeddedApi('brokering', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    db = app.get(Database);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);

    buyer = await register(url, 'inkopare@malmo.se', 'Inköpare Malmö');
    colleague = await register(url, 'kollega@malmo.se', 'Kollega Malmö');
    const verifiedBy = admin.authorization.slice(7);
    buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, verifiedBy)
    ).data!.createOrganization.organization.id;
    await acceptInvitation(url, colleague.accessToken, (await invite(url, buyer.accessToken, buyerOrg, colleague.email)).data!.inviteMember.token);
    otherBuyer = await register(url, 'inkopare@lund.se');
    otherBuyerOrg = (
      await createOrganization(
        url,
        otherBuyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' },
        verifiedBy,
      )
    ).data!.createOrganization.organization.id;

    const ownerA = await register(url, 'agare@stadkooperativet.se', 'Ägare A');
    const memberA = await register(url, 'medlem@stadkooperativet.se', 'Medlem A');
    const orgA = (
      await createOrganization(
        url,
        ownerA.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städkooperativet Malmö ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        verifiedBy,
      )
    ).data!.createOrganization.organization.id;
    await acceptInvitation(url, memberA.accessToken, (await invite(url, ownerA.accessToken, orgA, memberA.email)).data!.inviteMember.token);
    expect((await saveProfile(url, ownerA.accessToken, profileInput(orgA))).errors).toBeUndefined();
    enterprises.a = { owner: ownerA, member: memberA, orgId: orgA };
    const ownerB = await register(url, 'agare@putsbolaget.se');
    const orgB = (
      await createOrganization(
        url,
        ownerB.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Putsbolaget AB',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        verifiedBy,
      )
    ).data!.createOrganization.organization.id;
    expect(
      (await saveProfile(url, ownerB.accessToken, profileInput(orgB, { workIntegrating: false, farFromLabourMarketShare: null, ideburen: false, legalForm: 'AKTIEBOLAG' }))).errors,
    ).toBeUndefined();
    enterprises.b = { owner: ownerB, orgId: orgB };

    coordinator = await register(url, 'samordnare@skane.se', 'Samordnare Skåne');
    farCoordinator = await register(url, 'samordnare@stockholm.se', 'Samordnare Stockholm');
    outsider = await register(url, 'utomstaende@exempel.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    expect((await gql(url, setRole, { input: { userId: coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, admin)).errors).toBeUndefined();
    expect((await gql(url, setRole, { input: { userId: farCoordinator.userId, role: 'COORDINATOR', countyCodes: ['01'] } }, admin)).errors).toBeUndefined();
  });
  afterAll(async () => api?.stop());

  it('introduces an enterprise, which accepts and offers; the award links the partnership to the introduction and its coordinator', async () => {
    const need = await publishNeed({ title: 'Lokalvård av förskolor i Limhamn' });
    const made = await introduce(coordinator.accessToken, need.id, enterprises.a.orgId);
    expect(made.errors).toBeUndefined();
    const introduction = made.data!.introduceEnterprise.introduction;
    expect(introduction).toMatchObject({
      status: 'PROPOSED',
      countyCode: '12',
      need: { id: need.id },
      enterprise: { id: enterprises.a.orgId },
      coordinator: { id: coordinator.userId, displayName: 'Samordnare Skåne' },
      responseNote: '',
      respondedAt: null,
    });

    // Both sides are told; the coordinator, the other enterprise and outsiders are not.
    expect(await told('INTRODUCTION_RECEIVED', introduction.id)).toEqual(sorted(enterprises.a.owner.userId, enterprises.a.member!.userId));
    expect(await told('INTRODUCTION_MADE', introduction.id)).toEqual(sorted(buyer.userId, colleague.userId));
    const [received] = await db.dataSource.query(`SELECT title_sv, title_en, body_sv FROM notification WHERE kind = 'INTRODUCTION_RECEIVED' AND subject_id = $1 LIMIT 1`, [
      introduction.id,
    ]);
    expect(received.title_sv).toContain('Städkooperativet Malmö ek. för.');
    expect(received.title_sv).toContain('Lokalvård av förskolor i Limhamn');
    expect(received.title_en).toContain('is proposed for the need');
    expect(received.body_sv).toContain('lång erfarenhet');

    // The buyer, the region's coordinators and administrators see the need's introductions; others get null and FORBIDDEN.
    const onNeed = (headers: Record<string, string>) =>
      gql<{ need: { introductions: { id: string }[] | null } }>(url, `{ need(id: "${need.id}") { id introductions { id } } }`, {}, headers);
    for (const headers of [auth(buyer.accessToken), auth(coordinator.accessToken), admin]) {
      expect((await onNeed(headers)).data!.need.introductions).toEqual([{ id: introduction.id }]);
    }
    for (const headers of [auth(enterprises.a.owner.accessToken), auth(farCoordinator.accessToken), auth(outsider.accessToken)]) {
      const result = await onNeed(headers);
      expect({ code: codeOf(result.errors), introductions: result.data!.need.introductions }).toEqual({ code: 'FORBIDDEN', introductions: null });
    }
    // The enterprise sees its own; another enterprise does not.
    const ofOrganization = (token: string, orgId: string, status = '') =>
      gql<{ organization: { introductions: { totalCount: number; nodes: { id: string }[] } | null } }>(
        url,
        `{ organization(id: "${orgId}") { introductions${status} { totalCount nodes { id } } } }`,
        {},
        auth(token),
      );
    expect((await ofOrganization(enterprises.a.member!.accessToken, enterprises.a.orgId)).data!.organization.introductions!.nodes).toEqual([{ id: introduction.id }]);
    expect((await ofOrganization(enterprises.a.member!.accessToken, enterprises.a.orgId, '(status: DECLINED)')).data!.organization.introductions!.totalCount).toBe(0);
    expect(codeOf((await ofOrganization(enterprises.b.owner.accessToken, enterprises.a.orgId)).errors)).toBe('FORBIDDEN');
    const single = (headers: Record<string, string>) => gql(url, `{ introduction(id: "${introduction.id}") { id note } }`, {}, headers);
    expect((await single(auth(enterprises.a.owner.accessToken))).errors).toBeUndefined();
    expect((await single(auth(buyer.accessToken))).errors).toBeUndefined();
    // To anyone else it is as if it did not exist: null, no error.
    for (const headers of [auth(enterprises.b.owner.accessToken), auth(farCoordinator.accessToken), {}]) {
      expect(await single(headers)).toEqual({ status: 200, data: { introduction: null } });
    }

    // Only the enterprise answers: not the buyer, not the coordinator.
    expect(codeOf((await respond(buyer.accessToken, introduction.id, introduction.version, true)).errors)).toBe('FORBIDDEN');
    expect(codeOf((await respond(coordinator.accessToken, introduction.id, introduction.version, true)).errors)).toBe('FORBIDDEN');
    const accepted = (await respond(enterprises.a.member!.accessToken, introduction.id, introduction.version, true, 'Gärna, vi lämnar anbud.')).data!.respondToIntroduction
      .introduction;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', responseNote: 'Gärna, vi lämnar anbud.', version: introduction.version + 1 });
    expect(accepted.respondedAt).not.toBeNull();
    expect(await told('INTRODUCTION_ANSWERED', introduction.id)).toEqual(sorted(coordinator.userId, buyer.userId, colleague.userId));
    // Accepted once: the same answer again is a conflict.
    expect(codeOf((await respond(enterprises.a.owner.accessToken, introduction.id, accepted.version, true)).errors)).toBe('CONFLICT');

    // Invited to offer, the enterprise offers as usual; the buyer accepts.
    const offer = (
      await createOffer(url, enterprises.a.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprises.a.orgId, message: 'Vårt anbud', priceSek: 480_000 })
    ).data!.createOffer.offer;
    await offerAction(url, enterprises.a.owner.accessToken, 'submitOffer', offer.id, offer.version);
    const award = await accept(url, buyer.accessToken, offer.id);
    expect(award.errors).toBeUndefined();
    const partnershipId = award.data!.acceptOffer.partnership.id;
    const linked = (await partnership(partnershipId, auth(buyer.accessToken))).data!.partnership;
    expect(linked).toMatchObject({
      status: 'ACTIVE',
      title: 'Lokalvård av förskolor i Limhamn',
      introduction: { id: introduction.id, status: 'ACCEPTED' },
      brokeredBy: { id: coordinator.userId },
      need: { id: need.id },
      targetsStatus: 'NONE',
      reportEveryMonths: 3,
      buyerPublic: false,
      enterprisePublic: false,
    });
    // Both parties and the brokering coordinator hear of it; the buyer who accepted does not.
    expect(await told('PARTNERSHIP_STARTED', partnershipId)).toEqual(sorted(colleague.userId, enterprises.a.owner.userId, enterprises.a.member!.userId, coordinator.userId));

    // The region's coordinator reads it; to another region's and to outsiders the lookup answers null; the award's facts stay public through its need, the rest does not.
    expect((await partnership(partnershipId, auth(coordinator.accessToken))).errors).toBeUndefined();
    for (const headers of [auth(farCoordinator.accessToken), auth(enterprises.b.owner.accessToken), {}]) {
      expect(await partnership(partnershipId, headers)).toEqual({ status: 200, data: { partnership: null } });
    }
    const publicView = (headers: Record<string, string>) =>
      gql<{ need: { partnership: { id: string; status: string; brokeredBy: unknown; endReason: unknown } } }>(
        url,
        `{ need(id: "${need.id}") { partnership { id status brokeredBy { id } endReason } } }`,
        {},
        headers,
      );
    for (const [headers, code] of [
      [{}, 'UNAUTHENTICATED'],
      [auth(enterprises.b.owner.accessToken), 'FORBIDDEN'],
    ] as const) {
      const seen = await publicView(headers);
      expect({ code: codeOf(seen.errors), partnership: seen.data!.need.partnership }).toEqual({
        code,
        partnership: { id: partnershipId, status: 'ACTIVE', brokeredBy: null, endReason: null },
      });
    }
    expect((await publicView(auth(colleague.accessToken))).data!.need.partnership).toMatchObject({ brokeredBy: { id: coordinator.userId }, endReason: '' });
  });

  it('lets the enterprise decline, and then a new introduction of the same pair be made', async () => {
    const need = await publishNeed({ title: 'Fönsterputs i Husie' });
    const first = (await introduce(coordinator.accessToken, need.id, enterprises.a.orgId)).data!.introduceEnterprise.introduction;
    const declined = await respond(enterprises.a.owner.accessToken, first.id, first.version, false, 'Vi har inte kapacitet i höst.');
    expect(declined.data!.respondToIntroduction.introduction).toMatchObject({ status: 'DECLINED', responseNote: 'Vi har inte kapacitet i höst.' });
    expect(await told('INTRODUCTION_ANSWERED', first.id)).toEqual(sorted(coordinator.userId, buyer.userId, colleague.userId));
    const [answer] = await db.dataSource.query(`SELECT title_sv, title_en, body_en FROM notification WHERE kind = 'INTRODUCTION_ANSWERED' AND subject_id = $1 LIMIT 1`, [first.id]);
    expect(answer.title_sv).toMatch(/tackade nej.*Fönsterputs i Husie/);
    expect(answer.title_en).toMatch(/declined.*Fönsterputs i Husie/);
    expect(answer.body_en).toContain('Vi har inte kapacitet i höst.');
    // Declined: no way back to accepted, no withdrawal.
    expect(codeOf((await respond(enterprises.a.owner.accessToken, first.id, first.version + 1, true)).errors)).toBe('CONFLICT');
    expect(codeOf((await withdraw(coordinator.accessToken, first.id, first.version + 1)).errors)).toBe('CONFLICT');
    // No open introduction of the pair is left, so a new one may follow.
    const second = await introduce(coordinator.accessToken, need.id, enterprises.a.orgId, 'Nu när hösten är över kanske det passar?');
    expect(second.errors).toBeUndefined();
    expect(second.data!.introduceEnterprise.introduction.status).toBe('PROPOSED');
  });

  it('keeps coordinators to their regions, and withdraws an unanswered introduction', async () => {
    const need = await publishNeed({ title: 'Trappstädning i Rosengård' });
    expect(codeOf((await introduce(farCoordinator.accessToken, need.id, enterprises.a.orgId)).errors)).toBe('FORBIDDEN');
    expect(codeOf((await introduce(admin.authorization.slice(7), need.id, enterprises.a.orgId)).errors)).toBe('FORBIDDEN');
    expect(codeOf((await introduce(buyer.accessToken, need.id, enterprises.a.orgId)).errors)).toBe('FORBIDDEN');
    const introduction = (await introduce(coordinator.accessToken, need.id, enterprises.a.orgId)).data!.introduceEnterprise.introduction;
    expect(codeOf((await withdraw(farCoordinator.accessToken, introduction.id, introduction.version)).errors)).toBe('FORBIDDEN');
    expect(codeOf((await withdraw(enterprises.a.owner.accessToken, introduction.id, introduction.version)).errors)).toBe('FORBIDDEN');
    // A stale version is refused, as everywhere.
    expect((await withdraw(coordinator.accessToken, introduction.id, introduction.version - 1)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
    });
    const withdrawn = (await withdraw(coordinator.accessToken, introduction.id, introduction.version)).data!.withdrawIntroduction.introduction;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(codeOf((await respond(enterprises.a.owner.accessToken, withdrawn.id, withdrawn.version, true)).errors)).toBe('CONFLICT');
    expect(await told('INTRODUCTION_ANSWERED', introduction.id)).toEqual([]);
  });

  it('refuses ineligible enterprises, other organisations, closed needs, duplicates and stale versions', async () => {
    const reserved = await publishNeed({ title: 'Reserverad lokalvård', form: 'RESERVED_CONTRACT' });
    const ineligible = await introduce(coordinator.accessToken, reserved.id, enterprises.b.orgId);
    expect(ineligible.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          {
            path: ['enterpriseOrganizationId'],
            code: 'NOT_ALLOWED',
            message:
              'Ett reserverat kontrakt (LOU 4 kap. 18 §) är bara för arbetsintegrerande företag där minst 30 % av de anställda står långt från arbetsmarknaden. Profilen är inte markerad som arbetsintegrerande.',
          },
        ],
      },
    });
    expect((await introduce(coordinator.accessToken, reserved.id, buyerOrg)).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['enterpriseOrganizationId'] }] },
    });
    expect((await introduce(coordinator.accessToken, reserved.id, enterprises.a.orgId, '   ')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['note'] }] },
    });
    expect((await introduce(coordinator.accessToken, reserved.id, enterprises.a.orgId, 'x'.repeat(2_001))).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['note'] }] },
    });

    const made = (await introduce(coordinator.accessToken, reserved.id, enterprises.a.orgId)).data!.introduceEnterprise.introduction;
    const duplicate = await introduce(coordinator.accessToken, reserved.id, enterprises.a.orgId);
    expect(duplicate.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Företaget har redan en öppen introduktion till behovet. Den behöver avböjas eller återkallas innan du gör en ny.',
    });
    // Two coordinators at the same moment: the unique index lets one through.
    const other = await publishNeed({ title: 'Samtidiga introduktioner' });
    const both = await Promise.all([introduce(coordinator.accessToken, other.id, enterprises.a.orgId), introduce(coordinator.accessToken, other.id, enterprises.a.orgId)]);
    expect(both.map((r) => codeOf(r.errors) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);

    // The enterprise answers on a stale version: refused.
    expect((await respond(enterprises.a.owner.accessToken, made.id, made.version + 5, true)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
    });

    // A closed need takes no introductions, and an open one can then only be declined.
    const closing = await publishNeed({ title: 'Snart stängt behov' });
    const open = (await introduce(coordinator.accessToken, closing.id, enterprises.a.orgId)).data!.introduceEnterprise.introduction;
    const closed = (await needTransition(url, buyer.accessToken, 'closeNeed', closing.id, closing.version)).data!.closeNeed.need;
    expect(closed.status).toBe('CLOSED');
    expect(codeOf((await introduce(coordinator.accessToken, closing.id, enterprises.b.orgId)).errors)).toBe('CONFLICT');
    expect((await respond(enterprises.a.owner.accessToken, open.id, open.version, true)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Behovet är stängt och tar inte emot anbud. Du kan bara tacka nej till introduktionen.',
    });
    expect((await respond(enterprises.a.owner.accessToken, open.id, open.version, false)).data!.respondToIntroduction.introduction.status).toBe('DECLINED');
    // A draft is not the coordinator's to see.
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Utkast' }))).data!.createNeed.need;
    expect(codeOf((await introduce(coordinator.accessToken, draft.id, enterprises.a.orgId)).errors)).toBe('NOT_FOUND');
  });

  it('records a brokered agreement from an accepted introduction, and checks what it is given', async () => {
    const need = await publishNeed({ title: 'Möbelåterbruk för skolor' });
    const introduction = (await introduce(coordinator.accessToken, need.id, enterprises.a.orgId)).data!.introduceEnterprise.introduction;
    // Not yet accepted: no agreement from it.
    expect(
      codeOf(
        (
          await createPartnership(coordinator.accessToken, {
            buyerOrganizationId: buyerOrg,
            enterpriseOrganizationId: enterprises.a.orgId,
            title: 'För tidigt',
            introductionId: introduction.id,
          })
        ).errors,
      ),
    ).toBe('CONFLICT');
    await respond(enterprises.a.owner.accessToken, introduction.id, introduction.version, true);
    // Of other parties: refused.
    expect(
      (
        await createPartnership(coordinator.accessToken, {
          buyerOrganizationId: buyerOrg,
          enterpriseOrganizationId: enterprises.b.orgId,
          title: 'Fel part',
          introductionId: introduction.id,
        })
      ).errors?.[0],
    ).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['introductionId'] }] } });

    const created = await brokered({ introductionId: introduction.id });
    expect(created).toMatchObject({
      status: 'ACTIVE',
      countyCode: '12',
      municipalityCode: '1280',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      endedAt: null,
      reportEveryMonths: 6,
      cpvCodes: ['39160000-1'],
      sdgs: [8, 12],
      brokeredBy: { id: coordinator.userId },
      introduction: { id: introduction.id },
      need: { id: need.id },
    });
    expect(await told('PARTNERSHIP_STARTED', created.id)).toEqual(sorted(buyer.userId, colleague.userId, enterprises.a.owner.userId, enterprises.a.member!.userId));
    // The introduction leads to it, for the coordinator and the enterprise alike.
    for (const token of [coordinator.accessToken, enterprises.a.owner.accessToken]) {
      const read = await gql<{ introduction: { partnership: { id: string } | null } }>(url, `{ introduction(id: "${introduction.id}") { partnership { id } } }`, {}, auth(token));
      expect(read.data?.introduction.partnership).toEqual({ id: created.id });
    }
    const audit = await db.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [created.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['partnership.created']);
    // One partnership per introduction.
    expect(
      codeOf(
        (
          await createPartnership(coordinator.accessToken, {
            buyerOrganizationId: buyerOrg,
            enterpriseOrganizationId: enterprises.a.orgId,
            title: 'Igen',
            introductionId: introduction.id,
          })
        ).errors,
      ),
    ).toBe('CONFLICT');

    // Without an introduction, with defaults.
    const plain = await brokered({ title: 'Caféverksamhet i stadshuset', cpvCodes: [], sdgs: [], municipalityCode: null, startsOn: null, endsOn: null, reportEveryMonths: null });
    expect(plain).toMatchObject({ municipalityCode: null, reportEveryMonths: 3, introduction: null, need: null, brokeredBy: { id: coordinator.userId } });
    expect(plain.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const refused = async (overrides: Record<string, unknown>, field: string) => {
      const extensions = (
        await createPartnership(coordinator.accessToken, { buyerOrganizationId: buyerOrg, enterpriseOrganizationId: enterprises.a.orgId, title: 'Prövning', ...overrides })
      ).errors?.[0]?.extensions;
      expect({ field, code: extensions?.code, paths: pathsOf(extensions) }).toEqual({ field, code: 'BAD_USER_INPUT', paths: [field] });
    };
    await refused({ title: '' }, 'title');
    await refused({ municipalityCode: '0180' }, 'municipalityCode');
    await refused({ startsOn: '2026-02-30' }, 'startsOn');
    await refused({ startsOn: '2026-06-01', endsOn: '2026-05-31' }, 'endsOn');
    await refused({ reportEveryMonths: 2 }, 'reportEveryMonths');
    await refused({ cpvCodes: ['99999999'] }, 'cpvCodes');
    await refused({ sdgs: [18] }, 'sdgs');
    await refused({ enterpriseOrganizationId: otherBuyerOrg }, 'enterpriseOrganizationId');
    await refused({ buyerOrganizationId: enterprises.b.orgId }, 'buyerOrganizationId');

    // Only a coordinator of the buyer's region records agreements.
    const input = { buyerOrganizationId: buyerOrg, enterpriseOrganizationId: enterprises.a.orgId, title: 'Obehörig' };
    for (const token of [farCoordinator.accessToken, admin.authorization.slice(7), buyer.accessToken, enterprises.a.owner.accessToken]) {
      expect(codeOf((await createPartnership(token, input)).errors)).toBe('FORBIDDEN');
    }
  });

  it('completes and terminates partnerships, telling the other party and the coordinator', async () => {
    const toComplete = await brokered({ title: 'Skolmöbler, första året' });
    expect(codeOf((await endPartnership(enterprises.a.owner.accessToken, 'completePartnership', toComplete.id, toComplete.version)).errors)).toBe('FORBIDDEN');
    expect(codeOf((await endPartnership(coordinator.accessToken, 'completePartnership', toComplete.id, toComplete.version)).errors)).toBe('FORBIDDEN');
    expect((await endPartnership(buyer.accessToken, 'completePartnership', toComplete.id, toComplete.version - 1)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
    });
    const completed = (await endPartnership(buyer.accessToken, 'completePartnership', toComplete.id, toComplete.version, 'Allt levererat enligt avtal.')).data!.completePartnership
      .partnership;
    expect(completed).toMatchObject({ status: 'COMPLETED', endReason: 'Allt levererat enligt avtal.', version: toComplete.version + 1 });
    expect(completed.endedAt).not.toBeNull();
    expect(await told('PARTNERSHIP_ENDED', completed.id)).toEqual(sorted(enterprises.a.owner.userId, enterprises.a.member!.userId, coordinator.userId));
    expect(codeOf((await endPartnership(buyer.accessToken, 'completePartnership', completed.id, completed.version)).errors)).toBe('CONFLICT');
    expect(codeOf((await endPartnership(enterprises.a.owner.accessToken, 'terminatePartnership', completed.id, completed.version, 'Sent')).errors)).toBe('CONFLICT');

    const toTerminate = await brokered({ title: 'Skolmöbler, andra året' });
    expect((await endPartnership(enterprises.a.owner.accessToken, 'terminatePartnership', toTerminate.id, toTerminate.version, '  ')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['reason'] }] },
    });
    expect(codeOf((await endPartnership(farCoordinator.accessToken, 'terminatePartnership', toTerminate.id, toTerminate.version, 'Nej')).errors)).toBe('FORBIDDEN');
    expect(codeOf((await endPartnership(outsider.accessToken, 'terminatePartnership', toTerminate.id, toTerminate.version, 'Nej')).errors)).toBe('FORBIDDEN');
    const terminated = (await endPartnership(enterprises.a.member!.accessToken, 'terminatePartnership', toTerminate.id, toTerminate.version, 'Lokalerna brann ner.')).data!
      .terminatePartnership.partnership;
    expect(terminated).toMatchObject({ status: 'TERMINATED', endReason: 'Lokalerna brann ner.' });
    expect(await told('PARTNERSHIP_ENDED', terminated.id)).toEqual(sorted(buyer.userId, colleague.userId, coordinator.userId));
    const [message] = await db.dataSource.query(`SELECT title_sv, body_sv FROM notification WHERE kind = 'PARTNERSHIP_ENDED' AND subject_id = $1 LIMIT 1`, [terminated.id]);
    expect(message.title_sv).toContain('Skolmöbler, andra året');
    expect(message.body_sv).toContain('Lokalerna brann ner.');
    const actions = (
      await db.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = ANY($1::text[]) ORDER BY occurred_at, action`, [[completed.id, terminated.id]])
    ).map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['partnership.completed', 'partnership.terminated']));
  });

  it('lists the partnerships each person may read', async () => {
    const listed = async (headers: Record<string, string>, filter: Record<string, unknown> = {}) => {
      const result = await gql<{ partnerships: { totalCount: number; nodes: { id: string; countyCode: string; status: string }[] } }>(
        url,
        'query($f: PartnershipFilterInput) { partnerships(filter: $f, first: 100) { totalCount nodes { id countyCode status } } }',
        { f: filter },
        headers,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.partnerships;
    };
    const all = await listed(admin);
    expect(all.totalCount).toBeGreaterThan(3);
    expect((await listed(auth(coordinator.accessToken))).totalCount).toBe(all.totalCount);
    expect((await listed(auth(enterprises.a.owner.accessToken))).totalCount).toBe(all.totalCount);
    expect((await listed(auth(farCoordinator.accessToken))).totalCount).toBe(0);
    expect((await listed(auth(enterprises.b.owner.accessToken))).totalCount).toBe(0);
    expect((await listed(auth(farCoordinator.accessToken), { countyCode: '12' })).totalCount).toBe(0);
    const completed = await listed(auth(buyer.accessToken), { status: 'COMPLETED' });
    expect(completed.nodes.map((n) => n.status)).toEqual(completed.nodes.map(() => 'COMPLETED'));
    expect(completed.totalCount).toBeGreaterThan(0);
    expect((await listed(auth(buyer.accessToken), { organizationId: otherBuyerOrg })).totalCount).toBe(0);
    expect(codeOf((await gql(url, '{ partnerships { totalCount } }')).errors)).toBe('UNAUTHENTICATED');
    expect((await gql(url, '{ partnerships(filter: { countyCode: "99" }) { totalCount } }', {}, admin)).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'countyCode'] }] },
    });
    // Pages follow on from the cursor.
    const first = await gql<{ partnerships: { nodes: { id: string }[]; pageInfo: { endCursor: string } } }>(
      url,
      '{ partnerships(first: 2) { nodes { id } pageInfo { endCursor } } }',
      {},
      admin,
    );
    const next = await gql<{ partnerships: { nodes: { id: string }[] } }>(
      url,
      `{ partnerships(first: 2, after: "${first.data!.partnerships.pageInfo.endCursor}") { nodes { id } } }`,
      {},
      admin,
    );
    expect([...first.data!.partnerships.nodes, ...next.data!.partnerships.nodes].map((n) => n.id)).toEqual(all.nodes.slice(0, 4).map((n) => n.id));
  });

  describe('the library of good examples', () => {
    interface GoodExampleShape {
      partnershipId: string;
      title: string;
      summary: string;
      status: string;
      countyName: string;
      municipalityName: string | null;
      buyer: { name: string; kind: string };
      enterprise: { name: string; kind: string };
      impact: { indicatorCode: string; unit: string; value: number; nameSv: string }[];
      targets: { indicatorCode: string; value: number }[];
    }
    const library = async (filter: Record<string, unknown> = {}, page = '') => {
      const result = await gql<{ goodExamples: { totalCount: number; nodes: GoodExampleShape[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        url,
        `query($f: GoodExampleFilterInput) { goodExamples(filter: $f${page}) { totalCount pageInfo { hasNextPage endCursor }
           nodes { partnershipId title summary status countyName municipalityName buyer { name kind } enterprise { name kind } impact { indicatorCode unit value nameSv } targets { indicatorCode value } } } }`,
        { f: filter },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.goodExamples;
    };
    const idsOf = async (filter: Record<string, unknown>) => (await library(filter)).nodes.map((n) => n.partnershipId);

    /**
     * Impact written straight into the tables through the app's Database: the impact reporting API is
     * another part of this issue, and the library only reads its tables (confirmed, current reports).
     */
    const report = async (partnershipId: string, period: [string, string], status: 'CONFIRMED' | 'SUBMITTED', values: Record<string, number>): Promise<string> => {
      const [{ id }] = await db.dataSource.query(`INSERT INTO impact_report (partnership_id, period_start, period_end, narrative) VALUES ($1, $2, $3, 'Rapport') RETURNING id`, [
        partnershipId,
        ...period,
      ]);
      for (const [code, value] of Object.entries(values)) {
        await db.dataSource.query(`INSERT INTO impact_report_value (report_id, indicator_code, value) VALUES ($1, $2, $3)`, [id, code, value]);
      }
      await db.dataSource.query(`UPDATE impact_report SET status = $2, submitted_at = now(), confirmed_at = CASE WHEN $2 = 'CONFIRMED' THEN now() END WHERE id = $1`, [id, status]);
      return id;
    };

    let shown: PartnershipShape;

    it('shows a partnership only once both parties mark it public, and hides it again when the summary changes', async () => {
      shown = await brokered({ title: 'Återbruksverkstad med arbetsträning', startsOn: '2026-03-01', cpvCodes: ['90919200'], sdgs: [8, 12] });
      expect(codeOf((await setPublic(enterprises.b.owner.accessToken, shown.id, true, 'Nej')).errors)).toBe('FORBIDDEN');
      expect(codeOf((await setPublic(coordinator.accessToken, shown.id, true, 'Nej')).errors)).toBe('FORBIDDEN');
      expect((await setPublic(buyer.accessToken, shown.id, true)).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['summary'] }] } });
      const byBuyer = (await setPublic(buyer.accessToken, shown.id, true, 'Tolv personer i arbetsträning renoverar skolmöbler.')).data!.setPartnershipPublic.partnership;
      expect(byBuyer).toMatchObject({ buyerPublic: true, enterprisePublic: false, publicSummary: 'Tolv personer i arbetsträning renoverar skolmöbler.' });
      expect(await idsOf({})).not.toContain(shown.id);
      // Agreeing to the other party's text names the version it read: that is the text it consents to.
      expect((await setPublic(enterprises.a.member!.accessToken, shown.id, true)).errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['version'] }] },
      });
      const byBoth = (await setPublic(enterprises.a.member!.accessToken, shown.id, true, undefined, { v: byBuyer.version })).data!.setPartnershipPublic.partnership;
      expect(byBoth).toMatchObject({ buyerPublic: true, enterprisePublic: true });
      const [example] = (await library({ search: 'återbruksverkstad' })).nodes;
      expect(example).toMatchObject({
        partnershipId: shown.id,
        title: 'Återbruksverkstad med arbetsträning',
        summary: 'Tolv personer i arbetsträning renoverar skolmöbler.',
        status: 'ACTIVE',
        countyName: expect.stringContaining('Skåne'),
        municipalityName: 'Malmö',
        buyer: { name: 'Malmö stad', kind: 'MUNICIPALITY' },
        enterprise: { name: 'Städkooperativet Malmö ek. för.', kind: 'SOCIAL_ENTERPRISE' },
        impact: [],
        targets: [],
      });

      // The buyer rewrites the summary: the enterprise must agree to the new text before it shows again.
      const rewritten = (await setPublic(buyer.accessToken, shown.id, true, 'Tolv personer i arbetsträning renoverar och återbrukar skolmöbler.', { v: byBoth.version })).data!
        .setPartnershipPublic.partnership;
      expect(rewritten).toMatchObject({ buyerPublic: true, enterprisePublic: false });
      expect(await idsOf({})).not.toContain(shown.id);
      expect((await setPublic(buyer.accessToken, shown.id, true, undefined, { v: byBoth.version })).errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
      });
      expect((await setPublic(enterprises.a.owner.accessToken, shown.id, true, undefined, { party: 'BUYER', v: rewritten.version })).errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      // Consent given to the text before the rewrite does not count for the new one.
      expect((await setPublic(enterprises.a.owner.accessToken, shown.id, true, undefined, { v: byBoth.version })).errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
      });
      expect((await setPublic(enterprises.a.owner.accessToken, shown.id, true, undefined, { v: rewritten.version })).errors).toBeUndefined();
      expect(await idsOf({})).toContain(shown.id);
    });

    it('never shows a terminated partnership, and lets a completed one stay', async () => {
      const ended = await brokered({ title: 'Avbrutet samarbete', startsOn: '2026-02-01' });
      const first = (await setPublic(buyer.accessToken, ended.id, true, 'Ett kort samarbete.')).data!.setPartnershipPublic.partnership;
      const both = (await setPublic(enterprises.a.owner.accessToken, ended.id, true, undefined, { v: first.version })).data!.setPartnershipPublic.partnership;
      expect(await idsOf({})).toContain(ended.id);
      await endPartnership(buyer.accessToken, 'terminatePartnership', ended.id, both.version, 'Budgeten drogs in.');
      expect(await idsOf({})).not.toContain(ended.id);
      expect(codeOf((await setPublic(buyer.accessToken, ended.id, true, undefined, { v: both.version + 1 })).errors)).toBe('CONFLICT');

      const done = await brokered({ title: 'Slutfört samarbete', startsOn: '2025-09-01' });
      const offered = (await setPublic(buyer.accessToken, done.id, true, 'Ett avslutat samarbete som gick bra.')).data!.setPartnershipPublic.partnership;
      const ready = (await setPublic(enterprises.a.owner.accessToken, done.id, true, undefined, { v: offered.version })).data!.setPartnershipPublic.partnership;
      await endPartnership(buyer.accessToken, 'completePartnership', done.id, ready.version);
      const [example] = (await library({ search: 'slutfört samarbete' })).nodes;
      expect(example).toMatchObject({ partnershipId: done.id, status: 'COMPLETED' });
    });

    it('sums the confirmed impact per indicator, shows agreed targets, and filters by SDG, CPV, region and indicator', async () => {
      const first = await report(shown.id, ['2026-03-01', '2026-05-31'], 'CONFIRMED', { WORK_TRAINING_PARTICIPANTS: 5, MATERIAL_REUSED: 1.25 });
      await report(shown.id, ['2026-06-01', '2026-08-31'], 'CONFIRMED', { WORK_TRAINING_PARTICIPANTS: 3, MATERIAL_REUSED: 2 });
      // Not confirmed yet: not counted.
      await report(shown.id, ['2026-09-01', '2026-11-30'], 'SUBMITTED', { WORK_TRAINING_PARTICIPANTS: 100 });
      // A correction of the first report replaces it: its values count, the superseded ones do not.
      const [{ id: correction }] = await db.dataSource.query(
        `INSERT INTO impact_report (partnership_id, period_start, period_end, revision, corrects_id, narrative) VALUES ($1, '2026-03-01', '2026-05-31', 2, $2, 'Rättelse') RETURNING id`,
        [shown.id, first],
      );
      await db.dataSource.query(`INSERT INTO impact_report_value (report_id, indicator_code, value) VALUES ($1, 'WORK_TRAINING_PARTICIPANTS', 6), ($1, 'MATERIAL_REUSED', 1.25)`, [
        correction,
      ]);
      await db.dataSource.query(`UPDATE impact_report SET status = 'SUPERSEDED', superseded_at = now() WHERE id = $1`, [first]);
      await db.dataSource.query(`UPDATE impact_report SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [correction]);
      // Targets, agreed by both parties.
      await db.dataSource.query(
        `INSERT INTO partnership_target (partnership_id, indicator_code, target) VALUES ($1, 'WORK_TRAINING_PARTICIPANTS', 12), ($1, 'EMISSIONS_AVOIDED', 4.5)`,
        [shown.id],
      );
      await db.dataSource.query(`UPDATE partnership SET targets_status = 'AGREED', targets_agreed_at = now() WHERE id = $1`, [shown.id]);

      const [example] = (await library({ search: 'återbruksverkstad' })).nodes;
      expect(example.impact).toEqual([
        { indicatorCode: 'MATERIAL_REUSED', unit: 'TONNES', value: 3.25, nameSv: 'Återbrukat material' },
        { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', unit: 'PERSONS', value: 9, nameSv: 'Personer som påbörjat arbetsträning' },
      ]);
      expect(example.targets).toEqual([
        { indicatorCode: 'EMISSIONS_AVOIDED', value: 4.5 },
        { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 12 },
      ]);

      const cases: [Record<string, unknown>, boolean][] = [
        [{ sdg: 12 }, true],
        [{ sdg: 13 }, false],
        [{ cpv: '90' }, true],
        [{ cpv: '909' }, true],
        [{ cpv: '90919200-4' }, true],
        [{ cpv: '90910000' }, true],
        [{ cpv: '9092' }, false],
        [{ cpv: '39' }, false],
        [{ countyCode: '12' }, true],
        [{ countyCode: '01' }, false],
        [{ municipalityCode: '1280' }, true],
        [{ municipalityCode: '1281' }, false],
        [{ indicatorCode: 'MATERIAL_REUSED' }, true],
        [{ indicatorCode: 'EMISSIONS_AVOIDED' }, true],
        [{ indicatorCode: 'MEALS_LOCAL_PRODUCE' }, false],
        [{ search: 'skolmöbl' }, true],
        // A part of a compound: "träning" is only in the summary's "arbetsträning".
        [{ search: 'träning' }, true],
        [{ search: 'Städkooperativet' }, true],
        [{ search: 'snöröjning' }, false],
        [{ sdg: 8, cpv: '90', countyCode: '12', indicatorCode: 'WORK_TRAINING_PARTICIPANTS' }, true],
      ];
      for (const [filter, found] of cases) {
        expect({ filter, found: (await idsOf(filter)).includes(shown.id) }).toEqual({ filter, found });
      }
      for (const [filter, field] of [
        [{ sdg: 0 }, 'filter.sdg'],
        [{ cpv: '9' }, 'filter.cpv'],
        [{ cpv: '909-1' }, 'filter.cpv'],
        [{ countyCode: '99' }, 'filter.countyCode'],
        [{ municipalityCode: '9999' }, 'filter.municipalityCode'],
        [{ indicatorCode: 'NOT_AN_INDICATOR' }, 'filter.indicatorCode'],
      ] as const) {
        const result = await gql(url, 'query($f: GoodExampleFilterInput) { goodExamples(filter: $f) { totalCount } }', { f: filter });
        const extensions = result.errors?.[0]?.extensions;
        expect({ filter, code: extensions?.code, paths: pathsOf(extensions) }).toEqual({ filter, code: 'BAD_USER_INPUT', paths: [field] });
      }
    });

    it('lists newest start first in pages, for everyone, with no people in it', async () => {
      const all = await library();
      expect(all.totalCount).toBe(2);
      const page1 = await library({}, ', first: 1');
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await library({}, `, first: 1, after: "${page1.pageInfo.endCursor}"`);
      expect([...page1.nodes, ...page2.nodes].map((n) => n.partnershipId)).toEqual(all.nodes.map((n) => n.partnershipId));
      expect(page2.pageInfo.hasNextPage).toBe(false);
      // 2026-03-01 before 2025-09-01.
      expect(all.nodes.map((n) => n.title)).toEqual(['Återbruksverkstad med arbetsträning', 'Slutfört samarbete']);
      const { data } = await gql<{ __type: { fields: { name: string }[] } }>(url, '{ __type(name: "GoodExample") { fields { name } } }');
      expect(data!.__type.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['brokeredBy']));
      expect(data!.__type.fields.map((f) => f.name)).not.toContain('endReason');
    });
  });

  it('tells no one outside the story', async () => {
    const outsiders = [outsider.userId, farCoordinator.userId, enterprises.b.owner.userId, otherBuyer.userId];
    const rows = await db.dataSource.query(
      `SELECT user_id, kind FROM notification WHERE user_id = ANY($1::uuid[]) AND kind IN ('INTRODUCTION_RECEIVED', 'INTRODUCTION_MADE', 'INTRODUCTION_ANSWERED', 'PARTNERSHIP_STARTED', 'PARTNERSHIP_ENDED')`,
      [outsiders],
    );
    expect(rows).toEqual([]);
  });
});
