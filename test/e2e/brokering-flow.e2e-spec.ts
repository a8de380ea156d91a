import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { addDays, addMonths, swedishDate } from '@samverka/domain';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { createNeed, needInput, needTransition, profileInput, saveProfile } from '../support/marketplace.js';

type Headers = Record<string, string>;
type GqlResult<T> = Awaited<ReturnType<typeof gql<T>>>;

/** The data of a GraphQL answer that must have no errors. */
function ok<T>(result: GqlResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

interface InboxItem {
  kind: string;
  subjectType: string;
  subjectId: string;
  titleSv: string;
  titleEn: string;
}

/**
 * The whole brokering story of the issue, through the API only: a coordinator introduces an enterprise
 * to a need, the enterprise accepts and offers, the buyer accepts the offer, the parties agree impact
 * targets, two periods of impact are reported and confirmed, the region's insights show the totals, and
 * every person's inbox holds exactly what concerns them (one who only watches, nothing).
 *
 * Each side has one person who acts and one who only watches, so that "told" is tested apart from "did
 * it": a person is not told of their own action.
 */
describe('brokering and impact, end to end (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let database: Database;

  const people = {} as Record<
    'buyer' | 'buyerColleague' | 'enterpriseOwner' | 'enterpriseMember' | 'coordinator' | 'farCoordinator' | 'otherEnterprise' | 'otherBuyer' | 'outsider',
    SignedIn
  >;
  let admin: SignedIn['accessToken'];
  let buyerOrg: string;
  let enterpriseOrg: string;
  const as = (person: SignedIn): Headers => auth(person.accessToken);

  beforeAll(async () => {
    // Strong-match notifications depend on scores this story does not fix: they are tested in their own suite.
    api = await startEmbeddedApi('brokering-flow', { LOGIN_MAX_FAILURES_PER_IP: '1000', MATCHING_NOTIFY_SCORE: '100' });
    ({ app, url } = api);
    database = app.get(Database);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;

    people.buyer = await register(url, 'upphandlare@malmo.se', 'Upphandlare Malmö');
    people.buyerColleague = await register(url, 'enhetschef@malmo.se', 'Enhetschef Malmö');
    buyerOrg = ok(
      await createOrganization(url, people.buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin),
    ).createOrganization.organization.id;
    await acceptInvitation(url, people.buyerColleague.accessToken, ok(await invite(url, people.buyer.accessToken, buyerOrg, people.buyerColleague.email)).inviteMember.token);

    people.enterpriseOwner = await register(url, 'vd@returverket.se', 'VD Returverket');
    people.enterpriseMember = await register(url, 'handledare@returverket.se', 'Handledare Returverket');
    enterpriseOrg = ok(
      await createOrganization(
        url,
        people.enterpriseOwner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Returverket ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin,
      ),
    ).createOrganization.organization.id;
    await acceptInvitation(
      url,
      people.enterpriseMember.accessToken,
      ok(await invite(url, people.enterpriseOwner.accessToken, enterpriseOrg, people.enterpriseMember.email)).inviteMember.token,
    );
    ok(
      await saveProfile(
        url,
        people.enterpriseOwner.accessToken,
        profileInput(enterpriseOrg, {
          description: 'Arbetsintegrerande kooperativ i Malmö som renoverar och återbrukar möbler, med arbetsträning för personer långt från arbetsmarknaden.',
          services: 'Möbelrenovering, återbruk, flytt och lager',
          cpvCodes: ['39160000', '98000000'],
          sdgs: [8, 12],
        }),
      ),
    );

    // People with no part in the story: another enterprise, another buyer, a coordinator elsewhere, an outsider.
    people.otherEnterprise = await register(url, 'vd@putsbolaget.se');
    const otherEnterpriseOrg = ok(
      await createOrganization(
        url,
        people.otherEnterprise.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Putsbolaget AB',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin,
      ),
    ).createOrganization.organization.id;
    ok(await saveProfile(url, people.otherEnterprise.accessToken, profileInput(otherEnterpriseOrg)));
    people.otherBuyer = await register(url, 'upphandlare@lund.se');
    ok(
      await createOrganization(
        url,
        people.otherBuyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' },
        admin,
      ),
    );
    people.coordinator = await register(url, 'samordnare@skane.se', 'Samordnare Skåne');
    people.farCoordinator = await register(url, 'samordnare@stockholm.se', 'Samordnare Stockholm');
    people.outsider = await register(url, 'nyfiken@exempel.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    ok(await gql(url, setRole, { input: { userId: people.coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, auth(admin)));
    ok(await gql(url, setRole, { input: { userId: people.farCoordinator.userId, role: 'COORDINATOR', countyCodes: ['01'] } }, auth(admin)));
    // A changed role takes effect at the next sign-in.
    people.coordinator = { ...people.coordinator, accessToken: (await login(url, people.coordinator.email)).data!.login.accessToken };
    people.farCoordinator = { ...people.farCoordinator, accessToken: (await login(url, people.farCoordinator.email)).data!.login.accessToken };
  });
  afterAll(async () => api?.stop());

  const inbox = async (person: SignedIn): Promise<InboxItem[]> =>
    ok(await gql<{ notifications: { nodes: InboxItem[] } }>(url, `{ notifications(first: 100) { nodes { kind subjectType subjectId titleSv titleEn } } }`, {}, as(person)))
      .notifications.nodes;
  const kindsOf = async (person: SignedIn) => (await inbox(person)).map((n) => n.kind).sort();

  it('introduction → offer → award → agreed targets → two confirmed reports → regional totals, each person told exactly what concerns them', async () => {
    // The buyer posts a need.
    const draft = ok(
      await createNeed(
        url,
        people.buyer.accessToken,
        needInput(buyerOrg, {
          title: 'Återbruk av skolmöbler',
          description: 'Malmö stad söker en partner som tar hand om uttjänta skolmöbler, renoverar dem och ställer ut dem igen, gärna med arbetsträning.',
          cpvCodes: ['39160000'],
          sdgs: [8, 12],
          form: 'RESERVED_CONTRACT',
        }),
      ),
    ).createNeed.need;
    const need = ok(await needTransition(url, people.buyer.accessToken, 'publishNeed', draft.id, draft.version)).publishNeed.need;

    // A coordinator of another region may not broker here; the region's own coordinator introduces the enterprise.
    const introduce = (person: SignedIn) =>
      mutate<{ introduceEnterprise: { introduction: { id: string; version: number; status: string } } }>(
        url,
        'introduceEnterprise',
        { needId: need.id, enterpriseOrganizationId: enterpriseOrg, note: 'Returverket renoverar möbler åt flera skånska kommuner och har 60 % arbetsträning.' },
        'introduction { id version status }',
        as(person),
      );
    expect((await introduce(people.farCoordinator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const introduction = ok(await introduce(people.coordinator)).introduceEnterprise.introduction;
    expect(introduction.status).toBe('PROPOSED');

    // The enterprise accepts the introduction: it is invited to offer, and does.
    const accepted = ok(
      await mutate<{ respondToIntroduction: { introduction: { status: string } } }>(
        url,
        'respondToIntroduction',
        { introductionId: introduction.id, version: introduction.version, accept: true, note: 'Vi lämnar gärna anbud.' },
        'introduction { status }',
        as(people.enterpriseOwner),
      ),
    ).respondToIntroduction.introduction;
    expect(accepted.status).toBe('ACCEPTED');
    const offer = ok(
      await mutate<{ createOffer: { offer: { id: string; version: number } } }>(
        url,
        'createOffer',
        {
          needId: need.id,
          enterpriseOrganizationId: enterpriseOrg,
          message: 'Vi renoverar 400 möbler per år med sex arbetstränande.',
          priceSek: 450_000,
          proposedOutcomes: 'Sex personer i arbetsträning, två ton återbrukat.',
        },
        'offer { id version }',
        as(people.enterpriseOwner),
      ),
    ).createOffer.offer;
    ok(await mutate(url, 'submitOffer', { offerId: offer.id, version: offer.version }, 'offer { id }', as(people.enterpriseOwner)));

    // The buyer accepts: the partnership is brokered by the coordinator, through the introduction.
    const partnership = ok(
      await mutate<{ acceptOffer: { partnership: { id: string; status: string; brokeredBy: { id: string } | null; introduction: { id: string } | null } } }>(
        url,
        'acceptOffer',
        { offerId: offer.id },
        'partnership { id status brokeredBy { id } introduction { id } }',
        as(people.buyer),
      ),
    ).acceptOffer.partnership;
    expect(partnership).toMatchObject({ status: 'ACTIVE', brokeredBy: { id: people.coordinator.userId }, introduction: { id: introduction.id } });

    // The contract began six months ago (the award only records it now): two quarters can be reported.
    const today = swedishDate(new Date());
    const start = addMonths(`${today.slice(0, 7)}-01`, -6);
    await database.dataSource.query(`UPDATE partnership SET starts_on = $2 WHERE id = $1`, [partnership.id, start]);

    // The enterprise proposes targets, the buyer agrees to them.
    const read = async () =>
      ok(
        await gql<{ partnership: { version: number; targetsStatus: string } }>(
          url,
          `query($id: ID!) { partnership(id: $id) { version targetsStatus } }`,
          { id: partnership.id },
          as(people.enterpriseOwner),
        ),
      ).partnership;
    const proposed = ok(
      await mutate<{ proposePartnershipTargets: { partnership: { version: number; targetsStatus: string } } }>(
        url,
        'proposePartnershipTargets',
        {
          partnershipId: partnership.id,
          version: (await read()).version,
          targets: [
            { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 12, note: 'Tolv personer under avtalstiden' },
            { indicatorCode: 'MATERIAL_REUSED', target: 8 },
          ],
          reportEveryMonths: 3,
        },
        'partnership { version targetsStatus }',
        as(people.enterpriseOwner),
      ),
    ).proposePartnershipTargets.partnership;
    expect(proposed.targetsStatus).toBe('PROPOSED');
    const agreed = ok(
      await mutate<{ agreePartnershipTargets: { partnership: { targetsStatus: string } } }>(
        url,
        'agreePartnershipTargets',
        { partnershipId: partnership.id, version: proposed.version },
        'partnership { targetsStatus }',
        as(people.buyer),
      ),
    ).agreePartnershipTargets.partnership;
    expect(agreed.targetsStatus).toBe('AGREED');

    // Two quarters reported by the enterprise and confirmed by the buyer.
    const quarters = [
      { periodStart: start, periodEnd: addDays(addMonths(start, 3), -1), participants: 4, tonnes: 1.25 },
      { periodStart: addMonths(start, 3), periodEnd: addDays(addMonths(start, 6), -1), participants: 3, tonnes: 2.5 },
    ];
    const reportIds: string[] = [];
    for (const [k, q] of quarters.entries()) {
      const created = ok(
        await mutate<{ createImpactReport: { impactReport: { id: string; version: number } } }>(
          url,
          'createImpactReport',
          {
            partnershipId: partnership.id,
            periodStart: q.periodStart,
            periodEnd: q.periodEnd,
            narrative: `Kvartal ${k + 1}: ${q.participants} nya deltagare, möbler till tre skolor.`,
            values: [
              { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: q.participants },
              { indicatorCode: 'MATERIAL_REUSED', value: q.tonnes },
            ],
          },
          'impactReport { id version }',
          as(people.enterpriseOwner),
        ),
      ).createImpactReport.impactReport;
      const submitted = ok(
        await mutate<{ submitImpactReport: { impactReport: { version: number; status: string } } }>(
          url,
          'submitImpactReport',
          { impactReportId: created.id, version: created.version },
          'impactReport { version status }',
          as(people.enterpriseOwner),
        ),
      ).submitImpactReport.impactReport;
      expect(submitted.status).toBe('SUBMITTED');
      const confirmed = ok(
        await mutate<{ confirmImpactReport: { impactReport: { status: string } } }>(
          url,
          'confirmImpactReport',
          { impactReportId: created.id, version: submitted.version },
          'impactReport { status }',
          as(people.buyer),
        ),
      ).confirmImpactReport.impactReport;
      expect(confirmed.status).toBe('CONFIRMED');
      reportIds.push(created.id);
    }

    // The partnership's confirmed totals, and the region's.
    const totals = ok(
      await gql<{ partnership: { impactTotals: { indicatorCode: string; total: number; reports: number }[] } }>(
        url,
        `query($id: ID!) { partnership(id: $id) { impactTotals { indicatorCode total reports } } }`,
        { id: partnership.id },
        as(people.buyerColleague),
      ),
    ).partnership.impactTotals;
    expect([...totals].sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode))).toEqual([
      { indicatorCode: 'MATERIAL_REUSED', total: 3.75, reports: 2 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', total: 7, reports: 2 },
    ]);
    const insights = (person: SignedIn) =>
      gql<{
        regionInsights: {
          impactTotals: { indicatorCode: string; unit: string; total: number; reports: number; partnerships: number }[];
          partnershipsByStatus: { status: string; partnerships: number }[];
        };
      }>(
        url,
        `query($from: Date!) { regionInsights(countyCode: "12", from: $from, interval: QUARTER) { impactTotals { indicatorCode unit total reports partnerships } partnershipsByStatus { status partnerships } } }`,
        { from: start },
        as(person),
      );
    const region = ok(await insights(people.coordinator)).regionInsights;
    expect([...region.impactTotals].sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode))).toEqual([
      { indicatorCode: 'MATERIAL_REUSED', unit: 'TONNES', total: 3.75, reports: 2, partnerships: 1 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', unit: 'PERSONS', total: 7, reports: 2, partnerships: 1 },
    ]);
    expect(region.partnershipsByStatus).toEqual([
      { status: 'ACTIVE', partnerships: 1 },
      { status: 'COMPLETED', partnerships: 0 },
      { status: 'TERMINATED', partnerships: 0 },
    ]);
    expect((await insights(people.farCoordinator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Who was told what. The watchers on each side hear of everything that concerns their side…
    const count = (kinds: Record<string, number>) =>
      Object.entries(kinds)
        .flatMap(([kind, n]) => Array<string>(n).fill(kind))
        .sort();
    expect(await kindsOf(people.buyerColleague)).toEqual(
      count({ INTRODUCTION_MADE: 1, INTRODUCTION_ANSWERED: 1, OFFER_RECEIVED: 1, PARTNERSHIP_STARTED: 1, PARTNERSHIP_TARGETS: 1, REPORT_SUBMITTED: 2 }),
    );
    expect(await kindsOf(people.enterpriseMember)).toEqual(
      count({ INTRODUCTION_RECEIVED: 1, OFFER_STATUS_CHANGED: 1, PARTNERSHIP_STARTED: 1, PARTNERSHIP_TARGETS: 1, REPORT_CONFIRMED: 2 }),
    );
    // …the coordinator of the enterprise's answer and of the partnership they brokered…
    expect(await kindsOf(people.coordinator)).toEqual(count({ INTRODUCTION_ANSWERED: 1, PARTNERSHIP_STARTED: 1 }));
    // …those who acted, of what the other side did, not of their own actions…
    // (the owners, too, of their organisation's verification)
    expect(await kindsOf(people.buyer)).toEqual(
      count({ ORGANIZATION_VERIFIED: 1, INTRODUCTION_MADE: 1, INTRODUCTION_ANSWERED: 1, OFFER_RECEIVED: 1, PARTNERSHIP_TARGETS: 1, REPORT_SUBMITTED: 2 }),
    );
    // (the owner proposed the targets and hears that the buyer agreed; the buyer hears of the proposal)
    expect(await kindsOf(people.enterpriseOwner)).toEqual(
      count({ ORGANIZATION_VERIFIED: 1, INTRODUCTION_RECEIVED: 1, OFFER_STATUS_CHANGED: 1, PARTNERSHIP_STARTED: 1, PARTNERSHIP_TARGETS: 1, REPORT_CONFIRMED: 2 }),
    );
    // …and no one else hears anything (but the owners of the other organisations, of their verification).
    for (const bystander of [people.farCoordinator, people.outsider]) expect(await inbox(bystander)).toEqual([]);
    for (const bystander of [people.otherEnterprise, people.otherBuyer]) expect(await kindsOf(bystander)).toEqual(['ORGANIZATION_VERIFIED']);
    const [{ others }] = await database.dataSource.query(`SELECT count(*)::int AS others FROM notification WHERE NOT (user_id = ANY($1::uuid[]))`, [
      [people.buyer, people.buyerColleague, people.enterpriseOwner, people.enterpriseMember, people.coordinator, people.otherEnterprise, people.otherBuyer].map((p) => p.userId),
    ]);
    expect(others).toBe(0);

    // The reports' notifications point at the reports, in both languages.
    const confirmedNotes = (await inbox(people.enterpriseMember)).filter((n) => n.kind === 'REPORT_CONFIRMED');
    expect(confirmedNotes.map((n) => n.subjectId).sort()).toEqual([...reportIds].sort());
    for (const note of confirmedNotes) {
      expect(note.subjectType).toBe('impactReport');
      expect(note.titleSv).not.toBe('');
      expect(note.titleEn).not.toBe('');
    }
  });
});
