/** What went wrong, independent of the transport; the API maps each code once. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, rule: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${field} ${rule}`, field);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${id} does not exist`);
  }
}
