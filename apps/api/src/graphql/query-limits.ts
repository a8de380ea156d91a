import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

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
            throw new GraphQLError(`The query is too costly: it is estimated at ${cost}, and at most ${maxCost} is allowed. Ask for fewer items or fields.`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost },
            });
          }
        },
      };
    },
  };
}
