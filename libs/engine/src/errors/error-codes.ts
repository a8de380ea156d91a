import type { DomainErrorCode } from '@samverka/domain';

/**
 * The one table that turns a domain error code into what each transport answers: the public code (the
 * GraphQL `extensions.code`, and `error.code` of a REST answer) and the HTTP status. A Record over every code, so a code added to the domain does
 * not compile until it is mapped here.
 */
export const ERROR_CODES: Readonly<Record<DomainErrorCode, { code: string; status: number }>> = {
  BAD_USER_INPUT: { code: 'BAD_USER_INPUT', status: 400 },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', status: 401 },
  FORBIDDEN: { code: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { code: 'NOT_FOUND', status: 404 },
  CONFLICT: { code: 'CONFLICT', status: 409 },
  TOO_MANY_REQUESTS: { code: 'TOO_MANY_REQUESTS', status: 429 },
};
