import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DomainError, type Language } from '@samverka/domain';
import { isObjectType, Lexer, Source, TokenKind, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { AppConfig } from '../config/app-config.js';
import { RequestRefusal } from './graphql-errors.js';
import { operationInputProblems } from './variable-values.js';

/** The limits a GraphQL operation must keep (GRAPHQL_MAX_* settings, see docs/limits.md). */
export type QueryLimits = AppConfig['graphql']['limits'];

/**
 * What a search costs on top of the field that runs it: a full-text query over the tsvector columns is
 * work for the database however few rows it returns (about as much as reading a few hundred rows by
 * key), so a query of many searches is refused long before it could stall the database.
 */
export const SEARCH_COST = 200;

/** How deep brackets may nest in a document: far beyond any real query, far below a stack overflow. */
const MAX_NESTING = 64;

/**
 * Counts a document's tokens (as graphql-js's parser would) and how deep its brackets nest, stopping at
 * the first limit passed: a document too long or nested too deep is refused before it is parsed, so
 * that no recursive step (the parser, a validation rule) ever sees it.
 */
export function documentSize(source: string, maxTokens: number): { tokens: number; nesting: number } {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && tokens <= maxTokens && nesting <= MAX_NESTING; token = lexer.advance()) {
      tokens += 1;
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) nesting = Math.max(nesting, ++depth);
      else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) depth -= 1;
    }
  } catch {
    // A lexical error: the parser reports it with its position.
  }
  return { tokens, nesting };
}

/** The refusal of a document too long or too deeply nested to parse, or undefined when it may be parsed. */
export function documentSizeRefusal(source: string, limits: QueryLimits, language?: Language): RequestRefusal | undefined {
  const { tokens, nesting } = documentSize(source, limits.maxTokens);
  if (tokens > limits.maxTokens) {
    return new RequestRefusal(
      'QUERY_TOO_COSTLY',
      { key: 'request.tooManyTokens', params: { max: limits.maxTokens } },
      { extensions: { limit: 'maxTokens', max: limits.maxTokens }, language },
    );
  }
  if (nesting > MAX_NESTING) {
    return new RequestRefusal(
      'QUERY_TOO_COSTLY',
      { key: 'request.tooDeep', params: { depth: nesting, max: limits.maxDepth } },
      { extensions: { limit: 'maxDepth', max: limits.maxDepth }, language },
    );
  }
  return undefined;
}

const refuse =
  (limit: string, max: number, key: 'request.tooDeep' | 'request.tooManyAliases' | 'request.tooManyDirectives') =>
  (context: ValidationContext | null): void => {
    context?.reportError(new RequestRefusal('QUERY_TOO_COSTLY', { key, params: { max, depth: max, count: max } }, { extensions: { limit, max } }));
  };

/**
 * The shape limits, as validation rules of graphql-armor: depth (fragments flattened, so a spread is no
 * level of its own), aliases and directives. Each is safe on fragment cycles (which graphql's own
 * NoFragmentCyclesRule refuses in the same pass) and reports QUERY_TOO_COSTLY naming its limit.
 * Armor's token limit throws from a hook Apollo does not catch (a 500), so tokens are counted before
 * Apollo sees the request (documentSizeRefusal, in graphqlBodyMiddleware); its cost limit knows no paging, so cost is estimated by costLimitPlugin;
 * its field-suggestion mask misses "Did you mean the enum value …", so the error formatter takes every
 * suggestion out itself.
 */
export function queryShapeRules(limits: QueryLimits): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [refuse('maxDepth', limits.maxDepth, 'request.tooDeep')] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [refuse('maxAliases', limits.maxAliases, 'request.tooManyAliases')] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [refuse('maxDirectives', limits.maxDirectives, 'request.tooManyDirectives')] },
  }).protect();
  return validationRules;
}

/** Whether a field's arguments ask for a search: `search` as an argument, or inside an input object argument (`filter.search`). */
function searches(args: Record<string, unknown>): boolean {
  const isSearch = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return Object.entries(args).some(([name, value]) =>
    name === 'search' ? isSearch(value) : typeof value === 'object' && value !== null && isSearch((value as { search?: unknown }).search),
  );
}

/**
 * A connection's `totalCount` and `pageInfo` are read once per page (the paged field's own cost counts
 * them), not once per item as the paged field's multiplier would count them.
 */
const pageFieldsEstimator: ComplexityEstimator = ({ type, field }: ComplexityEstimatorArgs) =>
  isObjectType(type) && type.name.endsWith('Connection') && (field.name === 'totalCount' || field.name === 'pageInfo') ? 0 : undefined;

const fieldCost = [pageFieldsEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** Each field as its declaration says (see pagedComplexity and listComplexity), plus SEARCH_COST when it searches. */
const costEstimator: ComplexityEstimator = (options) => {
  let cost: number | void = undefined;
  for (const estimate of fieldCost) {
    cost = estimate(options);
    if (typeof cost === 'number') break;
  }
  return (cost ?? 0) + (searches(options.args) ? SEARCH_COST : 0);
};

/**
 * The estimated cost of an operation whose variables are valid (getComplexity coerces them, and throws
 * on a value that does not fit): a field costs 1, a paged field multiplies its items by `first`, an
 * unpaged list by its typical size, and a search adds SEARCH_COST.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [costEstimator] });
}

/** The refusal of an operation that costs more than allowed, or undefined. */
export function costRefusal(cost: number, maxCost: number, key: 'request.tooCostly' | 'request.subscriptionTooCostly' = 'request.tooCostly'): RequestRefusal | undefined {
  if (cost <= maxCost) return undefined;
  return new RequestRefusal('QUERY_TOO_COSTLY', { key, params: { cost, max: maxCost } }, { extensions: { limit: 'maxCost', max: maxCost, cost } });
}

/**
 * Once the operation is parsed and valid, before anything reads its variables: every problem of the
 * variables (and NUL characters in literal arguments) at once, as BAD_USER_INPUT with `fields`; then
 * the cost, estimated on variables known to be valid, refused as QUERY_TOO_COSTLY over `maxCost`.
 * One hook, so the cost is never estimated on variables that did not pass.
 */
export function operationLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return; // Apollo refuses an operation it cannot find
          const variables = request.variables ?? {};
          const problems = operationInputProblems(schema, document, operation, variables);
          if (problems.length > 0) throw DomainError.invalid(problems);
          const refusal = costRefusal(estimateCost(schema, document, variables, request.operationName ?? undefined), limits.maxCost);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
