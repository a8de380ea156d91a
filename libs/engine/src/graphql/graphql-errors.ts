import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, type DomainErrorCode, type ErrorDetail, type FieldProblem, type Language } from '@samverka/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors/error-codes.js';
import { DEFAULT_LANGUAGE, textOf } from '../i18n/translator.js';

/** The GraphQL code of a domain error code (see ERROR_CODES, shared with the HTTP filter). */
export function graphqlCode(code: DomainErrorCode): string {
  return ERROR_CODES[code].code;
}

/** A field problem as the API answers it: `{ path, code, message }`, the message in the asker's language. */
export interface FieldProblemBody {
  path: (string | number)[];
  code: string;
  message: string;
}

/** What a formatted error says before it is put into a language (kept beside it, not sent). */
interface Untranslated {
  detail: ErrorDetail;
  fields: readonly FieldProblem[];
}
const untranslated = new WeakMap<GraphQLFormattedError, Untranslated>();

function fieldBodies(fields: readonly FieldProblem[], language: Language): FieldProblemBody[] {
  return fields.map((field) => ({ path: [...field.path], code: field.code, message: textOf(field.message, language) }));
}

/**
 * Shapes every error the API answers with, wherever it was thrown (resolver, field resolver, guard):
 * a DomainError gets its code, its message (in Swedish here; `translateErrors` puts it into the asker's
 * language) and `fields: [{ path, code, message }]` for bad input; in production an unexpected error
 * is reduced to "Internal server error", its detail kept in the log.
 */
export function errorFormatter(config: AppConfig) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = refusedByScalar(unwrapped) ?? unwrapped;
    if (original instanceof DomainError) {
      const shaped: GraphQLFormattedError = {
        message: textOf(original.detail, DEFAULT_LANGUAGE),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: graphqlCode(original.code),
          ...(original.field ? { field: original.field } : {}),
          ...(original.fields.length > 0 ? { fields: fieldBodies(original.fields, DEFAULT_LANGUAGE) } : {}),
          ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
        },
      };
      untranslated.set(shaped, { detail: original.detail, fields: original.fields });
      return shaped;
    }
    const known = original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (known || config.env !== 'production') return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * A value one of our scalars refused (scalars.ts), as graphql-js reports it before anything runs: a
 * GraphQLError without a path wrapping our DomainError. The scalar cannot know where the value was, so
 * its field problems get it here from graphql-js's report: the variable and the place in it
 * (`Variable "$input" got invalid value … at "input.periodEnd"`), or nothing for a value written in
 * the query itself.
 */
function refusedByScalar(error: unknown): DomainError | undefined {
  if (!(error instanceof GraphQLError) || error.path || !(error.originalError instanceof DomainError)) return undefined;
  const refusal = error.originalError;
  const where = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)";/s.exec(error.message)?.[2] ?? /^Variable "\$([^"]+)"/.exec(error.message)?.[1];
  if (!where) return refusal;
  const path = [...where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((part) => (part[2] !== undefined ? Number(part[2]) : part[1]));
  return DomainError.invalid(refusal.fields.map((field) => ({ ...field, path: [...path, ...field.path] })));
}

/** Puts a formatted error into a language, if it came from a DomainError; other errors are left as they are. */
export function translateError(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  const source = untranslated.get(error);
  if (!source || language === DEFAULT_LANGUAGE) return error;
  return {
    ...error,
    message: textOf(source.detail, language),
    extensions: { ...error.extensions, ...(source.fields.length > 0 ? { fields: fieldBodies(source.fields, language) } : {}) },
  };
}

/** Answers each HTTP request's errors in the language of its context (from Accept-Language). */
export function translateErrorsPlugin(): ApolloServerPlugin<{ language?: Language }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const language = contextValue.language ?? DEFAULT_LANGUAGE;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => translateError(error, language));
        },
      };
    },
  };
}
