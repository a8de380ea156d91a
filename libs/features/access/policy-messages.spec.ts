import { ACTIONS, authorize, LANGUAGES, type Action, type ActionScopes, type Actor } from '@samverka/domain';
import { textOf } from '@samverka/engine';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

/** One scope that answers every rule's questions: an organisation, a person, a partnership… none of them the asker's. */
const SCOPE = {
  organizationId: ORG,
  countyCode: '12',
  memberUserId: OTHER,
  userId: OTHER,
  organizations: [{ organizationId: ORG, countyCode: '12' }],
  buyerOrganizationId: ORG,
  enterpriseOrganizationId: OTHER,
  requestedBy: OTHER,
} as unknown as ActionScopes[Action];

const ASKERS: [string, Actor][] = [
  ['nobody signed in', { kind: 'anonymous' }],
  ['a person without a role here', { kind: 'user', userId: 'someone', role: 'USER', coordinatorCounties: [], memberships: new Map() }],
  ['a coordinator of another region', { kind: 'user', userId: 'someone', role: 'COORDINATOR', coordinatorCounties: ['01'], memberships: new Map() }],
];

// Every refusal of the policy is a whole sentence in each language: the action is put into the sentence,
// and no key or placeholder is left in the text.
describe.each(ASKERS)('the policy refusing %s', (_who, actor) => {
  const refusals = ACTIONS.flatMap((action) => {
    const decision = authorize(actor, action, SCOPE);
    return decision.allowed ? [] : [[action, decision] as const];
  });

  it('refuses something', () => {
    expect(refusals.length).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('says why in plain words (%s)', (language) => {
    for (const [action, decision] of refusals) {
      const text = textOf(decision.reason, language);
      expect({ action, text }).toEqual({ action, text: expect.stringMatching(/^[A-ZÅÄÖ][^{}$]*\.$/) });
      expect(text).not.toMatch(/access\./);
    }
  });
});

describe('a refusal of the policy', () => {
  it('names the action in Swedish by default and in English when asked', () => {
    const refusal = authorize({ kind: 'anonymous' }, 'organization.create', undefined);
    expect(refusal.allowed).toBe(false);
    if (refusal.allowed) return;
    expect(textOf(refusal.reason)).toBe('Logga in för att registrera en organisation.');
    expect(textOf(refusal.reason, 'en')).toBe('Sign in to register an organisation.');
  });

  it('says who may', () => {
    const member: Actor = { kind: 'user', userId: 'm', role: 'USER', coordinatorCounties: [], memberships: new Map([[OTHER, 'MEMBER']]) };
    const refusal = authorize(member, 'organization.update', { organizationId: OTHER, countyCode: '12' });
    expect(refusal).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    if (refusal.allowed) return;
    expect(textOf(refusal.reason)).toBe('Bara organisationens ägare och administratörer får ändra organisationen.');
    expect(textOf(refusal.reason, 'en')).toBe("Only the organisation's owners and administrators may change the organisation.");
  });
});
