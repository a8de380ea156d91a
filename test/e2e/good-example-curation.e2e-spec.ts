import { addDays, swedishDate } from '@samverka/domain';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;
const fieldsOf = (errors: Errors) => errors?.[0]?.extensions?.fields as { path: (string | number)[]; code: string; message: string }[] | undefined;

interface ExampleShape {
  partnershipId: string;
  title: string;
  curatorNoteSv: string | null;
  curatorNoteEn: string | null;
  featured: boolean;
  hiddenReason: string | null;
  curationVersion: number;
}
const EXAMPLE = 'partnershipId title curatorNoteSv curatorNoteEn featured hiddenReason curationVersion';

/**
 * The region's coordinator curates the library of good examples (what an example shows, featured first,
 * hidden with a reason the parties see), and the administrator's audit trail is filtered by day.
 */
describe('good examples: curation by the region, and the audit trail by day (embedded mode)', () => {
  let api: EmbeddedApi;
  let url: string;
  let admin: Record<string, string>;
  let buyer: SignedIn;
  let enterprise: SignedIn;
  let coordinator: SignedIn;
  let farCoordinator: SignedIn;
  let outsider: SignedIn;
  let buyerOrg: string;
  let enterpriseOrg: string;

  /** A brokered partnership in Skåne that both parties show in the library (or not, with `shown: false`). */
  const example = async (title: string, startsOn: string, shown = true) => {
    const made = await mutate<{ createPartnership: { partnership: { id: string; version: number } } }>(
      url,
      'createPartnership',
      { buyerOrganizationId: buyerOrg, enterpriseOrganizationId: enterpriseOrg, title, municipalityCode: '1280', startsOn },
      'partnership { id version }',
      auth(coordinator.accessToken),
    );
    expect(made.errors).toBeUndefined();
    const id = made.data!.createPartnership.partnership.id;
    if (shown) {
      for (const party of [buyer, enterprise]) {
        const set = await mutate(
          url,
          'setPartnershipPublic',
          { partnershipId: id, public: true, summary: `${title}: ett samarbete.` },
          'partnership { id }',
          auth(party.accessToken),
        );
        expect(set.errors).toBeUndefined();
      }
    }
    return id;
  };
  const curate = (headers: Record<string, string>, input: Record<string, unknown>) =>
    mutate<{ curateGoodExample: { goodExample: ExampleShape } }>(
      url,
      'curateGoodExample',
      { featured: false, hidden: false, version: 0, ...input },
      `goodExample { ${EXAMPLE} }`,
      headers,
    );
  const library = async () => (await gql<{ goodExamples: { nodes: ExampleShape[] } }>(url, `{ goodExamples(first: 100) { nodes { ${EXAMPLE} } } }`)).data!.goodExamples.nodes;
  const toCurate = (headers: Record<string, string>) =>
    gql<{ goodExamplesToCurate: { totalCount: number; nodes: ExampleShape[] } }>(url, `{ goodExamplesToCurate(first: 100) { totalCount nodes { ${EXAMPLE} } } }`, {}, headers);

  beforeAll(async () => {
    api = await startEmbeddedApi('curation', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    url = api.url;
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    const verifiedBy = admin.authorization.slice(7);
    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, verifiedBy)
    ).data!.createOrganization.organization.id;
    enterprise = await register(url, 'agare@kooperativet.se');
    enterpriseOrg = (
      await createOrganization(
        url,
        enterprise.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name: 'Kooperativet Malmö ek. för.', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        verifiedBy,
      )
    ).data!.createOrganization.organization.id;
    coordinator = await register(url, 'samordnare@skane.se');
    farCoordinator = await register(url, 'samordnare@stockholm.se');
    outsider = await register(url, 'utomstaende@exempel.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    expect((await gql(url, setRole, { input: { userId: coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, admin)).errors).toBeUndefined();
    expect((await gql(url, setRole, { input: { userId: farCoordinator.userId, role: 'COORDINATOR', countyCodes: ['01'] } }, admin)).errors).toBeUndefined();
  });
  afterAll(async () => api?.stop());

  it("lets only the region's coordinators and administrators curate an example", async () => {
    const id = await example('Rätt att kurera', '2026-01-01');
    expect(codeOf((await curate({}, { partnershipId: id })).errors)).toBe('UNAUTHENTICATED');
    for (const person of [outsider, buyer, enterprise, farCoordinator]) {
      expect(codeOf((await curate(auth(person.accessToken), { partnershipId: id, noteSv: 'Visar något.' })).errors)).toBe('FORBIDDEN');
    }
    const byCoordinator = await curate(auth(coordinator.accessToken), { partnershipId: id, noteSv: 'Visar arbetsträning.' });
    expect(byCoordinator.errors).toBeUndefined();
    expect(byCoordinator.data!.curateGoodExample.goodExample).toMatchObject({ curatorNoteSv: 'Visar arbetsträning.', curationVersion: 1 });
    const byAdmin = await curate(admin, { partnershipId: id, version: 1, noteSv: 'Visar arbetsträning i skolan.', noteEn: 'Shows work training.' });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.curateGoodExample.goodExample).toMatchObject({ curatorNoteEn: 'Shows work training.', curationVersion: 2 });
    expect(codeOf((await curate(auth(coordinator.accessToken), { partnershipId: id, version: 1 })).errors)).toBe('CONFLICT');
  });

  it('puts its problems on their fields, in Swedish', async () => {
    const id = await example('Fel i fälten', '2026-01-02');
    const wrong = await curate(auth(coordinator.accessToken), { partnershipId: id, noteSv: 'x'.repeat(601), featured: true, hidden: true, hiddenReason: '  ' });
    expect(codeOf(wrong.errors)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong.errors)).toEqual([
      { path: ['noteSv'], code: 'TOO_LONG', message: 'Skriv högst 600 tecken.' },
      { path: ['hiddenReason'], code: 'REQUIRED', message: 'Skriv varför exemplet döljs. Parterna ser skälet.' },
      { path: ['featured'], code: 'NOT_ALLOWED', message: 'Ett dolt exempel kan inte lyftas fram. Visa det först, eller lyft inte fram det.' },
    ]);
    const notShown = await example('Inte visat', '2026-01-03', false);
    const refused = await curate(auth(coordinator.accessToken), { partnershipId: notShown, featured: true });
    expect(fieldsOf(refused.errors)?.[0]).toMatchObject({ path: ['partnershipId'], code: 'NOT_ALLOWED' });
  });

  it('shows featured examples first with their text, and hides one with a reason its parties see', async () => {
    const older = await example('Äldre och framlyft', '2025-01-01');
    const newer = await example('Nyare', '2026-06-01');
    const hidden = await example('Dolt', '2026-05-01');
    expect((await curate(auth(coordinator.accessToken), { partnershipId: older, featured: true, noteSv: 'Visar hur återbruk ger jobb.' })).errors).toBeUndefined();
    expect((await curate(auth(coordinator.accessToken), { partnershipId: hidden, hidden: true, hiddenReason: 'Texten nämner en person vid namn.' })).errors).toBeUndefined();

    const shown = await library();
    expect(shown[0]).toMatchObject({ partnershipId: older, featured: true, curatorNoteSv: 'Visar hur återbruk ger jobb.' });
    const ids = shown.map((e) => e.partnershipId);
    expect(ids).toContain(newer);
    expect(ids).not.toContain(hidden);
    expect(shown.every((e) => e.hiddenReason === null)).toBe(true);

    const curated = await toCurate(auth(coordinator.accessToken));
    expect(curated.errors).toBeUndefined();
    expect(curated.data!.goodExamplesToCurate.nodes.find((e) => e.partnershipId === hidden)).toMatchObject({ hiddenReason: 'Texten nämner en person vid namn.' });
    expect((await toCurate(auth(farCoordinator.accessToken))).data!.goodExamplesToCurate.totalCount).toBe(0);
    expect(codeOf((await toCurate(auth(outsider.accessToken))).errors)).toBe('FORBIDDEN');
    expect((await toCurate(admin)).data!.goodExamplesToCurate.totalCount).toBe(curated.data!.goodExamplesToCurate.totalCount);

    const seen = await gql<{ partnership: { goodExampleHiddenReason: string | null } }>(
      url,
      'query($id: ID!) { partnership(id: $id) { goodExampleHiddenReason } }',
      { id: hidden },
      auth(enterprise.accessToken),
    );
    expect(seen.data!.partnership.goodExampleHiddenReason).toBe('Texten nämner en person vid namn.');
  });

  it('records the curation in the audit trail, found by its action and day', async () => {
    const id = await example('Granskat', '2026-02-01');
    expect((await curate(auth(coordinator.accessToken), { partnershipId: id, featured: true })).errors).toBeUndefined();
    const today = swedishDate(new Date());
    const trail = (filter: Record<string, unknown>) =>
      gql<{ auditEvents: { nodes: { action: string; entityId: string; actorUserId: string; data: string }[] } }>(
        url,
        'query($f: AuditFilterInput) { auditEvents(first: 100, filter: $f) { nodes { action entityId actorUserId data } } }',
        { f: filter },
        admin,
      );
    const found = await trail({ action: 'goodExample.curated', from: today, to: today });
    expect(found.errors).toBeUndefined();
    const event = found.data!.auditEvents.nodes.find((e) => e.entityId === id);
    expect(event).toMatchObject({ action: 'goodExample.curated', actorUserId: coordinator.userId });
    expect(JSON.parse(event!.data)).toMatchObject({ before: { featured: false }, after: { featured: true } });
    expect((await trail({ action: 'goodExample.curated', from: addDays(today, 1) })).data!.auditEvents.nodes).toEqual([]);
    expect((await trail({ action: 'goodExample.curated', to: addDays(today, -1) })).data!.auditEvents.nodes).toEqual([]);

    const backwards = await trail({ from: today, to: addDays(today, -1) });
    expect(fieldsOf(backwards.errors)).toEqual([{ path: ['filter', 'to'], code: 'OUT_OF_RANGE', message: `Till-datumet får inte vara före från-datumet (${today}).` }]);
  });
});
