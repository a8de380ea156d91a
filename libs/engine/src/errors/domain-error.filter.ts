import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@samverka/domain';
import type { Response } from 'express';
import { ERROR_CODES } from './error-codes.js';

/** The body of a refused REST request. */
export interface HttpErrorBody {
  error: { code: string; message: string; field: string | null };
}

/**
 * Answers a DomainError thrown by a REST route (exports, health) with its status from ERROR_CODES and
 * `{ error: { code, message, field } }`. GraphQL requests are left alone (undefined means "not handled"
 * to Nest): their errors go on to Apollo and the GraphQL formatter, which maps the same codes.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
    const { code, status } = ERROR_CODES[error.code];
    const body: HttpErrorBody = { error: { code, message: error.message, field: error.field ?? null } };
    response.status(status).json(body);
  }
}
