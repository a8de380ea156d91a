import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorDetail, type FieldProblem, type Language, type Message } from '@samverka/domain';
import { GraphQLError, Kind, OperationTypeNode, parse, visit, type DocumentNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { randomUUID } from 'node:crypto';
import { ERROR_CODES, GRAPHQL_REQUEST_CODES, INTERNAL_ERROR_CODE, statusOfCode, type ApiErrorCode } from '../errors/error-codes.js';
import { DEFAULT_LANGUAGE, textOf } from '../i18n/translator.js';
import { currentRequestId, noteOutcome } from '../logging/request-id.js';

/** The GraphQL code of an error code (see ERROR_CODES, shared with the HTTP filter). */
export function graphqlCode(code: ApiErrorCode): string {
  return ERROR_CODES[code].code;
}

/** A field problem as the API answers it: `{ path, code, message }`, the message in the asker's language. */
export interface FieldProblemBody {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * A refusal of the request as a whole, before any resolver runs (a limit of the query, the body, the
 * variables): a GraphQLError with a message from the catalogue, its code and HTTP status.
 */
export class RequestRefusal extends GraphQLError {
  readonly detail: Message;
  readonly fields: readonly FieldProblem[];

  constructor(
    readonly code: ApiErrorCode,
    detail: Message,
    options: { fields?: readonly FieldProblem[]; extensions?: Record<string, unknown>; language?: Language } = {},
  ) {
    const { code: publicCode, status } = ERROR_CODES[code];
    super(textOf(detail, options.language ?? DEFAULT_LANGUAGE), { extensions: { ...options.extensions, code: publicCode, http: { status } } });
    this.name = 'RequestRefusal';
    this.detail = detail;
    this.fields = options.fields ?? [];
  }
}

/** The refusal an error stands for, wherever it was wrapped (by graphql-js around a resolver's error, by Apollo around a rule's). */
function refusalOf(error: unknown): DomainError | RequestRefusal | undefined {
  let current: unknown = error;
  for (let hops = 0; current instanceof Error && hops < 5; hops += 1) {
    if (current instanceof DomainError || current instanceof RequestRefusal) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Whether an error is the client's (a refusal, or a request Apollo or graphql-js could not take:
 * syntax, validation, variables) rather than our fault.
 */
export function isClientError(error: unknown): boolean {
  if (refusalOf(error)) return true;
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  // A resolver's own error wrapped by graphql-js has an originalError and no code: ours.
  return typeof code === 'string' && (GRAPHQL_REQUEST_CODES.has(code) || code === 'BAD_USER_INPUT');
}

/** graphql-js suggests names ("Did you mean "needs"?", "… the enum value "X"?"): with introspection off, that is the schema leaking. */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
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

/** What a formatted error says before it is put into a language (kept beside it, not sent). */
interface Untranslated {
  detail: ErrorDetail;
  fields: readonly FieldProblem[];
}
const untranslated = new WeakMap<GraphQLFormattedError, Untranslated>();

function fieldBodies(fields: readonly FieldProblem[], language: Language): FieldProblemBody[] {
  return fields.map((field) => ({ path: [...field.path], code: field.code, message: textOf(field.message, language) }));
}

/** Where the formatter logs our own faults, with their stack. */
export interface ErrorLog {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Shapes every error the API answers with, wherever it was thrown (resolver, field resolver, guard,
 * validation rule, plugin):
 * - a refusal (DomainError, RequestRefusal) gets its code, its message in Swedish (`graphqlResponsePlugin`
 *   puts it into the asker's language) and `fields: [{ path, code, message }]`;
 * - a request Apollo or graphql-js refused keeps its message, without suggestions of names;
 * - anything else is our fault: INTERNAL_SERVER_ERROR with `common.internal` and the request's id, the
 *   error and its stack logged at ERROR under the same id.
 * No stack trace is ever sent.
 */
export function errorFormatter(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const refusal = refusedByScalar(unwrapResolverError(error)) ?? refusalOf(error);
    if (refusal) {
      // A RequestRefusal's own extensions (the limit it names) go with it; its `http` was for Apollo only.
      const { http: _http, ...named } = refusal instanceof RequestRefusal ? refusal.extensions : {};
      const shaped: GraphQLFormattedError = {
        message: textOf(refusal.detail, DEFAULT_LANGUAGE),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          ...named,
          code: graphqlCode(refusal.code),
          ...(refusal instanceof DomainError && refusal.field ? { field: refusal.field } : {}),
          ...(refusal.fields.length > 0 ? { fields: fieldBodies(refusal.fields, DEFAULT_LANGUAGE) } : {}),
          ...(refusal instanceof DomainError && refusal.retryAfterSeconds !== undefined ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}),
        },
      };
      untranslated.set(shaped, { detail: refusal.detail, fields: refusal.fields });
      return shaped;
    }
    if (isClientError(error)) {
      return { message: withoutSuggestions(formatted.message), locations: formatted.locations, path: formatted.path, extensions: { code: formatted.extensions?.code } };
    }
    const requestId = currentRequestId() ?? randomUUID();
    const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    log.error({ err: cause, requestId, path: formatted.path }, 'GraphQL operation failed');
    const detail: Message = { key: 'common.internal', params: { requestId } };
    const shaped: GraphQLFormattedError = { message: textOf(detail, DEFAULT_LANGUAGE), path: formatted.path, extensions: { code: INTERNAL_ERROR_CODE, requestId } };
    untranslated.set(shaped, { detail, fields: [] });
    return shaped;
  };
}

/** Puts a formatted error into a language; errors not from the catalogue are left as they are. */
export function translateError(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  const source = untranslated.get(error);
  if (!source || language === DEFAULT_LANGUAGE) return error;
  return {
    ...error,
    message: textOf(source.detail, language),
    extensions: { ...error.extensions, ...(source.fields.length > 0 ? { fields: fieldBodies(source.fields, language) } : {}) },
  };
}

/**
 * The HTTP status of an answer with errors and no data (refused before execution, or its errors left
 * `data` null): our fault if any error is, else the status of the first error's code. With data, even
 * partial, the status stays 200 (GraphQL over HTTP).
 */
export function statusOfErrors(errors: readonly GraphQLFormattedError[]): number {
  const statuses = errors.map((error) => statusOfCode(error.extensions?.code));
  return statuses.includes(500) ? 500 : statuses[0];
}

/**
 * Finishes each HTTP answer: its errors in the language of the request, its status (statusOfErrors; a
 * status Apollo chose for the request itself, such as 405 for a mutation over GET, stays), Retry-After
 * when the client may try again later, and a note of the outcome for the request's log line.
 */
export function graphqlResponsePlugin(): ApolloServerPlugin<{ language?: Language; req?: object }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.length) {
            noteOutcome(contextValue.req, { operation: operationName ?? undefined, errors: [] });
            return;
          }
          const language = contextValue.language ?? DEFAULT_LANGUAGE;
          result.errors = result.errors.map((error) => translateError(error, language));
          const status = response.http.status;
          if ((result.data === undefined || result.data === null) && (status === undefined || status === 200 || status === 500)) {
            response.http.status = statusOfErrors(result.errors);
          }
          const retryAfter = result.errors.map((error) => error.extensions?.retryAfterSeconds).find((seconds) => typeof seconds === 'number');
          if (retryAfter !== undefined) response.http.headers.set('retry-after', String(retryAfter));
          noteOutcome(contextValue.req, {
            operation: operationName ?? undefined,
            errors: result.errors.map((error) => ({
              code: String(error.extensions?.code),
              ...(error.path ? { path: error.path.join('.') } : {}),
              ...(Array.isArray(error.extensions?.fields)
                ? { fields: (error.extensions.fields as FieldProblemBody[]).map((field) => `${field.path.join('.')}:${field.code}`) }
                : {}),
            })),
          });
        },
      };
    },
  };
}
