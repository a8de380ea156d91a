import { DomainError, type FieldRule, type MessageKey } from '@samverka/domain';
import { GraphQLScalarType, type GraphQLScalarTypeConfig, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';

/**
 * The API's own scalars, built on graphql-scalars' checks. What a client sends that a scalar refuses
 * becomes a BAD_USER_INPUT with a message of the catalogue (the error formatter adds where the value
 * was); what the API itself would send wrong is its own fault, left as the library's error.
 */

/** Runs a library check of input, turning its refusal into ours. */
const refusing =
  <I, O>(check: (input: I) => O, code: FieldRule, key: MessageKey) =>
  (input: I): O => {
    try {
      return check(input);
    } catch {
      throw DomainError.invalid([{ path: [], code, message: { key } }]);
    }
  };

function scalar<T>(
  config: Pick<GraphQLScalarTypeConfig<T, unknown>, 'name' | 'description' | 'specifiedByURL' | 'extensions'>,
  checks: { serialize: (value: unknown) => unknown; parseValue: (value: unknown) => T; parseLiteral: (node: ValueNode) => T },
  refusal: { code: FieldRule; key: MessageKey },
): GraphQLScalarType<T, unknown> {
  return new GraphQLScalarType<T, unknown>({
    ...config,
    serialize: checks.serialize,
    parseValue: refusing(checks.parseValue, refusal.code, refusal.key),
    parseLiteral: refusing((node: ValueNode) => checks.parseLiteral(node), refusal.code, refusal.key),
  });
}

/**
 * Swedish kronor, whole: a JSON integer within Number's safe range (graphql-scalars' SafeInt). Fractions,
 * strings and larger numbers are refused; whether an amount may be negative is the field's own rule.
 */
export const KronorScalar = scalar<number>(
  {
    name: 'Kronor',
    description:
      'An amount of Swedish kronor (SEK) in whole kronor: a JSON integer from -9007199254740991 to 9007199254740991 (no fractions, no strings). Whether it may be negative is the field’s rule.',
    extensions: { codegenScalarType: 'number' },
  },
  {
    serialize: (value) => GraphQLSafeInt.serialize(value),
    parseValue: (value) => GraphQLSafeInt.parseValue(value) as number,
    parseLiteral: (node) => GraphQLSafeInt.parseLiteral(node, undefined) as number,
  },
  { code: 'INVALID_FORMAT', key: 'validation.kronor' },
);

/** A calendar date, `YYYY-MM-DD`, that exists (2026-02-30 is refused): a string in and out (graphql-scalars' LocalDate). */
export const DateScalar = scalar<string>(
  {
    name: 'Date',
    description: 'A calendar date without a time or time zone, YYYY-MM-DD (ISO 8601 / RFC 3339 full-date), such as 2026-03-31; a day that does not exist is refused',
    specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
    extensions: { codegenScalarType: 'string' },
  },
  {
    serialize: (value) => GraphQLLocalDate.serialize(value),
    parseValue: (value) => GraphQLLocalDate.parseValue(value) as string,
    parseLiteral: (node) => GraphQLLocalDate.parseLiteral(node, undefined) as string,
  },
  { code: 'INVALID_FORMAT', key: 'validation.date' },
);

/**
 * An instant: ISO 8601 with a time zone offset in (graphql-scalars' DateTime, a JavaScript Date to the
 * resolvers), UTC out (`2026-03-31T12:00:00.000Z`).
 */
export const DateTimeScalar = scalar<Date>(
  {
    name: 'DateTime',
    description: 'An instant: a date and time with its offset from UTC (ISO 8601 / RFC 3339 date-time), such as 2026-03-31T14:00:00+02:00 or 2026-03-31T12:00:00Z; answered in UTC',
    specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
    extensions: { codegenScalarType: 'string' },
  },
  {
    serialize: (value) => (GraphQLDateTime.serialize(value) as Date).toISOString(),
    parseValue: (value) => GraphQLDateTime.parseValue(value) as Date,
    parseLiteral: (node) => GraphQLDateTime.parseLiteral(node, undefined) as Date,
  },
  { code: 'INVALID_FORMAT', key: 'validation.dateTime' },
);
