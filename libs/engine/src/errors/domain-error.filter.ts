import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
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
 * `{ error: { code, message, field, fields } }` in the language of Accept-Language; other errors of a
 * REST route get Nest's answer. Errors of GraphQL operations are thrown on untouched, to Apollo and the
 * GraphQL error formatter, which maps the same codes and logs our own faults once (Nest would log every
 * error, a user's mistake too, at ERROR with its stack).
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    if (!(error instanceof DomainError)) return super.catch(error, host);
    const response = host.switchToHttp().getResponse<Response>();
    const language = languageOf(host.switchToHttp().getRequest<Request>().headers['accept-language']);
    if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
    const { code, status } = ERROR_CODES[error.code];
    const fields = error.fields.map((field) => ({ path: [...field.path], code: field.code, message: textOf(field.message, language) }));
    const body: HttpErrorBody = { error: { code, message: textOf(error.detail, language), field: error.field ?? null, fields } };
    response.status(status).json(body);
  }
}
