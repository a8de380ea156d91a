import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, type DomainErrorCode, type ErrorDetail, type FieldProblem, type Language, type Message } from '@samverka/domain';
import { GraphQLError, Kind, OperationTypeNode, parse, visit, type DocumentNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
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
    const domainError = refusedByScalar(unwrapResolverError(error)) ?? domainErrorOf(error);
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

/**
 * A value one of our scalars refused (scalars.ts), as graphql-js reports it before anything runs: a
 * GraphQLError without a path wrapping our DomainError. The scalar cannot know where the value was, so
 * its field problems get the place here, as for any bad input: the argument and the place in it (for a
 * mutation, the place inside its `input`).
 */
function refusedByScalar(error: unknown): DomainError | undefined {
  if (!(error instanceof GraphQLError) || error.path) return undefined;
  // graphql-js wraps the scalar's error once for a value in the query, twice for one in a variable.
  let refusal: unknown = error.originalError;
  while (refusal instanceof GraphQLError) refusal = refusal.originalError;
  if (!(refusal instanceof DomainError)) return undefined;
  const place = error.source ? placeOf(error, parse(error.source)) : undefined;
  if (!place) return refusal;
  return DomainError.invalid(refusal.fields.map((field) => ({ ...field, path: [...place, ...field.path] })));
}

type Place = (string | number)[];

/**
 * Where in the operation's arguments the refused value is: found by its position when it is written in
 * the query; in a variable, where the variable is used plus the place graphql-js names in it
 * (`Variable "$f" got invalid value … at "f.values[0].value"`).
 */
function placeOf(error: GraphQLError, document: DocumentNode): Place | undefined {
  const variable = /^Variable "\$([^"]+)" got invalid value /.exec(error.message)?.[1];
  const inVariable = variable && /^Variable "\$[^"]+" got invalid value .*? at "([^"]+)";/s.exec(error.message)?.[1];
  const rest: Place = inVariable ? [...inVariable.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].slice(1).map((part) => (part[2] !== undefined ? Number(part[2]) : part[1])) : [];
  const start = error.nodes?.[0]?.loc?.start;
  const isIt = (value: ValueNode) => (variable ? value.kind === Kind.VARIABLE && value.name.value === variable : value.loc?.start === start);
  const within = (value: ValueNode, path: Place): Place | undefined => {
    if (isIt(value)) return path;
    if (value.kind === Kind.OBJECT) return value.fields.map((field) => within(field.value, [...path, field.name.value])).find(Boolean);
    if (value.kind === Kind.LIST) return value.values.map((item, i) => within(item, [...path, i])).find(Boolean);
    return undefined;
  };
  let place: Place | undefined;
  let operation: OperationTypeNode | undefined;
  visit(document, {
    OperationDefinition(node) {
      operation = node.operation;
    },
    Argument(argument) {
      const found = place ? undefined : within(argument.value, [argument.name.value]);
      if (found) place = operation === OperationTypeNode.MUTATION && found[0] === 'input' ? found.slice(1) : found;
    },
  });
  return place && [...place, ...rest];
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
