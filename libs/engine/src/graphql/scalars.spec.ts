import { DomainError } from '@samverka/domain';
import { parseValue as parseLiteralText } from 'graphql';
import { DateScalar, DateTimeScalar, KronorScalar } from './scalars.js';

const refusal = (run: () => unknown): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
};

describe('Kronor', () => {
  it.each([0, 1, -250, 1_500_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])('takes %p', (value) => {
    expect(KronorScalar.parseValue(value)).toBe(value);
    expect(KronorScalar.parseLiteral(parseLiteralText(String(value)))).toBe(value);
    expect(KronorScalar.serialize(value)).toBe(value);
  });

  it.each([1.5, '100', Number.MAX_SAFE_INTEGER + 1, Number.NaN, null, true])('refuses %p with the catalogue’s message', (value) => {
    const error = refusal(() => KronorScalar.parseValue(value));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: [], code: 'INVALID_FORMAT', message: { key: 'validation.kronor' } }] });
  });

  it.each(['1.5', '"100"', '9007199254740992', '1e3'])('refuses the literal %s', (literal) => {
    expect(refusal(() => KronorScalar.parseLiteral(parseLiteralText(literal)))).toMatchObject({ fields: [{ message: { key: 'validation.kronor' } }] });
  });

  it('answers a bigint column read as text as a number', () => {
    expect(KronorScalar.serialize('4500000')).toBe(4_500_000);
  });
});

describe('Date', () => {
  it.each(['2026-03-31', '2028-02-29', '2000-02-29', '1999-12-31'])('takes %s, as the same string', (day) => {
    expect(DateScalar.parseValue(day)).toBe(day);
    expect(DateScalar.parseLiteral(parseLiteralText(`"${day}"`))).toBe(day);
    expect(DateScalar.serialize(day)).toBe(day);
  });

  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-3-1', '2026-03-31T00:00:00Z', '31/03/2026', '', 20260331])('refuses %p', (day) => {
    expect(refusal(() => DateScalar.parseValue(day))).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ code: 'INVALID_FORMAT', message: { key: 'validation.date' } }] });
  });
});

describe('DateTime', () => {
  it.each([
    ['2026-03-31T14:00:00+02:00', '2026-03-31T12:00:00.000Z'],
    ['2026-03-31T12:00:00Z', '2026-03-31T12:00:00.000Z'],
    ['2026-03-31T12:00:00.123456Z', '2026-03-31T12:00:00.123Z'],
  ])('takes %s as an instant, answered in UTC', (text, utc) => {
    const parsed = DateTimeScalar.parseValue(text);
    expect(parsed).toBeInstanceOf(Date);
    expect(DateTimeScalar.serialize(parsed)).toBe(utc);
  });

  it.each(['2026-03-31', '2026-03-31T12:00:00', '2026-02-30T12:00:00Z', 'tomorrow', 1_774_958_400_000])('refuses %p (no offset, no such day, not a time)', (value) => {
    expect(refusal(() => DateTimeScalar.parseValue(value))).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ message: { key: 'validation.dateTime' } }] });
  });
});
