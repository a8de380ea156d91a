import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { NotificationMailer, type MailMessage } from '@samverka/notifications';
import { SAVED_SEARCHES_MAX } from '@samverka/saved-searches';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createNeed, needInput, needTransition, profileInput, saveProfile } from '../support/marketplace.js';
import { allNotifications } from '../support/notifications.js';
import { waitFor } from '../support/wait.js';

const PUBLIC_URL = 'https://samverka.example.se';
const FIELDS = 'id name minScore email filter { search cpvCodes sdgs municipalityCode countyCode forms budgetFromSek budgetToSek }';
const CREATE = `mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { savedSearch { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateSavedSearchInput!) { updateSavedSearch(input: $input) { savedSearch { ${FIELDS} } } }`;
const DELETE = 'mutation($input: DeleteSavedSearchInput!) { deleteSavedSearch(input: $input) { savedSearchId } }';
const LIST = `query($organizationId: ID!) { savedSearches(organizationId: $organizationId) { ${FIELDS} } }`;

interface Saved {
  id: string;
  name: string;
  minScore: number;
  email: boolean;
  filter: Record<string, unknown>;
}
type Problem = { message: string; extensions: { code: string; fields?: { path: string[]; code: string; message: string }[] } };

describe('saved searches (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let db: Database;
  let admin: Record<string, string>;
  const mailed: MailMessage[] = [];
  let buyer: SignedIn;
  let buyerOrg: string;
  let owner: SignedIn;
  let member: SignedIn;
  let outsider: SignedIn;
  let enterpriseOrg: string;

  const create = (who: SignedIn | null, input: Record<string, unknown>) =>
    gql<{ createSavedSearch: { savedSearch: Saved } }>(url, CREATE, { input: { organizationId: enterpriseOrg, ...input } }, who ? auth(who.accessToken) : {});
  const list = async (who: SignedIn) => (await gql<{ savedSearches: Saved[] }>(url, LIST, { organizationId: enterpriseOrg }, auth(who.accessToken))).data!.savedSearches;
  const codeOf = (result: { errors?: readonly unknown[] }) => (result.errors?.[0] as Problem | undefined)?.extensions.code;
  const fieldsOf = (result: { errors?: readonly unknown[] }) => ((result.errors?.[0] as Problem | undefined)?.extensions.fields ?? []).map((f) => `${f.path.join('.')}:${f.code}`);
  const publish = async (overrides: Record<string, unknown>) => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
    const published = await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version);
    expect(published.errors).toBeUndefined();
    return published.data!.publishNeed.need;
  };
  const matchedAll = () =>
    waitFor('the matching jobs to be done', async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`))[0].n === 0);
  const savedTold = async (who: SignedIn, needId: string) =>
    (await allNotifications(url, who.accessToken)).filter((n) => n.kind === 'SAVED_SEARCH_MATCH' && n.subjectId === needId).map((n) => JSON.parse(n.data).savedSearchId as string);

  beforeAll(async () => {
    api = await startEmbeddedApi('saved-searches', { LOGIN_MAX_FAILURES_PER_IP: '1000', PUBLIC_URL, QUEUE_RETRY_BACKOFF_MS: '20' });
    ({ app, url } = api);
    db = app.get(Database);
    const mailer = app.get(NotificationMailer);
    const send = mailer.send.bind(mailer);
    mailer.send = async (message) => {
      mailed.push(message);
      return send(message);
    };
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
    owner = await register(url, 'agare@socialt.se');
    enterpriseOrg = (
      await createOrganization(
        url,
        owner.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name: 'Städkooperativet Malmö ek. för.', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    expect((await saveProfile(url, owner.accessToken, profileInput(enterpriseOrg))).errors).toBeUndefined();
    member = await register(url, 'medlem@socialt.se');
    const ticket = (await invite(url, owner.accessToken, enterpriseOrg, member.email)).data!.inviteMember;
    await acceptInvitation(url, member.accessToken, ticket.token);
    outsider = await register(url, 'utomstaende@exempel.se');
  });
  afterAll(async () => api?.stop());

  it('lets the enterprise’s members save, list, change and delete searches', async () => {
    const created = await create(member, {
      name: '  Städning i Malmö ',
      minScore: 50,
      email: false,
      filter: { cpvCodes: ['90910000-9'], municipalityCode: '1280', forms: ['IOP', 'IOP'] },
    });
    expect(created.errors).toBeUndefined();
    const saved = created.data!.createSavedSearch.savedSearch;
    expect(saved).toMatchObject({
      name: 'Städning i Malmö',
      minScore: 50,
      email: false,
      filter: { cpvCodes: ['90910000'], municipalityCode: '1280', forms: ['IOP'], search: null },
    });
    const defaults = (await create(owner, { name: 'Allt' })).data!.createSavedSearch.savedSearch;
    expect(defaults).toMatchObject({ minScore: 60, email: true, filter: { cpvCodes: [], sdgs: [], forms: [] } });
    expect((await list(owner)).map((s) => s.name)).toEqual(['Städning i Malmö', 'Allt']);

    const updated = await gql<{ updateSavedSearch: { savedSearch: Saved } }>(
      url,
      UPDATE,
      { input: { organizationId: enterpriseOrg, savedSearchId: saved.id, name: 'Lokalvård', minScore: 70 } },
      auth(owner.accessToken),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSavedSearch.savedSearch).toMatchObject({ name: 'Lokalvård', minScore: 70, email: false, filter: { municipalityCode: '1280' } });

    for (const s of [saved, defaults]) {
      expect((await gql(url, DELETE, { input: { organizationId: enterpriseOrg, savedSearchId: s.id } }, auth(member.accessToken))).errors).toBeUndefined();
    }
    expect(await list(owner)).toEqual([]);
    const gone = await gql(url, DELETE, { input: { organizationId: enterpriseOrg, savedSearchId: saved.id } }, auth(member.accessToken));
    expect(codeOf(gone)).toBe('NOT_FOUND');
  });

  it('keeps them to the enterprise’s members, and to enterprises', async () => {
    expect(codeOf(await create(null, { name: 'X' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await create(outsider, { name: 'X' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, LIST, { organizationId: enterpriseOrg }, auth(outsider.accessToken)))).toBe('FORBIDDEN');
    const mine = (await create(owner, { name: 'Egen' })).data!.createSavedSearch.savedSearch;
    // Someone else's search cannot be reached through one's own organisation.
    const other = await gql(url, UPDATE, { input: { organizationId: buyerOrg, savedSearchId: mine.id, name: 'Kapad' } }, auth(buyer.accessToken));
    expect(codeOf(other)).toBe('NOT_FOUND');
    const asBuyer = await gql(url, CREATE, { input: { organizationId: buyerOrg, name: 'Köparens' } }, auth(buyer.accessToken));
    expect(codeOf(asBuyer)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(asBuyer)).toEqual(['organizationId:NOT_ALLOWED']);
    await gql(url, DELETE, { input: { organizationId: enterpriseOrg, savedSearchId: mine.id } }, auth(owner.accessToken));
  });

  it('names the field and the rule of every mistake, in Swedish', async () => {
    const wrong = await create(owner, { name: ' ', minScore: 101, filter: { municipalityCode: '9999', sdgs: [18] } });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong).sort()).toEqual(['filter.municipalityCode:UNKNOWN_VALUE', 'filter.sdgs:OUT_OF_RANGE', 'minScore:OUT_OF_RANGE', 'name:REQUIRED'].sort());
    const fields = (wrong.errors![0] as Problem).extensions.fields!;
    expect(fields.find((f) => f.path.join('.') === 'minScore')!.message).toBe('Ange ett heltal från 0 till 100.');
    expect(fields.find((f) => f.path.join('.') === 'name')!.message).toBe('Fyll i fältet.');
    expect(fieldsOf(await create(owner, { name: 'x'.repeat(101) }))).toEqual(['name:TOO_LONG']);

    for (let i = 0; i < SAVED_SEARCHES_MAX; i++) expect((await create(owner, { name: `Sökning ${i + 1}` })).errors).toBeUndefined();
    const tooMany = await create(owner, { name: 'En till' });
    expect(codeOf(tooMany)).toBe('CONFLICT');
    expect((tooMany.errors![0] as Problem).message).toContain(`högst ${SAVED_SEARCHES_MAX} sökningar`);
    for (const s of await list(owner)) await gql(url, DELETE, { input: { organizationId: enterpriseOrg, savedSearchId: s.id } }, auth(owner.accessToken));
  });

  it('tells the maker once of a published need that fits at the minimum score, by e-mail or in the inbox only', async () => {
    const cleaning = { cpvCodes: ['90910000'], municipalityCode: '1280' };
    const fits = (await create(owner, { name: 'Städ i Malmö', minScore: 0, filter: cleaning })).data!.createSavedSearch.savedSearch;
    const inboxOnly = (await create(owner, { name: 'Bara inkorgen', minScore: 0, email: false, filter: cleaning })).data!.createSavedSearch.savedSearch;
    const tooHigh = (await create(owner, { name: 'Bara perfekta', minScore: 100, filter: cleaning })).data!.createSavedSearch.savedSearch;
    const otherForm = (await create(owner, { name: 'IOP', minScore: 0, filter: { ...cleaning, forms: ['IOP'] } })).data!.createSavedSearch.savedSearch;
    const otherWords = (await create(owner, { name: 'Catering', minScore: 0, filter: { search: 'catering' } })).data!.createSavedSearch.savedSearch;

    const need = await publish({ title: 'Lokalvård av bibliotek i Malmö', form: 'RESERVED_CONTRACT' });
    await matchedAll();
    const score = (
      await gql<{ need: { matches: { nodes: { score: number }[] } } }>(url, `{ need(id: "${need.id}") { matches(first: 10) { nodes { score } } } }`, {}, auth(buyer.accessToken))
    ).data!.need.matches.nodes[0].score;
    expect(score).toBeLessThan(100);
    expect((await savedTold(owner, need.id)).sort()).toEqual([fits.id, inboxOnly.id].sort());
    // The member did not save them: the maker alone is told.
    expect(await savedTold(member, need.id)).toEqual([]);
    expect([tooHigh.id, otherForm.id, otherWords.id].some((id) => JSON.stringify(mailed).includes(id))).toBe(false);

    const told = (await allNotifications(url, owner.accessToken)).find((n) => n.kind === 'SAVED_SEARCH_MATCH' && JSON.parse(n.data).savedSearchId === fits.id)!;
    expect(told).toMatchObject({ subjectType: 'need', subjectId: need.id, title: 'Ett nytt behov för sökningen ”Städ i Malmö”: Lokalvård av bibliotek i Malmö' });
    const rows = await waitFor('the e-mails to be done', async () => {
      const r = (await db.dataSource.query(`SELECT data->>'savedSearchId' AS id, email_status AS status FROM notification WHERE kind = 'SAVED_SEARCH_MATCH' AND subject_id = $1`, [
        need.id,
      ])) as { id: string; status: string }[];
      return r.every((x) => x.status !== 'PENDING') ? r : undefined;
    });
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(['SENT', 'LOGGED']).toContain(status[fits.id]);
    expect(status[inboxOnly.id]).toBe('NONE');
    const mail = mailed.filter((m) => m.subject.includes('för sökningen') && m.subject.includes('Lokalvård av bibliotek i Malmö'));
    expect(mail.map((m) => m.to)).toEqual(['agare@socialt.se']);
    expect(mail[0].text).toContain(`${PUBLIC_URL}/behov/${need.id}`);

    // Matched again after a change and in a rebuild: nobody is told twice.
    const current = (await gql<{ need: { version: number } }>(url, `{ need(id: "${need.id}") { version } }`, {}, auth(buyer.accessToken))).data!.need.version;
    const changed = await gql(
      url,
      'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { id } } }',
      { input: { needId: need.id, version: current, title: 'Lokalvård av bibliotek och skolor i Malmö' } },
      auth(buyer.accessToken),
    );
    expect(changed.errors).toBeUndefined();
    await matchedAll();
    expect((await gql(url, 'mutation { rebuildMatches { matchingRebuild { id } } }', {}, admin)).errors).toBeUndefined();
    await waitFor(
      'the rebuild to finish',
      async () => (await gql<{ matchingRebuild: { status: string } }>(url, '{ matchingRebuild { status } }', {}, admin)).data!.matchingRebuild.status === 'DONE',
    );
    expect((await savedTold(owner, need.id)).sort()).toEqual([fits.id, inboxOnly.id].sort());
    expect(mailed.filter((m) => m.subject.includes('för sökningen'))).toHaveLength(1);
  });
});
