import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, type DomainErrorCode, type ErrorDetail, type FieldProblem, type Language, type Message } from '@samverka/domain';
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

/** The messages of refusals made as GraphQL errors with a code of their own (see `translatableError`). */
const messagesOf = new WeakMap<GraphQLError, Message>();

/**
 * A refusal of the request itself with a GraphQL code of its own (QUERY_TOO_COSTLY, BAD_REQUEST) rather
 * than a DomainError's: its message is put into the asker's language like a DomainError's.
 */
export function translatableError(message: Message, extensions: Record<string, unknown>): GraphQLError {
  const error = new GraphQLError(textOf(message, DEFAULT_LANGUAGE), { extensions });
  messagesOf.set(error, message);
  return error;
}

/**
 * The DomainError behind an error: thrown by a resolver (Apollo wraps it with the path), or by a plugin
 * before any resolver ran (wrapped without one).
 */
function domainErrorOf(error: unknown): DomainError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  return original instanceof GraphQLError && original.originalError instanceof DomainError ? original.originalError : undefined;
}

function fieldBodies(fields: readonly FieldProblem[], language: Language): FieldProblemBody[] {
  return fields.map((field) => ({ path: [...field.path], code: field.code, message: textOf(field.message, language) }));
}

/**
 * Shapes every error the API answers with, wherever it was thrown (resolver, field resolver, guard):
 * a DomainError gets its code, its message (in Swedish here; `translateErrors` puts it into the asker's
 * language) and `fields: [{ path, code, message }]` for bad input; a translatable error keeps its own
 * code and is put into the asker's language the same way; in production an unexpected error
 * is reduced to "Internal server error", its detail kept in the log.
 */
export function errorFormatter(config: AppConfig) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domainError = domainErrorOf(error);
    if (domainError) {
      const shaped: GraphQLFormattedError = {
        message: textOf(domainError.detail, DEFAULT_LANGUAGE),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: graphqlCode(domainError.code),
          ...(domainError.field ? { field: domainError.field } : {}),
          ...(domainError.fields.length > 0 ? { fields: fieldBodies(domainError.fields, DEFAULT_LANGUAGE) } : {}),
          ...(domainError.retryAfterSeconds !== undefined ? { retryAfterSeconds: domainError.retryAfterSeconds } : {}),
        },
      };
      untranslated.set(shaped, { detail: domainError.detail, fields: domainError.fields });
      return shaped;
    }
    const original = unwrapResolverError(error);
    const message = original instanceof GraphQLError ? messagesOf.get(original) : undefined;
    if (message) {
      const shaped = { ...formatted };
      untranslated.set(shaped, { detail: message, fields: [] });
      return shaped;
    }
    const known = original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (known || config.env !== 'production') return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Puts a formatted error into a language, if it came from a DomainError or a translatable error; other errors are left as they are. */
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
