import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
  type GraphQLFieldConfig,
} from 'graphql';
import { t } from '../i18n/translator.js';
import { jsonDepthExceeds } from './graphql-http.js';
import { RequestRefusal } from './graphql-errors.js';
import { listComplexity, MAX_PAGE_SIZE, pagedComplexity } from './pagination.js';
import { costRefusal, documentSize, documentSizeRefusal, estimateCost, queryShapeRules, SEARCH_COST, type QueryLimits } from './query-limits.js';

const limits: QueryLimits = { maxDepth: 4, maxCost: 1000, maxAliases: 3, maxDirectives: 2, maxTokens: 60, maxBodyBytes: 1024, maxVariablesDepth: 4 };

// A small schema shaped like the API's: connections with a page size, lists with a typical size.
const Report = new GraphQLObjectType({ name: 'Report', fields: { id: { type: GraphQLString }, value: { type: GraphQLInt } } });
const Item: GraphQLObjectType = new GraphQLObjectType({
  name: 'Item',
  fields: () => ({
    id: { type: GraphQLString },
    reports: { type: new GraphQLList(Report), extensions: { complexity: listComplexity(4) } },
    children: connection(Item),
  }),
});
const PageInfo = new GraphQLObjectType({ name: 'PageInfo', fields: { hasNextPage: { type: GraphQLBoolean }, endCursor: { type: GraphQLString } } });
const connections = new Map<string, GraphQLObjectType>();
function connection(item: GraphQLObjectType): GraphQLFieldConfig<unknown, unknown> {
  const type =
    connections.get(item.name) ??
    new GraphQLObjectType({ name: `${item.name}Connection`, fields: { nodes: { type: new GraphQLList(item) }, totalCount: { type: GraphQLInt }, pageInfo: { type: PageInfo } } });
  connections.set(item.name, type);
  return { type: new GraphQLNonNull(type), args: { first: { type: GraphQLInt }, search: { type: GraphQLString } }, extensions: { complexity: pagedComplexity } };
}
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: () => ({ items: connection(Item), me: { type: Item } }) }) });

const cost = (query: string, variables: Record<string, unknown> = {}) => estimateCost(schema, parse(query), variables);
const refusalsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, ...queryShapeRules(limits)]);

describe('the estimated cost', () => {
  it('multiplies a page’s items by first, and an unpaged list by its typical size', () => {
    expect(cost('{ items(first: 10) { nodes { id } } }')).toBe(1 + 10 * (1 + 1));
    expect(cost('{ items(first: 10) { nodes { reports { id value } } } }')).toBe(1 + 10 * (1 + (1 + 4 * 2)));
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }', { n: 5 })).toBe(1 + 5 * 2);
  });

  it('counts totalCount and pageInfo once per page, not once per item', () => {
    expect(cost('{ items(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }')).toBe(1 + 50 * 2);
  });

  it('takes first within 1 to the largest page, so that a negative first makes nothing cheaper', () => {
    expect(cost('{ items(first: -1000) { nodes { id } } }')).toBe(1 + 1 * 2);
    expect(cost(`{ items(first: 100000) { nodes { id } } }`)).toBe(1 + MAX_PAGE_SIZE * 2);
  });

  it('adds SEARCH_COST to a field that searches, not to one with an empty search', () => {
    expect(cost('{ items(first: 1, search: "städ") { totalCount } }')).toBe(1 + SEARCH_COST);
    expect(cost('{ items(first: 1, search: " ") { totalCount } }')).toBe(1);
  });

  it('refuses over the limit with QUERY_TOO_COSTLY, naming the cost and the limit', () => {
    expect(costRefusal(1000, 1000)).toBeUndefined();
    const refusal = costRefusal(1001, 1000)!;
    expect(refusal).toBeInstanceOf(RequestRefusal);
    expect(refusal.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'maxCost', max: 1000, cost: 1001, http: { status: 400 } });
    expect(refusal.message).toBe(t('request.tooCostly', { cost: 1001, max: 1000 }));
    expect(refusal.message).toMatch(/1\u00a0001.*1\u00a0000/);
  });
});

describe('the shape limits (graphql-armor rules)', () => {
  const limitsOf = (query: string) => refusalsOf(query).map((error) => (error instanceof RequestRefusal ? error.extensions.limit : error.message));

  it('pass a query within every limit', () => {
    expect(refusalsOf('{ a: me { id } b: me { id } items { nodes { children { totalCount } } } }')).toEqual([]);
  });

  it('refuse depth beyond maxDepth, counting fields and not fragment spreads', () => {
    expect(limitsOf('{ items { nodes { children { nodes { id } } } } }')).toEqual(['maxDepth']);
    expect(limitsOf('{ ...A } fragment A on Query { items { ...B } } fragment B on ItemConnection { nodes { id } }')).toEqual([]);
  });

  it('refuse more aliases than maxAliases, and more directives than maxDirectives', () => {
    expect(limitsOf('{ a: me { id } b: me { id } c: me { id } d: me { id } }')).toEqual(['maxAliases']);
    expect(limitsOf('{ me @include(if: true) @skip(if: false) { id @include(if: true) } }')).toEqual(['maxDirectives']);
  });

  it('refuse a fragment cycle without overflowing the stack', () => {
    expect(limitsOf('query { ...A } fragment A on Query { __typename ...A }')).toEqual(['Cannot spread fragment "A" within itself.']);
  });

  it('are QUERY_TOO_COSTLY refusals with a message from the catalogue', () => {
    const [error] = refusalsOf('{ a: me { id } b: me { id } c: me { id } d: me { id } }');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'maxAliases', max: 3 });
    expect(error.message).toBe('Frågan har för många alias: högst 3 tillåts. Dela upp frågan.');
  });
});

describe('the size of a document, before it is parsed', () => {
  it('counts tokens as the parser does (comments and commas are none) and how deep brackets nest', () => {
    const source = '# a comment\n{ items(first: 1, search: "x") { nodes { id } } }';
    expect(documentSize(source, 1000)).toEqual({ tokens: 17, nesting: 3 });
    expect(() => parse(source, { maxTokens: 17 })).not.toThrow();
    expect(() => parse(source, { maxTokens: 16 })).toThrow(/16 tokens/);
  });

  it('refuses more tokens than maxTokens, and nesting beyond any real query, as QUERY_TOO_COSTLY', () => {
    expect(documentSizeRefusal('{ me { id } }', limits)).toBeUndefined();
    expect(documentSizeRefusal(`{ ${'me { id } '.repeat(20)}}`, limits)?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'maxTokens', max: 60 });
    expect(documentSizeRefusal(`${'{ me '.repeat(70)}${'}'.repeat(70)}`, { ...limits, maxTokens: 1000 })?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      limit: 'maxDepth',
    });
    expect(documentSizeRefusal(`{ items(search: ${'['.repeat(70)}${']'.repeat(70)}) { totalCount } }`, { ...limits, maxTokens: 1000 })?.extensions).toMatchObject({
      limit: 'maxDepth',
    });
  });

  it('stops counting at the limit, however long the document', () => {
    expect(documentSize(`{ ${'a '.repeat(1_000_000)}}`, 100).tokens).toBe(101);
  });
});

describe('the depth of the variables', () => {
  it('counts objects and arrays, not scalars, without recursion', () => {
    expect(jsonDepthExceeds({ a: [1, { b: 'c' }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: ['c'] }] }, 3)).toBe(true);
    expect(jsonDepthExceeds('text', 0)).toBe(false);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(jsonDepthExceeds(deep, 16)).toBe(true);
  });
});
