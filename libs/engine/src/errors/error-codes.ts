import type { DomainErrorCode } from '@samverka/domain';

/**
 * What a request can be refused for: the domain's codes, and the two that only the edge knows (a body
 * over its size limit, a query over its cost or shape limits).
 */
export type ApiErrorCode = DomainErrorCode | 'PAYLOAD_TOO_LARGE' | 'QUERY_TOO_COSTLY';

/**
 * The one table that turns an error code into what each transport answers: the public code (the
 * GraphQL `extensions.code`, and `error.code` of a REST answer) and the HTTP status. A Record over every code, so a code added to the domain does
 * not compile until it is mapped here.
 *
 * QUERY_TOO_COSTLY is 400, not 429: the same query is refused again however long the client waits; it
 * has to ask for less.
 */
export const ERROR_CODES: Readonly<Record<ApiErrorCode, { code: string; status: number }>> = {
  BAD_USER_INPUT: { code: 'BAD_USER_INPUT', status: 400 },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', status: 401 },
  FORBIDDEN: { code: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { code: 'NOT_FOUND', status: 404 },
  CONFLICT: { code: 'CONFLICT', status: 409 },
  PAYLOAD_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
  QUERY_TOO_COSTLY: { code: 'QUERY_TOO_COSTLY', status: 400 },
  TOO_MANY_REQUESTS: { code: 'TOO_MANY_REQUESTS', status: 429 },
};

/** Our own fault: the only code answered with 500. */
export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

/**
 * Codes Apollo Server and graphql-js give to a request they could not take (malformed JSON shape, a
 * document that does not parse or validate, variables that do not fit their types): the client's
 * mistake, answered with 400.
 */
export const GRAPHQL_REQUEST_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const STATUS_BY_PUBLIC_CODE = new Map<string, number>(Object.values(ERROR_CODES).map(({ code, status }) => [code, status]));

/** The HTTP status of a public error code; an unknown code is our fault. */
export function statusOfCode(code: unknown): number {
  if (typeof code !== 'string') return 500;
  return STATUS_BY_PUBLIC_CODE.get(code) ?? (GRAPHQL_REQUEST_CODES.has(code) ? 400 : 500);
}
