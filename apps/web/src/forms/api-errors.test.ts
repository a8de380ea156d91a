import { CombinedGraphQLErrors } from '@apollo/client';
import { fieldId, problemsOf } from './api-errors';

describe('problemsOf', () => {
  it('places each field problem the API names, without the input prefix', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Rätta de markerade fälten.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: 'input.email', code: 'EMAIL', message: 'Ange en giltig e-postadress.' },
              { path: 'values[1].value', code: 'MAX_DECIMALS', message: 'Högst en decimal.' },
            ],
          },
        },
      ],
    });
    expect(problemsOf(error, 'Något gick fel.')).toEqual({
      code: 'BAD_USER_INPUT',
      general: null,
      fields: [
        { path: 'email', message: 'Ange en giltig e-postadress.' },
        { path: 'values[1].value', message: 'Högst en decimal.' },
      ],
    });
  });

  it('reads the paths as the API writes them, as lists', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: '2 uppgifter behöver rättas.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: ['email'], code: 'INVALID_FORMAT', message: 'Skriv en e-postadress.' },
              { path: ['input', 'values', 1, 'value'], code: 'INVALID', message: 'Högst en decimal.' },
            ],
          },
        },
      ],
    });
    expect(problemsOf(error, 'Något gick fel.').fields).toEqual([
      { path: 'email', message: 'Skriv en e-postadress.' },
      { path: 'values[1].value', message: 'Högst en decimal.' },
    ]);
  });

  it('keeps a refusal that names no field as the general message', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Fel e-postadress eller lösenord.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(problemsOf(error, 'Något gick fel.')).toEqual({ code: 'UNAUTHENTICATED', general: 'Fel e-postadress eller lösenord.', fields: [] });
  });

  it('falls back to the form’s own text when the network failed', () => {
    expect(problemsOf(new TypeError('Failed to fetch'), 'Vi når inte Samverka.')).toEqual({ code: null, general: 'Vi når inte Samverka.', fields: [] });
  });

  it('makes ids an anchor can point at', () => {
    expect(fieldId('register', 'values[1].value')).toBe('register-values-1--value');
  });
});
