import { DomainError } from '../domain-error.js';
import { checkNewAccount, normaliseEmail } from './account-rules.js';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('checkNewAccount', () => {
  it('normalises the e-mail address and the name', () => {
    expect(checkNewAccount({ email: ' Anna@Lund.SE ', password: 'a long enough passphrase', displayName: '  Anna   Berg ' })).toEqual({
      email: 'anna@lund.se',
      displayName: 'Anna Berg',
    });
  });

  it('reports every problem at once, each with its field and rule', () => {
    const error = refusal(() => checkNewAccount({ email: 'anna.lund.se', password: 'kort', displayName: '   ' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.detail).toEqual({ key: 'validation.invalidInput', params: { count: 3 } });
    expect(error.fields).toEqual([
      { path: ['email'], code: 'INVALID_FORMAT', message: { key: 'validation.email' } },
      { path: ['displayName'], code: 'REQUIRED', message: { key: 'validation.required' } },
      { path: ['password'], code: 'TOO_SHORT', message: { key: 'validation.tooShort', params: { count: 12 } } },
    ]);
  });

  it('refuses the e-mail address as the password, however it is written', () => {
    const error = refusal(() => checkNewAccount({ email: 'Lang.Adress@Exempel.se', password: ' lang.adress@exempel.SE', displayName: 'Lång' }));
    expect(error.fields).toEqual([{ path: ['password'], code: 'NOT_ALLOWED', message: { key: 'accounts.passwordIsEmail' } }]);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['', 'REQUIRED'],
    ['  ', 'REQUIRED'],
    ['namn@kommun', 'INVALID_FORMAT'],
    ['namn kommun@lund.se', 'INVALID_FORMAT'],
    [`${'a'.repeat(250)}@lund.se`, 'INVALID_FORMAT'],
  ])('refuses %j (%s)', (input, code) => {
    expect(refusal(() => normaliseEmail(input)).fields).toMatchObject([{ path: ['email'], code }]);
  });
});
