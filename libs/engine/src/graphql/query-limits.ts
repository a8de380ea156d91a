import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { visit, type DocumentNode, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DomainError, message } from '@samverka/domain';
import { translatableError } from './graphql-errors.js';

/** Refuses queries nested deeper than `maxDepth` before they run. */
export function depthRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth);
}

/**
 * Refuses queries whose estimated cost exceeds `maxCost`: every field costs 1, paged and list fields
 * multiply their children by the page size (see pagination.ts).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw translatableError(message('request.tooCostly', { cost, max: maxCost }), { code: 'QUERY_TOO_COSTLY', cost, maxCost });
          }
        },
      };
    },
  };
}

/** Where a NUL character hides in the operation's variables or inline arguments, if anywhere. */
export function findNulCharacter(document: DocumentNode, variables: Record<string, unknown> | undefined): string | undefined {
  const inValue = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
    if (Array.isArray(value)) return value.map((v, i) => inValue(v, `${path}.${i}`)).find(Boolean);
    if (value && typeof value === 'object')
      return Object.entries(value)
        .map(([k, v]) => inValue(v, path ? `${path}.${k}` : k))
        .find(Boolean);
    return undefined;
  };
  const fromVariables = inValue(variables ?? {}, '');
  if (fromVariables) return fromVariables;
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      visit(node.value, {
        StringValue(literal) {
          if (!found && literal.value.includes('\u0000')) found = node.name.value;
        },
      });
    },
  });
  return found;
}

/**
 * Refuses text with a NUL character before any resolver runs: PostgreSQL cannot store it, and it has
 * no place in names, e-mails or searches.
 */
export function nulCharacterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = findNulCharacter(document, request.variables ?? undefined);
          if (field) throw DomainError.badInput(field, 'INVALID', 'validation.nulCharacter');
        },
      };
    },
  };
}
