import { unwrapResolverError } from '@apollo/server/errors';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, type DomainErrorCode } from '@samverka/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors/error-codes.js';

/** The GraphQL code of a domain error code (see ERROR_CODES, shared with the HTTP filter). */
export function graphqlCode(code: DomainErrorCode): string {
  return ERROR_CODES[code].code;
}

/**
 * Shapes every error the API answers with, wherever it was thrown (resolver, field resolver, guard):
 * a DomainError keeps its message and gets its code (with the field for bad input); in production an
 * unexpected error is reduced to "Internal server error", its detail kept in the log.
 */
export function errorFormatter(config: AppConfig) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: graphqlCode(original.code),
          ...(original.field ? { field: original.field } : {}),
          ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
        },
      };
    }
    const known = original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (known || config.env !== 'production') return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
