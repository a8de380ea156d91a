import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { SignJWT } from 'jose';
import fs from 'node:fs';
import path from 'node:path';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, me, nextOrganisationsnummer, PASSWORD, refresh, register, type SignedIn } from '../support/accounts.js';
import { FakeClock } from '../support/fake-clock.js';
import { gql } from '../support/graphql.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';

const ACCESS_TTL_S = 60;

describe('accounts, sessions and organisations (embedded mode)', () => {
  const clock = new FakeClock();
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  /** Signs the administrator in anew: the fake clock outruns any token kept for long. */
  const adminToken = async () => (await login(url, 'admin@samverka.se')).data!.login.accessToken;

  beforeAll(async () => {
    api = await startEmbeddedApi('accounts', { ACCESS_TOKEN_TTL_S: String(ACCESS_TTL_S), LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }, { clock: clock.now });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
  });
  afterAll(async () => api?.stop());

  describe('registration and sign-in', () => {
    it('registers with a normalised e-mail and signs in', async () => {
      const anna = await register(url, '  Anna.Svensson@Exempel.SE ');
      expect((await me(url, anna.accessToken)).data?.me).toMatchObject({ id: anna.userId, email: 'anna.svensson@exempel.se', platformRole: 'USER' });
      const again = await login(url, 'ANNA.svensson@exempel.se');
      expect(again.data?.login.user.id).toBe(anna.userId);
    });

    const registration = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
      gql(url, 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', { input }, headers);

    it.each([
      [{ email: 'not-an-email', password: PASSWORD, displayName: 'X' }, 'email', 'INVALID_FORMAT', 'Skriv en e-postadress, till exempel namn@kommun.se.'],
      [{ email: 'short@exempel.se', password: 'too short', displayName: 'X' }, 'password', 'TOO_SHORT', 'Skriv minst 12 tecken.'],
      [{ email: 'noname@exempel.se', password: PASSWORD, displayName: '  ' }, 'displayName', 'REQUIRED', 'Fyll i fältet.'],
      [{ email: 'long@exempel.se', password: PASSWORD, displayName: 'x'.repeat(121) }, 'displayName', 'TOO_LONG', 'Skriv högst 120 tecken.'],
      [{ email: 'same@exempel.se', password: 'SAME@exempel.se', displayName: 'X' }, 'password', 'NOT_ALLOWED', 'Välj ett lösenord som inte är din e-postadress.'],
    ])('refuses %j, naming the field and the rule', async (input, path, code, message) => {
      const result = await registration(input);
      expect(result.errors?.[0]).toMatchObject({ message: 'En uppgift behöver rättas.', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: [path], code, message }] } });
    });

    it('reports every mistake of a registration at once, in Swedish unless English is asked for', async () => {
      const input = { email: 'anna.exempel.se', password: 'kort', displayName: ' ' };
      const swedish = await registration(input);
      expect(swedish.errors).toHaveLength(1);
      expect(swedish.errors?.[0]).toMatchObject({
        message: '3 uppgifter behöver rättas.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { path: ['email'], code: 'INVALID_FORMAT', message: 'Skriv en e-postadress, till exempel namn@kommun.se.' },
            { path: ['displayName'], code: 'REQUIRED', message: 'Fyll i fältet.' },
            { path: ['password'], code: 'TOO_SHORT', message: 'Skriv minst 12 tecken.' },
          ],
        },
      });
      const english = await registration(input, { 'accept-language': 'en' });
      expect(english.errors?.[0]).toMatchObject({
        message: '3 fields need correcting.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { path: ['email'], code: 'INVALID_FORMAT', message: 'Write an e-mail address, such as name@kommun.se.' },
            { path: ['displayName'], code: 'REQUIRED', message: 'Fill in this field.' },
            { path: ['password'], code: 'TOO_SHORT', message: 'Write at least 12 characters.' },
          ],
        },
      });
      expect((await login(url, 'anna.exempel.se', 'kort')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a second account for the same e-mail', async () => {
      await register(url, 'dup@exempel.se');
      const result = await registration({ email: 'DUP@exempel.se', password: PASSWORD, displayName: 'Dup' });
      expect(result.errors?.[0]).toMatchObject({
        message: 'Det finns redan ett konto med den här e-postadressen. Logga in i stället.',
        extensions: { code: 'CONFLICT', fields: [{ path: ['email'], code: 'TAKEN' }] },
      });
    });

    it('answers a wrong password and an unknown account with the same message', async () => {
      await register(url, 'bertil@exempel.se');
      const wrongPassword = await login(url, 'bertil@exempel.se', 'not the right password');
      const unknown = await login(url, 'nobody@exempel.se', 'not the right password');
      expect(wrongPassword.errors?.[0]).toEqual(unknown.errors?.[0]);
      expect(wrongPassword.errors?.[0]).toMatchObject({ message: 'E-postadressen eller lösenordet är fel.', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses sign-in for a while after repeated failures, even with the right password', async () => {
      await register(url, 'cecilia@exempel.se');
      for (let i = 0; i < 3; i += 1) expect((await login(url, 'cecilia@exempel.se', 'wrong password!!')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const blocked = await login(url, 'cecilia@exempel.se');
      expect(blocked.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
      const seconds = blocked.errors?.[0].extensions?.retryAfterSeconds as number;
      expect(seconds).toBeGreaterThan(1);
      expect(blocked.errors?.[0].message).toBe(`Du har försökt för många gånger. Vänta ${seconds} sekunder och försök igen.`);
      // Other accounts are not affected.
      expect((await login(url, 'bertil@exempel.se')).data?.login).toBeDefined();
    });
  });

  it('counts a burst of parallel guesses as it arrives', async () => {
    await register(url, 'burst@exempel.se');
    const guesses = await Promise.all(Array.from({ length: 15 }, (_, i) => login(url, 'burst@exempel.se', `wrong guess number ${i}`)));
    const codes = guesses.map((g) => g.errors?.[0].extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(12);
    expect((await login(url, 'burst@exempel.se')).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses text with a NUL character, naming the field', async () => {
    const viaVariable = await login(url, 'nul\u0000@exempel.se');
    expect(viaVariable).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['email'], code: 'INVALID_FORMAT', message: 'Texten innehåller ett otillåtet tecken (NUL).' }] } }],
    });
    const inline = await gql(url, '{ organizations(filter: { search: "a\\u0000b" }) { totalCount } }', {}, { 'accept-language': 'en' });
    expect(inline).toMatchObject({
      status: 400,
      errors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ path: ['filter', 'search'], code: 'INVALID_FORMAT', message: 'The text contains a character that is not allowed (NUL).' }],
          },
        },
      ],
    });
  });

  describe('tokens', () => {
    it('expires access tokens, and a refresh gives working new ones', async () => {
      const david = await register(url, 'david@exempel.se');
      clock.advance((ACCESS_TTL_S + 1) * 1000);
      const expired = await me(url, david.accessToken);
      expect(expired.errors?.[0]).toMatchObject({ message: 'Åtkomsttoken har gått ut. Förnya sessionen med din förnyelsetoken.', extensions: { code: 'UNAUTHENTICATED' } });
      const refreshed = await refresh(url, david.refreshToken);
      expect((await me(url, refreshed.data!.refreshSession.accessToken)).data?.me?.id).toBe(david.userId);
    });

    it('rotates refresh tokens, and reuse of a rotated one ends the whole session', async () => {
      const eva = await register(url, 'eva@exempel.se');
      const second = (await refresh(url, eva.refreshToken)).data!.refreshSession;
      const third = (await refresh(url, second.refreshToken)).data!.refreshSession;

      // Past the grace period for a renewal whose answer was lost (REFRESH_REUSE_GRACE_S, 30 s).
      clock.advance(31_000);
      const reuse = await refresh(url, eva.refreshToken);
      expect(reuse.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Förnyelsetoken har redan använts/), extensions: { code: 'UNAUTHENTICATED' } });
      // The thief's copy and the owner's newest token are both dead now.
      expect((await refresh(url, third.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      const audit = await gql<{ auditEvents: { nodes: { action: string; data: string }[] } }>(
        url,
        `query($id: String!) { auditEvents(filter: { entityType: "user", entityId: $id }) { nodes { action data } } }`,
        { id: eva.userId },
        auth(await adminToken()),
      );
      expect(audit.data?.auditEvents.nodes.map((e) => e.action)).toContain('session.revoked');
    });

    it('ends the session on logout, access token included', async () => {
      const frida = await register(url, 'frida@exempel.se');
      const loggedOut = await gql(url, 'mutation($input: LogoutInput!) { logout(input: $input) { signedOut } }', { input: { refreshToken: frida.refreshToken } });
      expect(loggedOut.data).toEqual({ logout: { signedOut: true } });
      expect((await refresh(url, frida.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await me(url, frida.accessToken)).errors?.[0]).toMatchObject({ message: 'Sessionen är avslutad. Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('ends the access tokens of a session whose refresh token was reused', async () => {
      const thief = await register(url, 'ivar@exempel.se');
      const rotated = (await refresh(url, thief.refreshToken)).data!.refreshSession;
      clock.advance(31_000);
      await refresh(url, thief.refreshToken);
      expect((await me(url, rotated.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('goes on with the session when a used refresh token comes again at once (a reload cut off the renewal’s answer)', async () => {
      const jonas = await register(url, 'jonas@exempel.se');
      const lost = (await refresh(url, jonas.refreshToken)).data!.refreshSession;
      clock.advance(2_000);
      const again = await refresh(url, jonas.refreshToken);
      expect(again.errors).toBeUndefined();
      const renewed = again.data!.refreshSession;
      expect(renewed.refreshToken).not.toBe(lost.refreshToken);
      // Both the answer that was lost and the new one belong to the same live session.
      expect((await me(url, renewed.accessToken)).data?.me?.id).toBe(jonas.userId);
      expect((await me(url, lost.accessToken)).data?.me?.id).toBe(jonas.userId);
      expect((await refresh(url, renewed.refreshToken)).errors).toBeUndefined();
      // Later, the same token is a copy: the session ends.
      clock.advance(30_000);
      expect((await refresh(url, jonas.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await me(url, renewed.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('ends every session when the password changes', async () => {
      const gustav = await register(url, 'gustav@exempel.se');
      clock.advance(1000);
      const changed = await gql<{ changePassword: { accessToken: string } }>(
        url,
        'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }',
        { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } },
        auth(gustav.accessToken),
      );
      expect(changed.errors).toBeUndefined();
      expect((await me(url, gustav.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await refresh(url, gustav.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await me(url, changed.data!.changePassword.accessToken)).data?.me?.id).toBe(gustav.userId);
      expect((await login(url, 'gustav@exempel.se', 'a brand new passphrase')).data).toBeDefined();
    });

    it('accepts only HS256 tokens signed with the server key', async () => {
      const hanna = await register(url, 'hanna@exempel.se');
      const secret = new TextEncoder().encode(fs.readFileSync(path.join(api.dataDir, 'jwt-secret'), 'utf8').trim());
      const claims = { sid: '00000000-0000-4000-8000-000000000000' };
      const now = Math.floor(clock.now().getTime() / 1000);
      const build = () =>
        new SignJWT(claims)
          .setSubject(hanna.userId)
          .setIssuer('samverka')
          .setAudience('samverka-api')
          .setIssuedAt(now)
          .setExpirationTime(now + 300);
      const good = await build().setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
      const otherAlgorithm = await build().setProtectedHeader({ alg: 'HS512', typ: 'JWT' }).sign(secret);
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${good.split('.')[1]}.`;
      const otherKey = await build().setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('another secret of thirty-two chars!'));
      expect((await me(url, good)).data?.me?.id).toBe(hanna.userId);
      for (const token of [otherAlgorithm, unsigned, otherKey, 'garbage']) {
        expect((await me(url, token)).errors?.[0]).toMatchObject({ message: 'Åtkomsttoken gäller inte. Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } });
      }
    });
  });

  describe('organisations', () => {
    let owner: SignedIn;

    beforeAll(async () => {
      owner = await register(url, 'owner@socialt-foretag.se');
    });

    it.each([
      [{ organisationsnummer: '556016-0681' }, 'organisationsnummer', 'INVALID', /^Organisationsnumret har fel kontrollsiffra: den sista siffran ska vara 0/],
      [{ organisationsnummer: '55601606' }, 'organisationsnummer', 'INVALID_FORMAT', /^Skriv organisationsnumret med 10 siffror/],
      [{ name: ' X ' }, 'name', 'TOO_SHORT', /^Skriv minst 2 tecken\.$/],
      [{ municipalityCode: '9999' }, 'municipalityCode', 'UNKNOWN_VALUE', /^Det finns ingen kommun med kommunkoden 9999\.$/],
      [{ municipalityCode: '12a0' }, 'municipalityCode', 'INVALID_FORMAT', /^Skriv kommunkoden med 4 siffror/],
      [{ municipalityCode: null, countyCode: '99' }, 'countyCode', 'UNKNOWN_VALUE', /^Det finns inget län med länskoden 99\.$/],
      [{ municipalityCode: '1280', countyCode: '01' }, 'countyCode', 'INVALID', /^Kommunen 1280 ligger i län 12\. Ange 12 eller lämna fältet tomt\.$/],
      [{ municipalityCode: null }, 'municipalityCode', 'REQUIRED', /^Ange var organisationen finns/],
      [{ kind: 'MUNICIPALITY', municipalityCode: null, countyCode: '12' }, 'municipalityCode', 'REQUIRED', /^Ange kommunkoden för en kommun\.$/],
      [{ website: 'ftp://example.se' }, 'website', 'INVALID_FORMAT', /^Skriv en webbadress/],
    ])('refuses %j, naming the field and the rule', async (change, path, code, message) => {
      const input = { kind: 'SOCIAL_ENTERPRISE', name: 'Fel AB', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280', ...change };
      const result = await createOrganization(url, owner.accessToken, input);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: [path], code, message: expect.stringMatching(message) }] } });
    });

    it('reports every mistake of a new organisation at once', async () => {
      const input = { kind: 'SOCIAL_ENTERPRISE', name: 'X', organisationsnummer: '556016-0681', municipalityCode: '9999', website: 'ftp://example.se' };
      const result = await createOrganization(url, owner.accessToken, input);
      expect(result.errors?.[0]).toMatchObject({ message: '4 uppgifter behöver rättas.', extensions: { code: 'BAD_USER_INPUT' } });
      const fields = result.errors?.[0].extensions?.fields as { path: string[]; code: string }[];
      expect(fields.map(({ path, code }) => [path.join('.'), code])).toEqual([
        ['name', 'TOO_SHORT'],
        ['organisationsnummer', 'INVALID'],
        ['website', 'INVALID_FORMAT'],
        ['municipalityCode', 'UNKNOWN_VALUE'],
      ]);
    });

    it('registers an organisation with its county from the municipality, its creator as owner, and refuses a duplicate', async () => {
      const created = await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Returbruket Malmö ek. för.',
        organisationsnummer: '5560160680',
        municipalityCode: '1280',
        website: 'returbruket.se',
      });
      expect(created.data?.createOrganization.organization).toMatchObject({ countyCode: '12', organisationsnummer: '556016-0680', verified: false });
      const mine = await gql<{ me: { memberships: { role: string; organization: { name: string } }[] } }>(
        url,
        '{ me { memberships { role organization { name } } } }',
        {},
        auth(owner.accessToken),
      );
      expect(mine.data?.me.memberships).toEqual([{ role: 'OWNER', organization: { name: 'Returbruket Malmö ek. för.' } }]);
      const duplicate = await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Kopia',
        organisationsnummer: '556016-0680',
        municipalityCode: '1280',
      });
      expect(duplicate.errors?.[0]).toMatchObject({
        message: 'Organisationsnumret 556016-0680 är redan registrerat. Be organisationens ägare att bjuda in dig i stället.',
        extensions: { code: 'CONFLICT', fields: [{ path: ['organisationsnummer'], code: 'TAKEN' }] },
      });
    });

    it('refuses an edit based on a stale version', async () => {
      const { data } = await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Versionen AB',
        organisationsnummer: nextOrganisationsnummer(),
        municipalityCode: '1281',
      });
      const org = data!.createOrganization.organization;
      const update = (version: number, name: string) =>
        gql<{ updateOrganization: { organization: { version: number; name: string } } }>(
          url,
          'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { version name } } }',
          { input: { organizationId: org.id, version, name } },
          auth(owner.accessToken),
        );
      expect((await update(org.version, 'Versionen Två AB')).data?.updateOrganization.organization).toEqual({ version: org.version + 1, name: 'Versionen Två AB' });
      const stale = await update(org.version, 'Versionen Tre AB');
      expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] } });
      expect((await gql<{ organization: { name: string } }>(url, `{ organization(id: "${org.id}") { name } }`)).data?.organization.name).toBe('Versionen Två AB');
    });

    it('lets members in by invitation, shows contact details to those with a reason, and keeps an owner', async () => {
      const { data } = await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Inbjudan ek. för.',
        organisationsnummer: nextOrganisationsnummer(),
        municipalityCode: '1280',
      });
      const orgId = data!.createOrganization.organization.id;
      const member = await register(url, 'member@socialt-foretag.se');
      const stranger = await register(url, 'stranger@exempel.se');

      const ticket = (await invite(url, owner.accessToken, orgId, 'Member@Socialt-Foretag.se')).data!.inviteMember;
      expect((await acceptInvitation(url, stranger.accessToken, ticket.token)).errors?.[0]).toMatchObject({
        message: 'Inbjudan skickades till en annan e-postadress. Logga in med den adressen och försök igen.',
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await acceptInvitation(url, member.accessToken, ticket.token)).data).toEqual({ acceptInvitation: { membership: { role: 'MEMBER' } } });
      expect((await acceptInvitation(url, member.accessToken, ticket.token)).errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['token'], code: 'INVALID' }] },
      });
      expect((await invite(url, owner.accessToken, orgId, 'member@socialt-foretag.se')).errors?.[0]).toMatchObject({
        message: 'member@socialt-foretag.se är redan medlem i organisationen.',
        extensions: { code: 'CONFLICT', fields: [{ path: ['email'], code: 'TAKEN' }] },
      });

      const membersQuery = `{ organization(id: "${orgId}") { members { role user { id email } } } }`;
      const asMember = await gql<{ organization: { members: { role: string; user: { email: string | null } }[] } }>(url, membersQuery, {}, auth(member.accessToken));
      expect(asMember.data?.organization.members.map((m) => [m.role, m.user.email]).sort()).toEqual([
        ['MEMBER', 'member@socialt-foretag.se'],
        ['OWNER', 'owner@socialt-foretag.se'],
      ]);
      const asStranger = await gql(url, membersQuery, {}, auth(stranger.accessToken));
      expect(asStranger.errors?.[0]).toMatchObject({
        message: 'Bara organisationens medlemmar, regionens samordnare och administratörer får se organisationens medlemmar.',
        extensions: { code: 'FORBIDDEN' },
        path: ['organization', 'members'],
      });
      expect((await gql(url, membersQuery, {}, { 'accept-language': 'en' })).errors?.[0]).toMatchObject({
        message: "Sign in to see the organisation's members.",
        extensions: { code: 'UNAUTHENTICATED' },
      });

      const remove = (userId: string, token: string) =>
        gql(
          url,
          'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId organization { id } } }',
          { input: { organizationId: orgId, userId } },
          auth(token),
        );
      const lonelyOwnerLeaves = await remove(owner.userId, owner.accessToken);
      expect(lonelyOwnerLeaves.errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
        message: 'En organisation måste ha minst en ägare. Gör någon annan till ägare först.',
      });
      const memberLeaves = await remove(member.userId, member.accessToken);
      expect(memberLeaves.data).toEqual({ removeMember: { removedUserId: member.userId, organization: { id: orgId } } });
    });

    it('lets an invitation lapse when its sender leaves, and asks for a new check after a rename', async () => {
      const first = await register(url, 'forsta.agare@exempel.se');
      const second = await register(url, 'andra.agare@exempel.se');
      const created = (
        await createOrganization(url, first.accessToken, {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Tvåägare ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        })
      ).data!.createOrganization.organization;
      const join = (await invite(url, first.accessToken, created.id, 'andra.agare@exempel.se', 'OWNER')).data!.inviteMember;
      await acceptInvitation(url, second.accessToken, join.token);
      const pending = (await invite(url, first.accessToken, created.id, 'alt@exempel.se', 'OWNER')).data!.inviteMember;
      const removed = await gql(
        url,
        'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }',
        { input: { organizationId: created.id, userId: first.userId } },
        auth(second.accessToken),
      );
      expect(removed.data).toEqual({ removeMember: { removedUserId: first.userId } });
      const alt = await register(url, 'alt@exempel.se');
      expect((await acceptInvitation(url, alt.accessToken, pending.token)).errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['token'], code: 'INVALID' }] },
      });

      const verified = await gql<{ verifyOrganization: { organization: { version: number; verified: boolean } } }>(
        url,
        'mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organization { version verified } } }',
        { input: { organizationId: created.id } },
        auth(await adminToken()),
      );
      expect(verified.data?.verifyOrganization.organization.verified).toBe(true);
      const renamed = await gql<{ updateOrganization: { organization: { verified: boolean } } }>(
        url,
        'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { verified } } }',
        { input: { organizationId: created.id, version: verified.data!.verifyOrganization.organization.version, name: 'Nytt namn ek. för.' } },
        auth(second.accessToken),
      );
      expect(renamed.data?.updateOrganization.organization.verified).toBe(false);
    });

    it('pages organisations with cursors and caps the page size', async () => {
      const first = await gql<{ organizations: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(
        url,
        '{ organizations(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } totalCount } }',
      );
      const { nodes, pageInfo, totalCount } = first.data!.organizations;
      expect(nodes).toHaveLength(2);
      expect(pageInfo.hasNextPage).toBe(true);
      const rest = await gql<{ organizations: { nodes: { name: string }[] } }>(url, `{ organizations(first: 100, after: "${pageInfo.endCursor}") { nodes { name } } }`);
      expect(nodes.length + rest.data!.organizations.nodes.length).toBe(totalCount);
      expect(rest.data!.organizations.nodes.map((n) => n.name)).not.toContain(nodes[1].name);
      const tooMany = await gql(url, '{ organizations(first: 101) { nodes { name } } }');
      expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['first'], code: 'OUT_OF_RANGE' }] } });
      const both = await gql(url, '{ organizations(first: 0, after: "x") { nodes { name } } }');
      expect(both.errors?.[0].extensions?.fields).toMatchObject([
        { path: ['first'], code: 'OUT_OF_RANGE' },
        { path: ['after'], code: 'INVALID_FORMAT' },
      ]);
      const forged = await gql(url, '{ organizations(after: "bm90LWEtY3Vyc29y") { nodes { name } } }');
      expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['after'], code: 'INVALID_FORMAT' }] } });
    });
  });

  it('checks a platform role with its regions, reporting every problem at once', async () => {
    const setRole = async (input: Record<string, unknown>) =>
      (await gql(url, 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }', { input }, auth(await adminToken()))).errors?.[0];
    expect(await setRole({ userId: 'x', role: 'COORDINATOR', countyCodes: ['1', '012'] })).toMatchObject({
      message: '2 uppgifter behöver rättas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['userId'], code: 'INVALID_FORMAT' },
          { path: ['countyCodes'], code: 'INVALID_FORMAT', message: 'Länskoderna 1, 012 är fel skrivna. Skriv 2 siffror, till exempel 01.' },
        ],
      },
    });
    const { userId } = await register(url, 'blivande.samordnare@exempel.se');
    expect(await setRole({ userId, role: 'COORDINATOR' })).toMatchObject({
      extensions: { fields: [{ path: ['countyCodes'], code: 'TOO_FEW', message: 'Ange minst ett län (länskod) där samordnaren ska arbeta.' }] },
    });
    expect(await setRole({ userId, role: 'COORDINATOR', countyCodes: ['12', '99'] })).toMatchObject({
      extensions: { fields: [{ path: ['countyCodes'], code: 'UNKNOWN_VALUE', message: 'Det finns inget län med länskoden 99.' }] },
    });
    expect(await setRole({ userId, role: 'USER', countyCodes: ['12'] })).toMatchObject({
      extensions: { fields: [{ path: ['countyCodes'], code: 'NOT_ALLOWED', message: 'Ange län bara för en samordnare. Lämna fältet tomt för andra roller.' }] },
    });
    expect(await setRole({ userId, role: 'COORDINATOR', countyCodes: ['12', '12'] })).toBeUndefined();
  });

  describe('audit trail', () => {
    it('records changes for administrators, and the database refuses to rewrite it', async () => {
      const events = await gql<{ auditEvents: { nodes: { action: string; actorKind: string }[]; totalCount: number } }>(
        url,
        '{ auditEvents(first: 100) { nodes { action actorKind } totalCount } }',
        {},
        auth(await adminToken()),
      );
      expect(events.data?.auditEvents.nodes.map((e) => e.action)).toEqual(
        expect.arrayContaining(['organization.created', 'membership.invited', 'membership.joined', 'user.registered']),
      );
      const someone = await register(url, 'curious@exempel.se');
      expect((await gql(url, '{ auditEvents { totalCount } }', {}, auth(someone.accessToken))).errors?.[0]).toMatchObject({
        message: 'Bara administratörer får läsa granskningsloggen.',
        extensions: { code: 'FORBIDDEN' },
      });
      // A cursor of another list: well formed, but not an audit event's.
      const otherCursor = Buffer.from('c:Anna', 'utf8').toString('base64url');
      const badFilter = await gql(url, `{ auditEvents(after: "${otherCursor}", filter: { actorUserId: "x" }) { totalCount } }`, {}, auth(await adminToken()));
      expect(badFilter.errors?.[0].extensions?.fields).toMatchObject([
        { path: ['after'], code: 'INVALID_FORMAT' },
        { path: ['filter', 'actorUserId'], code: 'INVALID_FORMAT' },
      ]);

      const database = app.get(Database);
      await expect(database.dataSource.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(database.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    });
  });
});
