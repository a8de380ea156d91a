import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import { getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { documentSize, estimateCost, queryShapeRules, type QueryLimits } from '../../libs/engine/src/graphql/query-limits.js';
import { operationInputProblems } from '../../libs/engine/src/graphql/variable-values.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';

const SCREENS = path.resolve(import.meta.dirname, '../../docs/screens');

/** A screen's query and the variables written in its `# variables:` line. */
function screen(file: string): { text: string; variables: Record<string, unknown> } {
  const text = fs.readFileSync(path.join(SCREENS, file), 'utf8');
  const line = /^# variables: (.*)$/m.exec(text);
  if (!line) throw new Error(`${file} has no "# variables:" line`);
  return { text, variables: JSON.parse(line[1]) as Record<string, unknown> };
}

const aliases = (count: number, field: (i: number) => string) => `query { ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

// The limits are sized from the queries the web app makes on each role's screens (docs/screens): each
// must pass with room to spare, while queries that only an attacker writes are refused.
describe('the limits of the GraphQL API, sized from the screens (embedded mode)', () => {
  let api: EmbeddedApi;
  let schema: GraphQLSchema;
  let limits: QueryLimits;

  beforeAll(async () => {
    api = await startEmbeddedApi('query-limits');
    schema = api.app.get(GraphQLSchemaHost).schema;
    limits = api.app.get<AppConfig>(APP_CONFIG).graphql.limits;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const screens = fs.readdirSync(SCREENS).filter((file) => file.endsWith('.graphql'));

  it('has a query for each role’s screens', () => {
    expect(screens.sort()).toEqual([
      'admin-verification.graphql',
      'buyer-need.graphql',
      'coordinator-partnerships.graphql',
      'enterprise-dashboard.graphql',
      'public-needs.graphql',
      'region-insights.graphql',
    ]);
  });

  it.each(screens)('%s is valid, within every shape limit, and costs less than half the limit', (file) => {
    const { text, variables } = screen(file);
    const document = parse(text);
    expect(validate(schema, document, [...specifiedRules, ...queryShapeRules(limits)])).toEqual([]);
    expect(operationInputProblems(schema, document, getOperationAST(document)!, variables)).toEqual([]);
    expect(documentSize(text, limits.maxTokens).tokens).toBeLessThan(limits.maxTokens / 4);
    expect(estimateCost(schema, document, variables)).toBeLessThan(limits.maxCost / 2);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['nested connections at the largest page', '{ organizations(first: 100) { nodes { offers(first: 100) { nodes { need { matches(first: 100) { nodes { score } } } } } } } }', {}],
    ['the coordinator’s screen with pages of 100', screen('coordinator-partnerships.graphql').text, { first: 100 }],
    ['50 searches', aliases(50, () => 'cpvCodes(first: 1, search: "omsorg") { totalCount }'), {}],
    ['1,000 aliases of a search', aliases(1000, () => 'cpvCodes(first: 1, search: "omsorg") { totalCount }'), {}],
  ])('estimates %s over the limit', (_label, query, variables) => {
    expect(estimateCost(schema, parse(query), variables)).toBeGreaterThan(limits.maxCost);
  });

  it('answers the public start page over HTTP', async () => {
    const { text, variables } = screen('public-needs.graphql');
    const result = await gql(api.url, text, variables);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('refuses floods before they run, and meanwhile answers an ordinary query', async () => {
    const floods = [
      aliases(1000, () => 'cpvCodes(first: 1, search: "omsorg") { totalCount }'),
      aliases(29, () => 'cpvCodes(first: 100, search: "omsorg") { nodes { code labelSv children { code labelSv } } }'),
      '{ organizations(first: 100) { nodes { offers(first: 100) { nodes { need { matches(first: 100) { nodes { score } } } } } } } }',
    ];
    const attack = Promise.all(Array.from({ length: 20 }, (_, i) => gql(api.url, floods[i % floods.length])));
    const ordinary = gql<{ needs: { totalCount: number } }>(api.url, '{ needs(first: 5) { totalCount nodes { id title } } }');
    const [refused, answered] = await Promise.all([attack, ordinary]);
    expect(refused.map((r) => [r.status, r.errors?.[0].extensions?.code])).toEqual(Array.from({ length: 20 }, () => [400, 'QUERY_TOO_COSTLY']));
    expect(refused.every((r) => r.data === undefined)).toBe(true);
    expect(answered).toMatchObject({ status: 200, data: { needs: { totalCount: expect.any(Number) } } });
  });
});
