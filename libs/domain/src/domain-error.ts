/** What went wrong, independent of the transport; the API maps each code once. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
    /** For TOO_MANY_REQUESTS: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, rule: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${field} ${rule}`, field);
  }

  static forbidden(reason: string): DomainError {
    return new DomainError('FORBIDDEN', reason);
  }

  static unauthenticated(reason = 'You need to sign in for this'): DomainError {
    return new DomainError('UNAUTHENTICATED', reason);
  }

  static conflict(reason: string): DomainError {
    return new DomainError('CONFLICT', reason);
  }

  /** The record moved on since the version the caller read (optimistic concurrency): reload and retry. */
  static stale(what: string, version: number): DomainError {
    return new DomainError('CONFLICT', `The ${what} was changed by someone else after version ${version}: reload it and try again`, 'version');
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${id} does not exist`);
  }
}
