import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';

type Path = (string | number)[];

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; fields?: { path: Path; code: string; message: string }[]; [key: string]: unknown } }[] };
  text: string;
}

/** Posts a body to /graphql as a client would (a string is sent as it is). */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Answer['body'], text };
}

const UUID = '00000000-0000-4000-8000-000000000000';
const aliases = (count: number) => `query { ${Array.from({ length: count }, (_, i) => `a${i}: sdgs { number }`).join(' ')} }`;

// What the API promises a client, whatever it sends: a mistake is a 4xx GraphQL error with a code and,
// for bad input, every field's problem at the place it is in the input; never a 500, never a stack trace.
describe('the contract of the GraphQL API with its clients (embedded mode)', () => {
  let api: EmbeddedApi;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    api = await startEmbeddedApi('api-contract');
    schema = api.app.get(GraphQLSchemaHost).schema;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const createNeed = 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id } } }';

  it.each<[string, unknown, number, string, Path[] | null]>([
    ['an unknown enum value', { query: createNeed, variables: { input: { buyerOrganizationId: UUID, form: 'DIRECT' } } }, 400, 'BAD_USER_INPUT', [['form']]],
    ['a missing required field', { query: createNeed, variables: { input: { title: 'Städning' } } }, 400, 'BAD_USER_INPUT', [['buyerOrganizationId'], ['form']]],
    ['a wrong type', { query: 'query($first: Int) { needs(first: $first) { totalCount } }', variables: { first: 'tio' } }, 400, 'BAD_USER_INPUT', [['first']]],
    ['null for a required input', { query: createNeed, variables: { input: null } }, 400, 'BAD_USER_INPUT', [['input']]],
    [
      'every mistake of one input at once',
      { query: createNeed, variables: { input: { form: 'DIRECT', title: 5, sdgs: ['tre'], colour: 'blå' } } },
      400,
      'BAD_USER_INPUT',
      [['colour'], ['buyerOrganizationId'], ['form'], ['sdgs', 0], ['title']],
    ],
    ['a NUL character in a variable', { query: 'query($s: String) { cpvCodes(search: $s) { totalCount } }', variables: { s: 'a\u0000b' } }, 400, 'BAD_USER_INPUT', [['search']]],
    ['a NUL character in a literal', { query: '{ organizations(filter: { search: "a\\u0000b" }) { totalCount } }' }, 400, 'BAD_USER_INPUT', [['filter', 'search']]],
    ['a body of 100 kB', { query: '{ __typename }', padding: 'x'.repeat(100_000) }, 413, 'PAYLOAD_TOO_LARGE', null],
    ['a body that is not JSON', '{"query": "{ __typename }"', 400, 'BAD_REQUEST', null],
    ['an alias flood', { query: aliases(40) }, 400, 'QUERY_TOO_COSTLY', null],
    ['a token flood', { query: `{ ${'__typename '.repeat(3000)}}` }, 400, 'QUERY_TOO_COSTLY', null],
    ['a fragment cycle', { query: 'query { ...A } fragment A on Query { __typename ...A }' }, 400, 'GRAPHQL_VALIDATION_FAILED', null],
    [
      'variables nested 5,000 deep',
      `{"query": "query($v: [String]) { needs { totalCount } }", "variables": {"v": ${'['.repeat(5000)}${']'.repeat(5000)}}}`,
      400,
      'BAD_USER_INPUT',
      null,
    ],
    ['brackets nested 5,000 deep', { query: `{ needs(filter: { cpvCodes: ${'['.repeat(5000)}${']'.repeat(5000)} }) { totalCount } }` }, 400, 'QUERY_TOO_COSTLY', null],
    ['a query nested too deep', { query: `{ me { ${'memberships { organization { members { user { '.repeat(3)}id${' } } } }'.repeat(3)} } }` }, 400, 'QUERY_TOO_COSTLY', null],
    ['a field that does not exist', { query: '{ nedes { totalCount } }' }, 400, 'GRAPHQL_VALIDATION_FAILED', null],
    ['an unknown enum value in a literal', { query: '{ needs(sort: PUBLISH) { totalCount } }' }, 400, 'GRAPHQL_VALIDATION_FAILED', null],
    ['a syntax error', { query: '{ needs { totalCount }' }, 400, 'GRAPHQL_PARSE_FAILED', null],
    ['no query', { variables: {} }, 400, 'BAD_REQUEST', null],
    ['a batch', [{ query: '{ __typename }' }, { query: '{ __typename }' }], 400, 'BAD_REQUEST', null],
  ])('answers %s with a 4xx GraphQL error, its code and the fields at fault', async (_label, body, status, code, paths) => {
    const answer = await post(api.url, body);
    expect({ status: answer.status, code: answer.body.errors?.[0].extensions?.code }).toEqual({ status, code });
    expect(answer.body.data ?? null).toBeNull();
    if (paths) expect(answer.body.errors?.[0].extensions?.fields?.map((field) => field.path)).toEqual(paths);
    expect(answer.text).not.toMatch(/stacktrace|Did you mean|at [\w.]+ \(|node_modules/);
  });

  it('names the limit a refusal met', async () => {
    const tooLarge = await post(api.url, { query: '{ __typename }', padding: 'x'.repeat(100_000) });
    expect(tooLarge.body.errors?.[0]).toEqual({
      message: 'Förfrågan är för stor: högst 64 kB tillåts. Skicka mindre i taget.',
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', max: 65536 },
    });
    const flood = await post(api.url, { query: aliases(40) }, { 'accept-language': 'en' });
    expect(flood.body.errors?.[0]).toEqual({
      message: 'The query has too many aliases: at most 30 are allowed. Split the query.',
      extensions: { code: 'QUERY_TOO_COSTLY', limit: 'maxAliases', max: 30 },
    });
  });

  it('says what is wrong in the language asked for, listing an enum’s values', async () => {
    const input = { buyerOrganizationId: UUID, form: 'DIRECT' };
    const swedish = await post(api.url, { query: createNeed, variables: { input } });
    expect(swedish.body.errors?.[0]).toMatchObject({
      message: 'En uppgift behöver rättas.',
      extensions: {
        fields: [
          { path: ['form'], code: 'UNKNOWN_VALUE', message: 'Välj något av: DIRECT_AWARD, FUNDING_CALL, INNOVATION_PARTNERSHIP, IOP, PUBLIC_PROCUREMENT, RESERVED_CONTRACT.' },
        ],
      },
    });
    const english = await post(api.url, { query: createNeed, variables: { input } }, { 'accept-language': 'en' });
    expect(english.body.errors?.[0].extensions?.fields?.[0].message).toBe(
      'Choose one of: DIRECT_AWARD, FUNDING_CALL, INNOVATION_PARTNERSHIP, IOP, PUBLIC_PROCUREMENT, RESERVED_CONTRACT.',
    );
  });

  it('checks the variables of a GET as those of a POST', async () => {
    const query = encodeURIComponent('query($first: Int) { needs(first: $first) { totalCount } }');
    const response = await fetch(`${api.url}/graphql?query=${query}&variables=${encodeURIComponent('{"first":"tio"}')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['first'], code: 'INVALID_TYPE' }] } }] });
  });

  it('answers each request with its id, an incoming well-formed one kept', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-7:4711' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.headers.get('x-request-id')).toBe('lb-7:4711');
  });

  describe('every mutation of the schema', () => {
    /** A value of the type that breaks no rule of the schema (the domain's rules are not reached: the variables are refused first). */
    function validValue(type: GraphQLInputType, depth = 0): unknown {
      if (isNonNullType(type)) return validValue(type.ofType, depth);
      if (isListType(type)) return [validValue(type.ofType, depth)];
      if (isEnumType(type)) return type.getValues()[0].name;
      if (isInputObjectType(type)) {
        const fields = Object.values(type.getFields()).filter((field) => depth < 3 || isNonNullType(field.type));
        return Object.fromEntries(fields.map((field) => [field.name, validValue(field.type, depth + 1)]));
      }
      return { Int: 1, Float: 1.5, Boolean: true, ID: UUID, DateTime: '2030-01-01T00:00:00Z', Date: '2030-01-01', Kronor: 1000 }[type.name] ?? 'x';
    }

    /** What breaks a value of each scalar, and the code the API answers it with (the API's own scalars check a format). */
    const WRONG_SCALARS: Record<string, [unknown, string]> = {
      Int: ['tio', 'INVALID_TYPE'],
      Float: ['tio', 'INVALID_TYPE'],
      Boolean: ['ja', 'INVALID_TYPE'],
      ID: [4.5, 'INVALID_TYPE'],
      String: [42, 'INVALID_TYPE'],
      DateTime: ['i morgon', 'INVALID_FORMAT'],
      Date: ['i morgon', 'INVALID_FORMAT'],
      Kronor: ['tio', 'INVALID_FORMAT'],
    };

    /** What breaks a field of this type, and the codes the API may answer it with. */
    function wrongValues(type: GraphQLInputType, hasDefault: boolean): [string, unknown, string[], Path][] {
      const named = getNamedType(type);
      const list = isListType(isNonNullType(type) ? type.ofType : type);
      const wrong: [string, unknown, string[], Path][] = [];
      if (isEnumType(named)) wrong.push(['an unknown enum value', list ? ['NOT_A_VALUE'] : 'NOT_A_VALUE', ['UNKNOWN_VALUE'], list ? [0] : []]);
      if (isInputObjectType(named)) wrong.push(['text for an object', 'text', ['INVALID_TYPE'], []]);
      if (isScalarType(named) && named.name !== 'Upload') {
        // A scalar added later: an object is no value of it, whatever it checks.
        const [value, code] = WRONG_SCALARS[named.name] ?? [{ not: 'a scalar' }, undefined];
        wrong.push([`a wrong ${named.name}`, value, code ? [code] : ['INVALID_TYPE', 'INVALID_FORMAT'], []]);
        if (list) wrong.push(['an object for a list', { not: 'a list' }, ['INVALID_TYPE', 'INVALID_FORMAT'], []]);
      }
      if (isNonNullType(type) && !hasDefault) wrong.push(['nothing for a required field', undefined, ['REQUIRED'], []]);
      return wrong;
    }

    interface Case {
      name: string;
      query: string;
      variables: Record<string, unknown>;
      path: Path;
      codes: string[];
    }

    /** One case per way to break each field of each argument, the rest of the variables valid. */
    function casesOf(mutation: GraphQLField<unknown, unknown>): Case[] {
      const selection = isCompositeType(getNamedType(mutation.type)) ? ' { __typename }' : '';
      const query = `mutation(${mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')}) { ${mutation.name}(${mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})${selection} }`;
      const valid = () => Object.fromEntries(mutation.args.map((arg) => [arg.name, validValue(arg.type)])) as Record<string, unknown>;
      const cases: Case[] = [];
      const visit = (type: GraphQLInputType, hasDefault: boolean, variablePath: Path, apiPath: Path, depth: number) => {
        for (const [label, value, codes, suffix] of wrongValues(type, hasDefault)) {
          const variables = valid();
          const parent = variablePath.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, variables);
          const key = variablePath.at(-1)!;
          if (value === undefined) {
            if (variablePath.length === 1) parent[key] = null;
            else delete parent[key];
          } else parent[key] = value;
          cases.push({
            name: `${mutation.name}: ${label} at ${[...variablePath].join('.')}`,
            query,
            variables,
            path: apiPath.length === 0 ? ['input'] : [...apiPath, ...suffix],
            codes,
          });
        }
        const named = getNamedType(type);
        if (isInputObjectType(named) && depth < 3) {
          const list = isListType(isNonNullType(type) ? type.ofType : type);
          for (const field of Object.values(named.getFields())) {
            const inside = list ? [0, field.name] : [field.name];
            visit(field.type, field.defaultValue !== undefined, [...variablePath, ...inside], [...apiPath, ...inside], depth + 1);
          }
        }
      };
      for (const arg of mutation.args) visit(arg.type, arg.defaultValue !== undefined, [arg.name], arg.name === 'input' ? [] : [arg.name], 0);
      return cases;
    }

    it('refuses each way to break each input field with 400 BAD_USER_INPUT and the field’s place and code', async () => {
      const mutations = Object.values(schema.getMutationType()!.getFields());
      const cases = mutations.flatMap(casesOf);
      expect(mutations.length).toBeGreaterThan(40);
      expect(cases.length).toBeGreaterThan(mutations.length * 3);
      const failures: unknown[] = [];
      // A few at a time: the answers come before any resolver runs, so no data is written.
      for (let start = 0; start < cases.length; start += 8) {
        await Promise.all(
          cases.slice(start, start + 8).map(async (c) => {
            const answer = await post(api.url, { query: c.query, variables: c.variables });
            const error = answer.body.errors?.[0];
            const found = error?.extensions?.fields?.some(
              (field) => JSON.stringify(field.path) === JSON.stringify(c.path) && c.codes.includes(field.code) && field.message.length > 0,
            );
            if (answer.status !== 400 || error?.extensions?.code !== 'BAD_USER_INPUT' || !found)
              failures.push({ case: c.name, expected: { path: c.path, codes: c.codes }, got: answer.status, errors: answer.body.errors });
          }),
        );
      }
      expect(failures).toEqual([]);
    });

    it('never answers a malformed variable set with a 500 (a fuzz of every mutation)', async () => {
      const mutations = Object.values(schema.getMutationType()!.getFields()).filter((mutation) => !mutation.args.some((arg) => getNamedType(arg.type).name === 'Upload'));
      const json = fc.jsonValue({ maxDepth: 3 });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...mutations),
          fc.dictionary(fc.constantFrom('input', 'id', 'organizationId', 'version', 'first', 'x'), json),
          async (mutation, candidates) => {
            const variables = Object.fromEntries(mutation.args.map((arg) => [arg.name, candidates[arg.name] ?? candidates.x]));
            const selection = isCompositeType(getNamedType(mutation.type)) ? ' { __typename }' : '';
            const query = `mutation(${mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')}) { ${mutation.name}(${mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})${selection} }`;
            const answer = await post(api.url, { query, variables });
            expect(answer.status).toBeLessThan(500);
            expect(answer.text).not.toMatch(/stacktrace|INTERNAL_SERVER_ERROR/);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
