import { MESSAGES, type Language } from '@samverka/domain';
import { languageOf, t, textOf } from './translator.js';

describe('languageOf (Accept-Language)', () => {
  it.each<[string | undefined, Language]>([
    [undefined, 'sv'],
    ['', 'sv'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['en;q=0.2, sv;q=0.9', 'sv'],
    ['fr, en;q=0.5', 'en'],
    ['fr, de', 'sv'],
    ['da', 'sv'],
    ['*', 'sv'],
  ])('%j → %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe('textOf', () => {
  it('puts parameters and plurals into Swedish by default and into English when asked', () => {
    expect(t('validation.tooShort', { count: 5 }, undefined)).toBe('Skriv minst 5 tecken.');
    expect(t('validation.tooShort', { count: 1 }, 'en')).toBe('Write at least 1 character.');
    expect(t('validation.invalidInput', { count: 3 }, 'sv')).toBe('3 uppgifter behöver rättas.');
  });

  it('writes numbers as each language does', () => {
    expect(t('ops.holdMsRange', { max: 600_000 }, 'sv')).toBe('Ange hur länge jobbet ska hållas: ett heltal från 0 till 600\u00a0000 millisekunder.');
    expect(t('ops.holdMsRange', { max: 600_000 }, 'en')).toBe('Give how long the job is held: a whole number of milliseconds from 0 to 600,000.');
  });

  it('puts a message named by a parameter into another ($t), but never one that a value brings in', () => {
    expect(t('access.signInTo', { action: 'access.toInviteMembers' }, 'sv')).toBe('Logga in för att bjuda in medlemmar.');
    expect(t('organizations.alreadyMember', { email: '$t(common.internal)@exempel.se' }, 'sv')).toBe('$t(common.internal)@exempel.se är redan medlem i organisationen.');
  });

  it('shows an untranslated text as it is', () => {
    expect(textOf({ text: 'as it was' }, 'sv')).toBe('as it was');
  });
});

describe('the catalogue', () => {
  // `{{name}}`, or `{{name, number}}` with a format.
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();
  const entries = (language: Language) =>
    Object.entries(MESSAGES[language]).flatMap(([area, messages]) => Object.entries(messages as Record<string, string>).map(([key, text]) => [`${area}.${key}`, text] as const));

  it('has the same keys in English as in Swedish', () => {
    expect(entries('en').map(([key]) => key)).toEqual(entries('sv').map(([key]) => key));
  });

  it('uses the same parameters in both languages, and no message is empty', () => {
    const english = new Map(entries('en'));
    for (const [key, swedish] of entries('sv')) {
      expect(swedish.trim()).not.toBe('');
      expect({ key, params: placeholders(english.get(key)!) }).toEqual({ key, params: placeholders(swedish) });
    }
  });
});
