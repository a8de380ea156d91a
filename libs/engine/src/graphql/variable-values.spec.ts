import fc from 'fast-check';
import { DomainError } from '@samverka/domain';
import { buildSchema, getOperationAST, getVariableValues, parse } from 'graphql';
import { MAX_LISTED_PROBLEMS, operationInputProblems, variablePlaces } from './variable-values.js';

const schema = buildSchema(`
  scalar DateTime
  enum Form { DIRECT_AWARD IOP }
  input TargetInput { indicatorCode: String! value: Float! }
  input CreateInput {
    buyerId: ID!
    title: String
    form: Form
    count: Int = 3
    open: Boolean
    sdgs: [Int!]
    targets: [TargetInput!]
    deadline: DateTime
  }
  input FilterInput { search: String forms: [Form!] }
  type Query { items(first: Int, filter: FilterInput): Int }
  type Mutation { create(input: CreateInput!): Int  rename(id: ID!, name: String!): Int }
`);

// As the API's own scalars do (scalars.ts): a refusal that says what is wrong.
Object.assign(schema.getType('DateTime')!, {
  parseValue: (value: unknown) => {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
    throw DomainError.invalid([{ path: [], code: 'INVALID_FORMAT', message: { key: 'validation.dateTime' } }]);
  },
});

const problemsOf = (query: string, variables: Record<string, unknown>) => {
  const document = parse(query);
  return operationInputProblems(schema, document, getOperationAST(document)!, variables).map(({ path, code, message }) => ({
    path,
    code,
    key: 'key' in message ? message.key : message.text,
  }));
};

const CREATE = 'mutation($input: CreateInput!) { create(input: $input) }';

describe('the problems of an operation’s variables', () => {
  it('lists every problem at once, placed inside the mutation’s input', () => {
    const problems = problemsOf(CREATE, { input: { form: 'DIRECT', title: 5, count: 'tio', open: 'ja', sdgs: [3, 'x'], targets: [{ value: 'mycket' }], colour: 'blå' } });
    expect(problems).toEqual([
      { path: ['colour'], code: 'NOT_ALLOWED', key: 'validation.unknownField' },
      { path: ['buyerId'], code: 'REQUIRED', key: 'validation.required' },
      { path: ['title'], code: 'INVALID_TYPE', key: 'validation.text' },
      { path: ['form'], code: 'UNKNOWN_VALUE', key: 'validation.oneOf' },
      { path: ['count'], code: 'INVALID_TYPE', key: 'validation.wholeNumber' },
      { path: ['open'], code: 'INVALID_TYPE', key: 'validation.trueOrFalse' },
      { path: ['sdgs', 1], code: 'INVALID_TYPE', key: 'validation.wholeNumber' },
      { path: ['targets', 0, 'indicatorCode'], code: 'REQUIRED', key: 'validation.required' },
      { path: ['targets', 0, 'value'], code: 'INVALID_TYPE', key: 'validation.number' },
    ]);
  });

  it('names the values an enum has', () => {
    const document = parse(CREATE);
    const [problem] = operationInputProblems(schema, document, getOperationAST(document)!, { input: { buyerId: '1', form: 'DIRECT' } });
    expect(problem.message).toEqual({ key: 'validation.oneOf', params: { values: 'DIRECT_AWARD, IOP' } });
  });

  it('accepts what graphql-js accepts: a single value for a list, a default for a missing field, null for a nullable one', () => {
    expect(problemsOf(CREATE, { input: { buyerId: 7, sdgs: 3, title: null, targets: { indicatorCode: 'a', value: 1 } } })).toEqual([]);
  });

  it('names a missing input by its argument, and a plain argument by its name', () => {
    expect(problemsOf(CREATE, {})).toEqual([{ path: ['input'], code: 'REQUIRED', key: 'validation.required' }]);
    expect(problemsOf('mutation($id: ID!, $name: String!) { rename(id: $id, name: $name) }', { id: true, name: null })).toEqual([
      { path: ['id'], code: 'INVALID_TYPE', key: 'validation.invalidId' },
      { path: ['name'], code: 'REQUIRED', key: 'validation.required' },
    ]);
    expect(problemsOf('query($first: Int) { items(first: $first) }', { first: '10' })).toEqual([{ path: ['first'], code: 'INVALID_TYPE', key: 'validation.wholeNumber' }]);
  });

  it('places a variable used inside a literal object where it is used', () => {
    expect(problemsOf('query($forms: [Form!]) { items(filter: { forms: $forms }) }', { forms: ['IOP', 'NONE'] })).toEqual([
      { path: ['filter', 'forms', 1], code: 'UNKNOWN_VALUE', key: 'validation.oneOf' },
    ]);
  });

  it('tells a whole number out of range from one that is no whole number', () => {
    expect(problemsOf('query($first: Int) { items(first: $first) }', { first: 2 ** 40 })).toEqual([{ path: ['first'], code: 'OUT_OF_RANGE', key: 'validation.wholeNumberRange' }]);
    expect(problemsOf('query($first: Int) { items(first: $first) }', { first: 1.5 })).toEqual([{ path: ['first'], code: 'INVALID_TYPE', key: 'validation.wholeNumber' }]);
  });

  it('takes the problem a scalar of ours reports, in place', () => {
    expect(problemsOf(CREATE, { input: { buyerId: '1', deadline: '2030-01-01T09:00:00Z' } })).toEqual([]);
    expect(problemsOf(CREATE, { input: { buyerId: '1', deadline: 'i morgon' } })).toEqual([{ path: ['deadline'], code: 'INVALID_FORMAT', key: 'validation.dateTime' }]);
  });

  it('refuses text with a NUL character, in variables and in literal arguments', () => {
    expect(problemsOf('query($s: String) { items(filter: { search: $s }) }', { s: 'a\u0000b' })).toEqual([
      { path: ['filter', 'search'], code: 'INVALID_FORMAT', key: 'validation.nulCharacter' },
    ]);
    expect(problemsOf('{ items(filter: { search: "a\\u0000b" }) }', {})).toEqual([{ path: ['filter', 'search'], code: 'INVALID_FORMAT', key: 'validation.nulCharacter' }]);
  });

  it('lists at most MAX_LISTED_PROBLEMS', () => {
    const problems = problemsOf(CREATE, { input: { buyerId: '1', sdgs: Array.from({ length: 500 }, () => 'x') } });
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS);
  });

  it('places each variable where the operation first uses it, in its fragments too', () => {
    const document = parse('query Q($a: Int, $b: String) { items(first: $a) ...F } fragment F on Query { items(filter: { search: $b }) }');
    expect(Object.fromEntries(variablePlaces(document, getOperationAST(document, 'Q')!))).toEqual({ a: ['first'], b: ['filter', 'search'] });
  });

  it('agrees with graphql-js on which variables are valid, for any JSON', () => {
    const document = parse(CREATE);
    const operation = getOperationAST(document)!;
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('IOP', 'DIRECT_AWARD', 'a\u0000', 3, 2 ** 40, 1.5, null));
    const target = fc.dictionary(fc.constantFrom('indicatorCode', 'value', 'other'), value);
    const input = fc.dictionary(fc.constantFrom('buyerId', 'title', 'form', 'count', 'open', 'sdgs', 'targets', 'other'), fc.oneof(value, fc.array(value), fc.array(target)));
    fc.assert(
      fc.property(fc.oneof(input, value), (candidate) => {
        const variables = { input: candidate };
        const ours = operationInputProblems(schema, document, operation, variables);
        const theirs = getVariableValues(schema, operation.variableDefinitions!, variables).errors ?? [];
        // graphql-js stores NUL, which we refuse (PostgreSQL cannot store it); and our rules alone find
        // every problem (the fallback to graphql-js's own errors, code INVALID, is never needed).
        const beyondNul = ours.filter((problem) => !('key' in problem.message && problem.message.key === 'validation.nulCharacter'));
        expect({ ours: beyondNul.length > 0, fallback: ours.some((problem) => problem.code === 'INVALID') }).toEqual({ ours: theirs.length > 0, fallback: false });
      }),
      { numRuns: 300 },
    );
  });
});
