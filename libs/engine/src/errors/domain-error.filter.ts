import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@samverka/domain';
import type { Request, Response } from 'express';
import type { FieldProblemBody } from '../graphql/graphql-errors.js';
import { languageOf, textOf } from '../i18n/translator.js';
import { ERROR_CODES } from './error-codes.js';

/** The body of a refused REST request. */
export interface HttpErrorBody {
  error: { code: string; message: string; field: string | null; fields: FieldProblemBody[] };
}

/**
 * Answers a DomainError thrown by a REST route (exports, health) with its status from ERROR_CODES and
 * `{ error: { code, message, field, fields } }` in the language of Accept-Language. GraphQL requests are left alone (undefined means "not handled"
 * to Nest): their errors go on to Apollo and the GraphQL formatter, which maps the same codes.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const language = languageOf(host.switchToHttp().getRequest<Request>().headers['accept-language']);
    if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
    const { code, status } = ERROR_CODES[error.code];
    const fields = error.fields.map((field) => ({ path: [...field.path], code: field.code, message: textOf(field.message, language) }));
    const body: HttpErrorBody = { error: { code, message: textOf(error.detail, language), field: error.field ?? null, fields } };
    response.status(status).json(body);
  }
}
