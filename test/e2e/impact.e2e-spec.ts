import type { INestApplication } from '@nestjs/common';
import { Database, postgresRefusal, textOf, translate } from '@samverka/engine';
import { IMPACT_REPORT_REFUSALS, ImpactRepository, ReportDueService } from '@samverka/impact';
import { MatchingRepository } from '@samverka/matching';
import { addDays, addMonths, swedishDate, type DomainError } from '@samverka/domain';
import { RANKER, TRACK_RECORD } from '@samverka/scoring';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { accept, createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { waitFor } from '../support/wait.js';

type Headers = Record<string, string>;
type Result<T> = Awaited<ReturnType<typeof gql<T>>>;

interface PartnershipShape {
  id: string;
  version: number;
  status: string;
  startsOn: string;
  targetsStatus: string;
  reportEveryMonths: number;
  targetsProposedBy: { id: string } | null;
  targetsAgreedAt: string | null;
  nextReportDue: string | null;
  targets: { indicatorCode: string; indicator: { unit: string }; target: number; note: string; confirmedTotal: number; progress: number | null }[];
  impactTotals: { indicatorCode: string; total: number; reports: number }[];
  impactReports: { id: string; status: string; revision: number }[];
}

interface ReportShape {
  id: string;
  version: number;
  status: string;
  periodStart: string;
  periodEnd: string;
  revision: number;
  correctsReportId: string | null;
  narrative: string;
  returnComment: string;
  values: { indicatorCode: string; value: number; indicator: { unit: string } }[];
}

const PARTNERSHIP_FIELDS = `id version status startsOn targetsStatus reportEveryMonths targetsProposedBy { id } targetsAgreedAt nextReportDue
  targets { indicatorCode indicator { unit } target note confirmedTotal progress } impactTotals { indicatorCode total reports } impactReports { id status revision }`;
const REPORT_FIELDS = 'id version status periodStart periodEnd revision correctsReportId narrative returnComment values { indicatorCode value indicator { unit } }';

const TARGETS = [
  { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 12, note: 'Tolv personer under avtalet' },
  { indicatorCode: 'WORK_TRAINING_HOURS', target: 4_000 },
  { indicatorCode: 'MATERIAL_REUSED', target: 2.5 },
];

const errorOf = (result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => result.errors?.[0];

describe('impact measurement (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let database: Database;
  let admin: Headers;
  let buyer: SignedIn;
  let buyerOrg: string;
  let owner: SignedIn;
  let member: SignedIn;
  let enterpriseOrg: string;
  let outsider: SignedIn;
  let outsiderOrg: string;

  const today = swedishDate(new Date());
  /** The first day of the month 14 months ago: the partnerships of these tests start then. */
  const start = addMonths(`${today.slice(0, 7)}-01`, -14);
  /** Quarter k of the partnership (k = 0 is its first three months). */
  const quarter = (k: number) => ({ periodStart: addMonths(start, 3 * k), periodEnd: addDays(addMonths(start, 3 * (k + 1)), -1) });

  const as = (user: SignedIn) => auth(user.accessToken);
  const readPartnership = async (id: string, headers: Headers = as(owner)) => {
    const result = await gql<{ partnership: PartnershipShape }>(url, `query($id: ID!) { partnership(id: $id) { ${PARTNERSHIP_FIELDS} } }`, { id }, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.partnership;
  };
  const propose = (headers: Headers, partnershipId: string, version: number, targets: unknown[], reportEveryMonths?: number) =>
    mutate<{ proposePartnershipTargets: { partnership: PartnershipShape } }>(
      url,
      'proposePartnershipTargets',
      { partnershipId, version, targets, reportEveryMonths: reportEveryMonths ?? null },
      `partnership { ${PARTNERSHIP_FIELDS} }`,
      headers,
    );
  const agree = (headers: Headers, partnershipId: string, version: number) =>
    mutate<{ agreePartnershipTargets: { partnership: PartnershipShape } }>(
      url,
      'agreePartnershipTargets',
      { partnershipId, version },
      `partnership { ${PARTNERSHIP_FIELDS} }`,
      headers,
    );
  const createReport = (headers: Headers, input: Record<string, unknown>) =>
    mutate<{ createImpactReport: { impactReport: ReportShape } }>(url, 'createImpactReport', input, `impactReport { ${REPORT_FIELDS} }`, headers);
  const updateReport = (headers: Headers, impactReportId: string, version: number, changes: Record<string, unknown>) =>
    mutate<{ updateImpactReport: { impactReport: ReportShape } }>(url, 'updateImpactReport', { impactReportId, version, ...changes }, `impactReport { ${REPORT_FIELDS} }`, headers);
  const reportAction = (headers: Headers, mutation: 'submitImpactReport' | 'confirmImpactReport', impactReportId: string, version: number) =>
    mutate<Record<string, { impactReport: ReportShape }>>(url, mutation, { impactReportId, version }, `impactReport { ${REPORT_FIELDS} }`, headers);
  const deleteReport = (headers: Headers, impactReportId: string, version: number) =>
    mutate<{ deleteImpactReport: { deletedImpactReportId: string; partnership: { id: string } } }>(
      url,
      'deleteImpactReport',
      { impactReportId, version },
      'deletedImpactReportId partnership { id }',
      headers,
    );
  const returnReport = (headers: Headers, impactReportId: string, version: number, comment: string) =>
    mutate<{ returnImpactReport: { impactReport: ReportShape } }>(url, 'returnImpactReport', { impactReportId, version, comment }, `impactReport { ${REPORT_FIELDS} }`, headers);
  const correctReport = (headers: Headers, impactReportId: string, changes: Record<string, unknown> | null) =>
    mutate<{ correctImpactReport: { impactReport: ReportShape } }>(url, 'correctImpactReport', { impactReportId, ...changes }, `impactReport { ${REPORT_FIELDS} }`, headers);
  const ok = <T>(result: Result<T>): T => {
    expect(errorOf(result)).toBeUndefined();
    return result.data!;
  };

  /** An ACTIVE partnership of `enterprise` with the buyer (an accepted offer), started `start`. */
  const partnershipOf = async (enterprise: { owner: SignedIn; orgId: string }, title = 'Lokalvård med arbetsträning') => {
    const draft = ok(await createNeed(url, buyer.accessToken, needInput(buyerOrg, { form: 'PUBLIC_PROCUREMENT', title }))).createNeed.need;
    const need = ok(await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).publishNeed.need;
    const offer = ok(
      await createOffer(url, enterprise.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprise.orgId, message: 'Vi gör det', priceSek: 400_000 }),
    ).createOffer.offer;
    ok(await offerAction(url, enterprise.owner.accessToken, 'submitOffer', offer.id, offer.version));
    const partnershipId = ok(await accept(url, buyer.accessToken, offer.id)).acceptOffer.partnership.id;
    await database.dataSource.query(`UPDATE partnership SET starts_on = $2 WHERE id = $1`, [partnershipId, start]);
    return partnershipId;
  };
  /** A partnership with the three TARGETS agreed: proposed by the enterprise, agreed by the buyer. */
  const agreedPartnership = async (enterprise = { owner, orgId: enterpriseOrg }, reportEveryMonths = 3) => {
    const id = await partnershipOf(enterprise);
    const proposed = ok(await propose(as(enterprise.owner), id, (await readPartnership(id, as(enterprise.owner))).version, TARGETS, reportEveryMonths)).proposePartnershipTargets
      .partnership;
    return ok(await agree(as(buyer), id, proposed.version)).agreePartnershipTargets.partnership;
  };
  /** A report of quarter k, taken as far as `to`. */
  const report = async (partnershipId: string, k: number, values: { indicatorCode: string; value: number }[], to: 'DRAFT' | 'SUBMITTED' | 'CONFIRMED' = 'CONFIRMED') => {
    let r = ok(await createReport(as(owner), { partnershipId, ...quarter(k), narrative: `Kvartal ${k + 1}: arbetsträning i full gång.`, values })).createImpactReport.impactReport;
    if (to !== 'DRAFT') r = ok(await reportAction(as(owner), 'submitImpactReport', r.id, r.version)).submitImpactReport.impactReport;
    if (to === 'CONFIRMED') r = ok(await reportAction(as(buyer), 'confirmImpactReport', r.id, r.version)).confirmImpactReport.impactReport;
    return r;
  };
  const notifications = async (dedupeKey: string) =>
    (await database.dataSource.query(`SELECT user_id AS "userId", kind, organization_id AS "organizationId" FROM notification WHERE dedupe_key = $1 ORDER BY user_id`, [
      dedupeKey,
    ])) as {
      userId: string;
      kind: string;
      organizationId: string | null;
    }[];
  /** What the notifications under a dedupe key say (every recipient is told the same). */
  const texts = async (dedupeKey: string) =>
    (await database.dataSource.query(
      `SELECT DISTINCT title_sv AS "titleSv", body_sv AS "bodySv", title_en AS "titleEn", body_en AS "bodyEn" FROM notification WHERE dedupe_key = $1`,
      [dedupeKey],
    )) as { titleSv: string; bodySv: string; titleEn: string; bodyEn: string }[];

  beforeAll(async () => {
    api = await startEmbeddedApi('impact', { LOGIN_MAX_FAILURES_PER_IP: '1000', MATCHING_MIN_SCORE: '0' });
    ({ app, url } = api);
    database = app.get(Database);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    owner = await register(url, 'agare@stadkooperativet.se');
    enterpriseOrg = (
      await createOrganization(
        url,
        owner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städkooperativet Malmö ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    ok(await saveProfile(url, owner.accessToken, profileInput(enterpriseOrg)));
    member = await register(url, 'medlem@stadkooperativet.se');
    await acceptInvitation(url, member.accessToken, (await invite(url, owner.accessToken, enterpriseOrg, member.email)).data!.inviteMember.token);
    outsider = await register(url, 'agare@annat.se');
    outsiderOrg = (
      await createOrganization(
        url,
        outsider.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Annat socialt företag',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    ok(await saveProfile(url, outsider.accessToken, profileInput(outsiderOrg)));
  });
  afterAll(async () => api?.stop());

  describe('the indicator catalogue', () => {
    const list = (args = '', headers: Headers = {}) =>
      gql<{
        impactIndicators: {
          code: string;
          theme: string;
          unit: string;
          unitLabelSv: string;
          unitLabelEn: string;
          unitLabel: string;
          decimals: number;
          sdgs: number[];
          nameSv: string;
          methodEn: string;
          active: boolean;
          version: number;
        }[];
      }>(url, `{ impactIndicators${args} { code theme unit unitLabelSv unitLabelEn unitLabel decimals sdgs nameSv methodEn active version } }`, {}, headers);

    it('is public reference data: the starter set, by theme and goal, with each unit and its rule', async () => {
      const all = ok(await list()).impactIndicators;
      expect(all.length).toBeGreaterThanOrEqual(16);
      expect(all.find((i) => i.code === 'WORK_TRAINING_PARTICIPANTS')).toMatchObject({
        theme: 'WORK_INTEGRATION',
        unit: 'PERSONS',
        unitLabelSv: 'personer',
        unitLabelEn: 'persons',
        unitLabel: 'personer',
        decimals: 0,
        sdgs: [8, 10],
        active: true,
      });
      expect(all.find((i) => i.code === 'WORK_TRAINING_HOURS')).toMatchObject({ unit: 'HOURS', decimals: 1 });
      expect(all.find((i) => i.code === 'EMISSIONS_AVOIDED')).toMatchObject({ unit: 'TONNES_CO2E', unitLabelSv: 'ton CO2e', decimals: 3 });
      const inEnglish = ok(await list('', { 'accept-language': 'en' })).impactIndicators;
      expect(inEnglish.find((i) => i.code === 'EMISSIONS_AVOIDED')).toMatchObject({ unitLabel: 'tonnes CO2e', unitLabelSv: 'ton CO2e', unitLabelEn: 'tonnes CO2e' });
      const environment = ok(await list('(theme: ENVIRONMENT)')).impactIndicators;
      expect(environment.map((i) => i.code).sort()).toEqual(['EMISSIONS_AVOIDED', 'FOOD_WASTE_PREVENTED', 'MATERIAL_RECYCLED', 'MATERIAL_REUSED']);
      expect(ok(await list('(sdg: 13)')).impactIndicators.map((i) => i.code)).toEqual(['EMISSIONS_AVOIDED']);
      expect(errorOf(await list('(sdg: 18)'))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['sdg'] }] } });
    });

    it('is kept by administrators: the code is fixed, changes are version-checked, a used unit cannot change, and a retired indicator is left out', async () => {
      const create = (headers: Headers, input: Record<string, unknown>) =>
        mutate<{ createImpactIndicator: { impactIndicator: { code: string; version: number; unit: string; active: boolean } } }>(
          url,
          'createImpactIndicator',
          input,
          'impactIndicator { code version unit active }',
          headers,
        );
      const update = (headers: Headers, input: Record<string, unknown>) =>
        mutate<{ updateImpactIndicator: { impactIndicator: { code: string; version: number; unit: string; active: boolean; nameSv: string } } }>(
          url,
          'updateImpactIndicator',
          input,
          'impactIndicator { code version unit active nameSv }',
          headers,
        );
      const input = {
        code: 'SCHOOL_MEALS_SERVED',
        theme: 'WELFARE',
        nameSv: 'Skolmåltider',
        nameEn: 'School meals',
        unit: 'MEALS',
        sdgs: [2, 4],
        methodSv: 'Räkna serverade portioner under perioden.',
        methodEn: 'Count the portions served during the period.',
      };
      expect(errorOf(await create(as(buyer), input))?.extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await create(admin, { ...input, code: 'school meals' }))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['code'] }] } });
      expect(errorOf(await create(admin, { ...input, sdgs: [0] }))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['sdgs'] }] } });
      const created = ok(await create(admin, input)).createImpactIndicator.impactIndicator;
      expect(created).toMatchObject({ code: 'SCHOOL_MEALS_SERVED', unit: 'MEALS', active: true, version: 1 });
      expect(errorOf(await create(admin, input))).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['code'] }] } });

      // Nothing uses it yet: its unit may change.
      const counted = ok(await update(admin, { indicatorCode: input.code, version: 1, unit: 'COUNT', nameSv: 'Serverade skolmåltider' })).updateImpactIndicator.impactIndicator;
      expect(counted).toMatchObject({ unit: 'COUNT', nameSv: 'Serverade skolmåltider', version: 2 });
      expect(errorOf(await update(admin, { indicatorCode: input.code, version: 1, nameSv: 'Gammal version' }))).toMatchObject({
        extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] },
      });
      expect(errorOf(await update(admin, { indicatorCode: 'NO_SUCH_INDICATOR', version: 1 }))?.extensions?.code).toBe('NOT_FOUND');

      // Once a target uses it, its unit is fixed.
      const partnershipId = await partnershipOf({ owner, orgId: enterpriseOrg }, 'Skolmåltider');
      ok(await propose(as(owner), partnershipId, (await readPartnership(partnershipId)).version, [{ indicatorCode: input.code, target: 1_000 }]));
      expect(errorOf(await update(admin, { indicatorCode: input.code, version: 2, unit: 'MEALS' }))).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['unit'] }] },
      });

      const retired = ok(await update(admin, { indicatorCode: input.code, version: 2, active: false })).updateImpactIndicator.impactIndicator;
      expect(retired.active).toBe(false);
      expect(ok(await list()).impactIndicators.map((i) => i.code)).not.toContain(input.code);
      expect(ok(await list('(includeRetired: true)')).impactIndicators.find((i) => i.code === input.code)).toMatchObject({ active: false });
      // A retired indicator is not chosen for new targets.
      const again = await propose(as(owner), partnershipId, (await readPartnership(partnershipId)).version, [{ indicatorCode: input.code, target: 10 }]);
      expect(errorOf(again)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['targets', 0, 'indicatorCode'] }] } });
      expect(errorOf(again)!.extensions!.fields).toEqual([
        { path: ['targets', 0, 'indicatorCode'], code: 'NOT_ALLOWED', message: `Indikatorn ${input.code} används inte längre. Välj en aktiv indikator.` },
      ]);
    });
  });

  it('agrees targets: one party proposes, a member of the other agrees, each validated against the catalogue and the units', async () => {
    const id = await partnershipOf({ owner, orgId: enterpriseOrg });
    const fresh = await readPartnership(id);
    expect(fresh).toMatchObject({ status: 'ACTIVE', targetsStatus: 'NONE', reportEveryMonths: 3, targets: [], nextReportDue: null, startsOn: start });

    // Each problem with its path and rule; every problem of the proposal at once.
    const refused = async (targets: unknown[], problems: [(string | number)[], string][], every?: number) => {
      const error = errorOf(await propose(as(owner), id, fresh.version, targets, every));
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: problems.map(([path, code]) => ({ path, code })) } });
      return error!.extensions!.fields as { message: string }[];
    };
    await refused([], [[['targets'], 'TOO_FEW']]);
    await refused(
      Array.from({ length: 21 }, () => TARGETS[0]),
      [[['targets'], 'TOO_MANY']],
    );
    await refused([{ indicatorCode: 'NO_SUCH_THING', target: 1 }], [[['targets', 0, 'indicatorCode'], 'UNKNOWN_VALUE']]);
    await refused([TARGETS[0], TARGETS[1], TARGETS[0]], [[['targets', 2, 'indicatorCode'], 'INVALID']]);
    const [whole] = await refused([TARGETS[1], { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 2.5 }], [[['targets', 1, 'target'], 'INVALID_FORMAT']]);
    expect(whole.message).toBe('Ange ett heltal. Indikatorn räknas i personer.');
    await refused([{ indicatorCode: 'MATERIAL_REUSED', target: -1 }], [[['targets', 0, 'target'], 'OUT_OF_RANGE']]);
    const [decimals] = await refused([{ indicatorCode: 'WORK_TRAINING_HOURS', target: 10.25 }], [[['targets', 0, 'target'], 'INVALID_FORMAT']]);
    expect(decimals.message).toBe('Ange högst 1 decimal. Indikatorn räknas i timmar.');
    await refused(
      [{ indicatorCode: 'NO_SUCH_THING', target: 1 }, { indicatorCode: 'MATERIAL_REUSED', target: -1 }, TARGETS[1]],
      [
        [['targets', 0, 'indicatorCode'], 'UNKNOWN_VALUE'],
        [['targets', 1, 'target'], 'OUT_OF_RANGE'],
      ],
    );
    await refused(TARGETS, [[['reportEveryMonths'], 'UNKNOWN_VALUE']], 2);
    expect(errorOf(await propose(as(outsider), id, fresh.version, TARGETS))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await propose(as(owner), id, fresh.version + 5, TARGETS))).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] } });

    const proposed = ok(await propose(as(owner), id, fresh.version, TARGETS, 6)).proposePartnershipTargets.partnership;
    expect(proposed).toMatchObject({ targetsStatus: 'PROPOSED', reportEveryMonths: 6, targetsProposedBy: { id: enterpriseOrg }, targetsAgreedAt: null, nextReportDue: null });
    expect(proposed.targets.map((t) => [t.indicatorCode, t.target, t.indicator.unit, t.confirmedTotal])).toEqual([
      ['MATERIAL_REUSED', 2.5, 'TONNES', 0],
      ['WORK_TRAINING_HOURS', 4000, 'HOURS', 0],
      ['WORK_TRAINING_PARTICIPANTS', 12, 'PERSONS', 0],
    ]);
    // No report before the targets are agreed.
    expect(errorOf(await createReport(as(owner), { partnershipId: id, ...quarter(0), values: [] }))?.extensions?.code).toBe('CONFLICT');
    // The proposing party does not agree its own proposal; the other party does, at the version it saw.
    expect(errorOf(await agree(as(member), id, proposed.version))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await agree(as(buyer), id, fresh.version))).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] } });
    const agreed = ok(await agree(as(buyer), id, proposed.version)).agreePartnershipTargets.partnership;
    expect(agreed).toMatchObject({ targetsStatus: 'AGREED', targetsProposedBy: { id: enterpriseOrg } });
    expect(agreed.targetsAgreedAt).not.toBeNull();
    // Every six months from the start, the day after the period ends.
    expect(agreed.nextReportDue).toBe(addMonths(start, 6));
    expect(errorOf(await agree(as(buyer), id, agreed.version))?.extensions?.code).toBe('CONFLICT');

    // Each proposal and agreement told the other side (and not the one who acted).
    expect(await notifications(`targets-proposed:${id}:${proposed.version}`)).toEqual([{ userId: buyer.userId, kind: 'PARTNERSHIP_TARGETS', organizationId: buyerOrg }]);
    expect((await notifications(`targets-agreed:${id}:${agreed.version}`)).map((n) => n.userId).sort()).toEqual([owner.userId, member.userId].sort());
    // In Swedish and English, from the catalogue, with the counts in words.
    expect(await texts(`targets-proposed:${id}:${proposed.version}`)).toEqual([
      {
        titleSv: 'Förslag på effektmål: Lokalvård med arbetsträning',
        bodySv: '3 effektmål föreslås, med rapport var 6:e månad. Granska och godkänn förslaget.',
        titleEn: 'Impact targets proposed: Lokalvård med arbetsträning',
        bodyEn: '3 impact targets are proposed, reported every 6 months. Review the proposal and agree to it.',
      },
    ]);
    expect(await texts(`targets-agreed:${id}:${agreed.version}`)).toEqual([
      {
        titleSv: 'Effektmålen är överenskomna: Lokalvård med arbetsträning',
        bodySv: 'De 3 effektmålen är godkända. Företaget rapporterar effekt var 6:e månad.',
        titleEn: 'Impact targets agreed: Lokalvård med arbetsträning',
        bodyEn: 'The 3 impact targets are agreed. The enterprise reports impact every 6 months.',
      },
    ]);
  });

  it('checks report values against the agreed targets and their units, naming the entry and the rule', async () => {
    const p = await agreedPartnership();
    // Each problem with its path and rule (the message where its words matter); every entry's problems at once.
    const attempt = async (values: unknown[], problems: [(string | number)[], string, string?][]) => {
      const error = errorOf(await createReport(as(owner), { partnershipId: p.id, ...quarter(0), narrative: 'Första kvartalet', values }));
      expect(error).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: problems.map(([path, code, message]) => ({ path, code, ...(message ? { message } : {}) })) },
      });
    };
    await attempt(
      [
        { indicatorCode: 'WORK_TRAINING_HOURS', value: 310.5 },
        { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 2.5 },
      ],
      [[['values', 1, 'value'], 'INVALID_FORMAT', 'Ange ett heltal. Indikatorn räknas i personer.']],
    );
    await attempt([{ indicatorCode: 'MATERIAL_REUSED', value: -0.2 }], [[['values', 0, 'value'], 'OUT_OF_RANGE']]);
    await attempt([{ indicatorCode: 'MATERIAL_REUSED', value: 0.0005 }], [[['values', 0, 'value'], 'INVALID_FORMAT', 'Ange högst 3 decimaler. Indikatorn räknas i ton.']]);
    await attempt([{ indicatorCode: 'NO_SUCH_THING', value: 1 }], [[['values', 0, 'indicatorCode'], 'NOT_ALLOWED']]);
    // In the catalogue, but not among this partnership's targets.
    await attempt(
      [{ indicatorCode: 'MEALS_LOCAL_PRODUCE', value: 300 }],
      [[['values', 0, 'indicatorCode'], 'NOT_ALLOWED', 'Välj en av partnerskapets överenskomna indikatorer: MATERIAL_REUSED, WORK_TRAINING_HOURS, WORK_TRAINING_PARTICIPANTS.']],
    );
    await attempt(
      [
        { indicatorCode: 'MATERIAL_REUSED', value: 1 },
        { indicatorCode: 'MATERIAL_REUSED', value: 2 },
      ],
      [[['values', 1, 'indicatorCode'], 'INVALID']],
    );
    await attempt(
      [
        { indicatorCode: 'NO_SUCH_THING', value: 1 },
        { indicatorCode: 'WORK_TRAINING_HOURS', value: -3 },
      ],
      [
        [['values', 0, 'indicatorCode'], 'NOT_ALLOWED'],
        [['values', 1, 'value'], 'OUT_OF_RANGE'],
      ],
    );

    const period = async (periodStart: string, periodEnd: string, ...fields: string[]) =>
      expect(errorOf(await createReport(as(owner), { partnershipId: p.id, periodStart, periodEnd, values: [] }))).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: fields.map((field) => ({ path: [field] })) },
      });
    await period(addDays(start, -10), addDays(start, 20), 'periodStart');
    await period(quarter(1).periodEnd, quarter(0).periodStart, 'periodEnd');
    await period(today, addDays(today, 1), 'periodEnd');
    await period(addDays(today, 1), addDays(today, 2), 'periodStart', 'periodEnd');
    await period('2026-02-30', '2026-03-31', 'periodStart');
    await period(start, addMonths(start, 12), 'periodEnd');
    // The period's problems and the values' together.
    const both = await createReport(as(owner), {
      partnershipId: p.id,
      periodStart: addDays(today, 1),
      periodEnd: addDays(today, 2),
      values: [{ indicatorCode: 'MATERIAL_REUSED', value: -1 }],
    });
    expect(errorOf(both)).toMatchObject({
      message: '3 uppgifter behöver rättas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['periodStart'], code: 'OUT_OF_RANGE' },
          { path: ['periodEnd'], code: 'OUT_OF_RANGE' },
          { path: ['values', 0, 'value'], code: 'OUT_OF_RANGE', message: 'Värdet får inte vara negativt.' },
        ],
      },
    });

    const draft = ok(await createReport(as(member), { partnershipId: p.id, ...quarter(0), values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 310.5 }] })).createImpactReport
      .impactReport;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      revision: 1,
      correctsReportId: null,
      values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 310.5, indicator: { unit: 'HOURS' } }],
    });
    // Submitting asks for a narrative, then for at least one value.
    expect(errorOf(await reportAction(as(owner), 'submitImpactReport', draft.id, draft.version))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['narrative'] }] },
    });
    const emptied = ok(await updateReport(as(owner), draft.id, draft.version, { narrative: 'Fyra deltagare i arbetsträning.', values: [] })).updateImpactReport.impactReport;
    expect(errorOf(await reportAction(as(owner), 'submitImpactReport', emptied.id, emptied.version))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['values'] }] },
    });
    const wrong = await updateReport(as(owner), draft.id, emptied.version, { values: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 4.5 }] });
    expect(errorOf(wrong)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['values', 0, 'value'] }] } });
    // A draft is the enterprise's own: the buyer does not see it, so cannot confirm it either.
    expect(await gql(url, `{ impactReport(id: "${draft.id}") { id } }`, {}, as(buyer))).toEqual({ status: 200, data: { impactReport: null } });
    expect((await gql(url, `{ impactReport(id: "${draft.id}") { id } }`, {}, as(owner))).data).toEqual({ impactReport: { id: draft.id } });
    expect((await readPartnership(p.id, as(buyer))).impactReports).toEqual([]);
    expect((await readPartnership(p.id, as(owner))).impactReports.map((r) => r.id)).toEqual([draft.id]);
    // A draft may be deleted.
    expect(ok(await deleteReport(as(owner), draft.id, emptied.version))).toEqual({ deleteImpactReport: { deletedImpactReportId: draft.id, partnership: { id: p.id } } });
    expect((await readPartnership(p.id)).impactReports).toEqual([]);
  });

  it('refuses a period that overlaps another report, in the service and, as the last line of defence, in the database', async () => {
    const p = await agreedPartnership();
    const first = await report(p.id, 0, [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 3 }], 'SUBMITTED');
    const overlapping = { partnershipId: p.id, periodStart: addDays(quarter(0).periodEnd, -10), periodEnd: addDays(quarter(0).periodEnd, 20), values: [] };
    const error = errorOf(await createReport(as(owner), overlapping));
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['periodStart'] }] } });
    expect((error!.extensions!.fields as { message: string }[])[0].message).toContain(`överlappar rapporten för ${quarter(0).periodStart} – ${quarter(0).periodEnd} (inskickad)`);
    // A report next to it is fine; moving it onto the first one is not.
    const second = ok(await createReport(as(owner), { partnershipId: p.id, ...quarter(1), values: [] })).createImpactReport.impactReport;
    expect(errorOf(await updateReport(as(owner), second.id, second.version, { periodStart: quarter(0).periodEnd }))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['periodStart'] }] },
    });

    // Past the service, the trigger refuses the same; its refusal maps to the service's error.
    const insert = () =>
      database.dataSource.query(`INSERT INTO impact_report (partnership_id, period_start, period_end) VALUES ($1, $2, $3)`, [p.id, overlapping.periodStart, overlapping.periodEnd]);
    const refusal: unknown = await insert().then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toMatchObject({ driverError: expect.objectContaining({ code: '23P01', constraint: 'impact_report_no_overlap' }) });
    expect((JSON.parse(postgresRefusal(refusal)!.detail!) as { clash: { id: string } }).clash.id).toEqual(first.id);
    const mapped = translate(refusal, IMPACT_REPORT_REFUSALS) as DomainError;
    expect({ code: mapped.code, fields: mapped.fields.map((f) => ({ path: f.path, code: f.code, message: textOf(f.message) })) }).toEqual({
      code: 'BAD_USER_INPUT',
      fields: error!.extensions!.fields,
    });
    // A correction may overlap the report it corrects, and only that one.
    const confirmedFirst = ok(await reportAction(as(buyer), 'confirmImpactReport', first.id, first.version)).confirmImpactReport.impactReport;
    const correction = ok(await correctReport(as(owner), confirmedFirst.id, null)).correctImpactReport.impactReport;
    expect(correction).toMatchObject({ ...quarter(0), correctsReportId: first.id, status: 'DRAFT' });
    const wider = errorOf(await updateReport(as(owner), correction.id, correction.version, { periodEnd: quarter(1).periodStart }));
    expect(wider).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['periodStart'] }] } });
    expect((wider!.extensions!.fields as { message: string }[])[0].message).toContain(`överlappar rapporten för ${quarter(1).periodStart} – ${quarter(1).periodEnd} (ett utkast)`);
  });

  it('locks a confirmed report: changes are refused, a correction supersedes it once confirmed, and the totals follow', async () => {
    const p = await agreedPartnership();
    const q1 = await report(p.id, 0, [
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 3 },
      { indicatorCode: 'WORK_TRAINING_HOURS', value: 420.5 },
    ]);
    const q2 = await report(p.id, 1, [
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 2 },
      { indicatorCode: 'MATERIAL_REUSED', value: 0.75 },
    ]);
    expect(q1.status).toBe('CONFIRMED');
    let seen = await readPartnership(p.id, as(buyer));
    expect(seen.impactTotals).toEqual([
      { indicatorCode: 'MATERIAL_REUSED', total: 0.75, reports: 1 },
      { indicatorCode: 'WORK_TRAINING_HOURS', total: 420.5, reports: 1 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', total: 5, reports: 2 },
    ]);
    expect(seen.targets.find((t) => t.indicatorCode === 'WORK_TRAINING_PARTICIPANTS')).toMatchObject({ target: 12, confirmedTotal: 5, progress: 0.4167 });
    expect(seen.nextReportDue).toBe(addMonths(start, 9));

    // Locked, whoever asks and however.
    const locked = errorOf(await updateReport(as(owner), q1.id, q1.version, { narrative: 'Ändrad i efterhand' }));
    expect(locked?.extensions?.code).toBe('CONFLICT');
    expect(locked!.message).toBe('Rapporten är bekräftad och låst. Gör en rättelse i stället. Den blir en ny version när köparen bekräftar den.');
    expect(errorOf(await deleteReport(as(owner), q1.id, q1.version))?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(await reportAction(as(owner), 'submitImpactReport', q1.id, q1.version))?.extensions?.code).toBe('CONFLICT');
    const lockRefusal: unknown = await database.dataSource.query(`UPDATE impact_report SET narrative = 'x' WHERE id = $1`, [q1.id]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(lockRefusal).toMatchObject({ message: expect.stringMatching(/locked/) });
    // The trigger's refusal reaches a client as the service's CONFLICT.
    const lockMapped = translate(lockRefusal, IMPACT_REPORT_REFUSALS) as DomainError;
    expect({ code: lockMapped.code, message: textOf(lockMapped.detail) }).toEqual({ code: 'CONFLICT', message: locked!.message });
    await expect(database.dataSource.query(`UPDATE impact_report_value SET value = 99 WHERE report_id = $1`, [q1.id])).rejects.toThrow(/locked/);
    await expect(database.dataSource.query(`DELETE FROM impact_report WHERE id = $1`, [q1.id])).rejects.toThrow(/locked/);

    // A correction: a new draft revision with the same content unless changed; one open at a time.
    expect(errorOf(await correctReport(as(owner), (await report(p.id, 2, [{ indicatorCode: 'MATERIAL_REUSED', value: 1 }], 'SUBMITTED')).id, null))?.extensions?.code).toBe(
      'CONFLICT',
    );
    const correction = ok(
      await correctReport(as(owner), q1.id, {
        values: [
          { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 4 },
          { indicatorCode: 'WORK_TRAINING_HOURS', value: 380 },
        ],
      }),
    ).correctImpactReport.impactReport;
    expect(correction).toMatchObject({ status: 'DRAFT', revision: 2, correctsReportId: q1.id, ...quarter(0), narrative: q1.narrative });
    expect(errorOf(await correctReport(as(owner), q1.id, null))?.extensions?.code).toBe('CONFLICT');
    // Until it is confirmed, the totals are those of the original.
    const submitted = ok(await reportAction(as(owner), 'submitImpactReport', correction.id, correction.version)).submitImpactReport.impactReport;
    expect((await readPartnership(p.id, as(buyer))).impactTotals.find((t) => t.indicatorCode === 'WORK_TRAINING_PARTICIPANTS')!.total).toBe(5);
    const confirmed = ok(await reportAction(as(buyer), 'confirmImpactReport', submitted.id, submitted.version)).confirmImpactReport.impactReport;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', revision: 2 });
    seen = await readPartnership(p.id, as(buyer));
    expect(seen.impactReports.find((r) => r.id === q1.id)).toMatchObject({ status: 'SUPERSEDED' });
    expect(seen.impactTotals).toEqual([
      { indicatorCode: 'MATERIAL_REUSED', total: 0.75, reports: 1 },
      { indicatorCode: 'WORK_TRAINING_HOURS', total: 380, reports: 1 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', total: 6, reports: 2 },
    ]);
    // The superseded report is corrected no more; its correction can be.
    expect(errorOf(await correctReport(as(owner), q1.id, null))?.extensions?.code).toBe('CONFLICT');
    const again = ok(await correctReport(as(owner), confirmed.id, { periodEnd: addDays(quarter(0).periodEnd, -1) })).correctImpactReport.impactReport;
    expect(again).toMatchObject({ revision: 3, correctsReportId: confirmed.id, periodEnd: addDays(quarter(0).periodEnd, -1) });
    expect(again.values.map((v) => [v.indicatorCode, v.value])).toEqual([
      ['WORK_TRAINING_HOURS', 380],
      ['WORK_TRAINING_PARTICIPANTS', 4],
    ]);
    // A correction may not take another report's period either.
    expect(errorOf(await updateReport(as(owner), again.id, again.version, { periodEnd: addDays(quarter(1).periodStart, 3) }))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['periodStart'] }] },
    });
    expect(q2.status).toBe('CONFIRMED');
  });

  it('returns a report with the buyer’s comment, and takes it again once the enterprise has changed it', async () => {
    const p = await agreedPartnership();
    const submitted = await report(p.id, 0, [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 100 }], 'SUBMITTED');
    expect(errorOf(await returnReport(as(buyer), submitted.id, submitted.version, '  '))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['comment'] }] },
    });
    const returned = ok(await returnReport(as(buyer), submitted.id, submitted.version, 'Timmarna stämmer inte med närvarolistan.')).returnImpactReport.impactReport;
    expect(returned).toMatchObject({ status: 'RETURNED', returnComment: 'Timmarna stämmer inte med närvarolistan.' });
    expect(errorOf(await reportAction(as(buyer), 'confirmImpactReport', returned.id, returned.version))?.extensions?.code).toBe('CONFLICT');
    // The buyer still sees it; the enterprise changes and resubmits it.
    expect((await readPartnership(p.id, as(buyer))).impactReports.map((r) => r.status)).toEqual(['RETURNED']);
    const changed = ok(await updateReport(as(member), returned.id, returned.version, { values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 96.5 }] })).updateImpactReport
      .impactReport;
    expect(changed.status).toBe('RETURNED');
    const resubmitted = ok(await reportAction(as(member), 'submitImpactReport', changed.id, changed.version)).submitImpactReport.impactReport;
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', returnComment: '' });
    const confirmed = ok(await reportAction(as(buyer), 'confirmImpactReport', resubmitted.id, resubmitted.version)).confirmImpactReport.impactReport;
    expect(confirmed.values).toEqual([{ indicatorCode: 'WORK_TRAINING_HOURS', value: 96.5, indicator: { unit: 'HOURS' } }]);
    expect((await readPartnership(p.id, as(buyer))).impactTotals).toEqual([{ indicatorCode: 'WORK_TRAINING_HOURS', total: 96.5, reports: 1 }]);

    // Each step told the other side only: the buyer of the submissions, the enterprise of the decisions.
    expect((await notifications(`report-submitted:${submitted.id}:${submitted.version}`)).map((n) => n.userId)).toEqual([buyer.userId]);
    expect((await notifications(`report-returned:${returned.id}:${returned.version}`)).map((n) => n.userId).sort()).toEqual([owner.userId, member.userId].sort());
    const { periodStart, periodEnd } = quarter(0);
    expect(await texts(`report-returned:${returned.id}:${returned.version}`)).toEqual([
      {
        titleSv: 'Effektrapporten behöver rättas: Lokalvård med arbetsträning',
        bodySv: `Köparen har skickat tillbaka rapporten för ${periodStart} – ${periodEnd}. Rätta den och skicka in den igen.\n\nKöparens kommentar: Timmarna stämmer inte med närvarolistan.`,
        titleEn: 'Impact report to correct: Lokalvård med arbetsträning',
        bodyEn: `The buyer has sent back the report for ${periodStart} – ${periodEnd}. Correct it and submit it again.\n\nThe buyer’s comment: Timmarna stämmer inte med närvarolistan.`,
      },
    ]);
    // The member resubmitted: the owner hears of the confirmation too, and the buyer of the resubmission.
    expect((await notifications(`report-submitted:${resubmitted.id}:${resubmitted.version}`)).map((n) => n.userId)).toEqual([buyer.userId]);
    expect((await notifications(`report-confirmed:${confirmed.id}`)).map((n) => [n.userId, n.kind, n.organizationId]).sort()).toEqual(
      [
        [owner.userId, 'REPORT_CONFIRMED', enterpriseOrg],
        [member.userId, 'REPORT_CONFIRMED', enterpriseOrg],
      ].sort(),
    );
    const outsiderHeard = (await database.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind LIKE 'REPORT_%'`, [outsider.userId])) as {
      n: number;
    }[];
    expect(outsiderHeard[0].n).toBe(0);
  });

  it('lets only the enterprise write reports and only the buyer decide on them', async () => {
    const p = await agreedPartnership();
    const input = { partnershipId: p.id, ...quarter(0), narrative: 'Första kvartalet', values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 12 }] };
    expect(errorOf(await createReport({}, input))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await createReport(as(buyer), input))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await createReport(as(outsider), input))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await createReport(admin, input))?.extensions?.code).toBe('FORBIDDEN');
    const draft = ok(await createReport(as(owner), input)).createImpactReport.impactReport;
    // A draft is hidden from everyone but the enterprise.
    expect(errorOf(await reportAction(as(buyer), 'submitImpactReport', draft.id, draft.version))?.extensions?.code).toBe('NOT_FOUND');
    const submitted = ok(await reportAction(as(owner), 'submitImpactReport', draft.id, draft.version)).submitImpactReport.impactReport;
    expect(errorOf(await reportAction(as(owner), 'confirmImpactReport', submitted.id, submitted.version))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await reportAction(admin, 'confirmImpactReport', submitted.id, submitted.version))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await reportAction(as(outsider), 'confirmImpactReport', submitted.id, submitted.version))?.extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await returnReport(as(member), submitted.id, submitted.version, 'Nej'))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await updateReport(as(buyer), submitted.id, submitted.version, { narrative: 'Köparens text' }))?.extensions?.code).toBe('FORBIDDEN');
    ok(await reportAction(as(buyer), 'confirmImpactReport', submitted.id, submitted.version));
    expect(errorOf(await correctReport(as(buyer), submitted.id, null))?.extensions?.code).toBe('FORBIDDEN');
  });

  it('takes reports from a completed partnership for 90 days, and none from a terminated one', async () => {
    const completed = await agreedPartnership();
    const done = ok(
      await mutate<{ completePartnership: { partnership: { version: number; status: string } } }>(
        url,
        'completePartnership',
        { partnershipId: completed.id, version: completed.version },
        'partnership { version status }',
        as(buyer),
      ),
    ).completePartnership.partnership;
    expect(done.status).toBe('COMPLETED');
    expect((await readPartnership(completed.id)).nextReportDue).toBeNull();
    ok(await createReport(as(owner), { partnershipId: completed.id, ...quarter(3), narrative: 'Sista kvartalet', values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 80 }] }));
    // Completed longer ago than the grace period (a day more, whatever the hour in Sweden): closed.
    await database.dataSource.query(`UPDATE partnership SET ended_at = now() - interval '92 days' WHERE id = $1`, [completed.id]);
    const late = errorOf(await createReport(as(owner), { partnershipId: completed.id, ...quarter(2), values: [] }));
    expect(late?.extensions?.code).toBe('CONFLICT');
    expect(late!.message).toMatch(/Effekt kan rapporteras upp till 90 dagar efter det\.$/);

    const ended = await agreedPartnership();
    ok(await mutate(url, 'terminatePartnership', { partnershipId: ended.id, version: ended.version, reason: 'Verksamheten upphörde' }, 'partnership { id }', as(buyer)));
    expect(errorOf(await createReport(as(owner), { partnershipId: ended.id, ...quarter(0), values: [] }))?.extensions?.code).toBe('CONFLICT');
  });

  it('finds the reports due by the date in Sweden and reminds the enterprise once per due date', async () => {
    const p = await agreedPartnership({ owner, orgId: enterpriseOrg }, 3);
    const repository = app.get(ImpactRepository);
    const dueFor = async (on: string) => (await repository.reportsDue(on)).find((d) => d.partnershipId === p.id);
    const firstDue = addMonths(start, 3);
    expect(p.nextReportDue).toBe(firstDue);
    // The day before the first quarter is over: nothing; from the day after it: due, until reported.
    expect(await dueFor(addDays(firstDue, -1))).toBeUndefined();
    expect(await dueFor(firstDue)).toEqual({
      partnershipId: p.id,
      title: 'Lokalvård med arbetsträning',
      enterpriseOrganizationId: enterpriseOrg,
      buyerOrganizationId: buyerOrg,
      ...quarter(0),
      dueOn: firstDue,
    });

    const service = app.get(ReportDueService);
    const key = `report-due:${p.id}:${firstDue}`;
    const first = await service.notifyDue(today);
    expect(first.due.map((d) => d.partnershipId)).toContain(p.id);
    const told = await notifications(key);
    expect(told.map((n) => n.userId).sort()).toEqual([owner.userId, member.userId].sort());
    expect(told.every((n) => n.kind === 'REPORT_DUE' && n.organizationId === enterpriseOrg)).toBe(true);
    // Run again (the hourly job, or a retry): nobody is told twice.
    const second = await service.notifyDue(today);
    expect(second.due.map((d) => d.partnershipId)).toContain(p.id);
    expect(await notifications(key)).toEqual(told);

    // A draft for the quarter counts as its report: the next quarter is due next.
    await report(p.id, 0, [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 1 }], 'DRAFT');
    expect(await dueFor(addDays(addMonths(start, 6), -1))).toBeUndefined();
    expect(await dueFor(addMonths(start, 6))).toMatchObject({ ...quarter(1), dueOn: addMonths(start, 6) });
    expect((await readPartnership(p.id)).nextReportDue).toBe(addMonths(start, 6));
    // An agreed end cuts the last period short; once it is reported, nothing more is due.
    const endsOn = addDays(addMonths(start, 4), 9);
    await database.dataSource.query(`UPDATE partnership SET ends_on = $2 WHERE id = $1`, [p.id, endsOn]);
    expect(await dueFor(today)).toMatchObject({ periodStart: quarter(1).periodStart, periodEnd: endsOn, dueOn: addDays(endsOn, 1) });
    ok(await createReport(as(owner), { partnershipId: p.id, periodStart: quarter(1).periodStart, periodEnd: endsOn, values: [] }));
    expect(await dueFor(today)).toBeUndefined();
    expect((await readPartnership(p.id)).nextReportDue).toBeNull();
  });

  it('counts confirmed impact in the enterprise’s track record, and the matches are scored again', async () => {
    // An enterprise of its own, so its track record is only what this test does.
    const fOwner = await register(url, 'agare@gronaverkstan.se');
    const fOrg = (
      await createOrganization(
        url,
        fOwner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Gröna verkstan ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    ok(await saveProfile(url, fOwner.accessToken, profileInput(fOrg)));
    const f = { owner: fOwner, orgId: fOrg };
    const partnershipId = await partnershipOf(f, 'Lokalvård av stadshuset');
    const matching = app.get(MatchingRepository);
    expect(await matching.profile(fOrg)).toMatchObject({ completedPartnerships: 0, completedWithImpact: 0, ongoingWithImpact: 0, partnerBuyerIds: [] });

    // A new need of the same buyer; an ACTIVE partnership without confirmed impact is no track record.
    const draft = ok(await createNeed(url, buyer.accessToken, needInput(buyerOrg, { form: 'PUBLIC_PROCUREMENT', title: 'Lokalvård av bibliotek i Malmö' }))).createNeed.need;
    const need = ok(await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).publishNeed.need;
    type Match = { enterprise: { id: string }; components: { name: string; value: number }[]; reasons: { code: string; component: string; text: string }[] };
    const matchOfF = async () => {
      const r = await gql<{ need: { matchStatus: { state: string }; matches: { nodes: Match[] } } }>(
        url,
        `{ need(id: "${need.id}") { matchStatus { state } matches(first: 100) { nodes { enterprise { id } components { name value } reasons { code component text } } } } }`,
        {},
        as(buyer),
      );
      return r.data!.need.matchStatus.state === 'UP_TO_DATE' ? r.data!.need.matches.nodes.find((m) => m.enterprise.id === fOrg) : undefined;
    };
    const trackRecordOf = (m: Match) => ({ value: m.components.find((c) => c.name === 'trackRecord')!.value, reason: m.reasons.find((r) => r.component === 'trackRecord')! });
    const before = trackRecordOf(await waitFor('the need to be matched', matchOfF));
    expect(before.value).toBe(0);
    expect(before.reason.code).toBe('trackRecord.none');

    const proposed = ok(await propose(as(fOwner), partnershipId, (await readPartnership(partnershipId, as(fOwner))).version, TARGETS)).proposePartnershipTargets.partnership;
    ok(await agree(as(buyer), partnershipId, proposed.version));
    let r = ok(await createReport(as(fOwner), { partnershipId, ...quarter(0), narrative: 'Tre deltagare', values: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 3 }] }))
      .createImpactReport.impactReport;
    r = ok(await reportAction(as(fOwner), 'submitImpactReport', r.id, r.version)).submitImpactReport.impactReport;
    ok(await reportAction(as(buyer), 'confirmImpactReport', r.id, r.version));
    expect(await matching.profile(fOrg)).toMatchObject({ completedPartnerships: 0, completedWithImpact: 0, ongoingWithImpact: 1, partnerBuyerIds: [buyerOrg] });

    // One point (an ongoing partnership with confirmed impact), and the partnership is with this buyer.
    // One partnership with the need's buyer: its part of the same-buyer share (repeat partnerships add up to the whole).
    const oneWithBuyer = TRACK_RECORD.sameBuyerShare * Math.min(1, Math.log1p(1) / Math.log1p(RANKER.sameBuyerSaturateAt));
    // Its need has the new need's CPV code (90919200): one partnership in the need's class, the field's part of it.
    const oneInField = TRACK_RECORD.sameFieldShare * Math.min(1, Math.log1p(1) / Math.log1p(RANKER.sameFieldSaturateAt));
    const expected = TRACK_RECORD.countShare * (Math.log1p(1) / Math.log1p(TRACK_RECORD.saturateAt)) + oneWithBuyer + oneInField;
    const after = trackRecordOf(
      await waitFor('the confirmed report to reach the match', async () => {
        const m = await matchOfF();
        return m && trackRecordOf(m).value > 0 ? m : undefined;
      }),
    );
    expect(after.value).toBeCloseTo(expected, 4);
    // The field counts for more than the same buyer, so its reason is the one shown.
    expect(oneInField).toBeGreaterThan(oneWithBuyer);
    expect(after.reason).toMatchObject({ code: 'trackRecord.sameField', text: 'Har genomfört 1 uppdrag inom samma område (CPV-klass 9091)' });

    // Completed, with its confirmed impact: three points. A terminated one counts nothing, whatever it reported.
    const p = await readPartnership(partnershipId, as(buyer));
    ok(await mutate(url, 'completePartnership', { partnershipId, version: p.version }, 'partnership { id }', as(buyer)));
    const other = await partnershipOf(f, 'Fönsterputs av skolor');
    const otherProposed = ok(await propose(as(fOwner), other, (await readPartnership(other, as(fOwner))).version, TARGETS)).proposePartnershipTargets.partnership;
    const otherAgreed = ok(await agree(as(buyer), other, otherProposed.version)).agreePartnershipTargets.partnership;
    let o = ok(
      await createReport(as(fOwner), { partnershipId: other, ...quarter(0), narrative: 'Två deltagare', values: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 2 }] }),
    ).createImpactReport.impactReport;
    o = ok(await reportAction(as(fOwner), 'submitImpactReport', o.id, o.version)).submitImpactReport.impactReport;
    ok(await reportAction(as(buyer), 'confirmImpactReport', o.id, o.version));
    const otherNow = await readPartnership(other, as(buyer));
    expect(otherNow.version).toBeGreaterThanOrEqual(otherAgreed.version);
    ok(await mutate(url, 'terminatePartnership', { partnershipId: other, version: otherNow.version, reason: 'Avbrutet' }, 'partnership { id }', as(buyer)));
    expect(await matching.profile(fOrg)).toMatchObject({ completedPartnerships: 1, completedWithImpact: 1, ongoingWithImpact: 0, partnerBuyerIds: [buyerOrg] });
    const completedValue = TRACK_RECORD.countShare * (Math.log1p(3) / Math.log1p(TRACK_RECORD.saturateAt)) + oneWithBuyer + oneInField;
    const last = trackRecordOf(
      await waitFor('the completion to reach the match', async () => {
        const m = await matchOfF();
        return m && Math.abs(trackRecordOf(m).value - completedValue) < 1e-4 ? m : undefined;
      }),
    );
    expect(last.reason.text).toBe('Har genomfört 1 uppdrag inom samma område (CPV-klass 9091)');
  });
});
