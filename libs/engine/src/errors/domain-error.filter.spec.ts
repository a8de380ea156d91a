import { Controller, Get, Module, Param, Query, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { DomainError, type DomainErrorCode } from '@samverka/domain';
import { DomainErrorFilter } from './domain-error.filter.js';

@Controller('refuse')
class RefusingController {
  @Get('domain/:code')
  domain(@Param('code') code: string, @Query('field') field?: string, @Query('retry') retry?: string): never {
    throw new DomainError(code as DomainErrorCode, 'access.signInNeeded', {
      fields: field ? [{ path: [field], code: 'REQUIRED', message: { key: 'validation.required' } }] : [],
      retryAfterSeconds: retry === undefined ? undefined : Number(retry),
    });
  }

  @Get('other')
  other(): never {
    throw new Error('not a domain error');
  }
}

@Module({ controllers: [RefusingController], providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }] })
class RefusingModule {}

describe('DomainErrorFilter (REST)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(RefusingModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each<[DomainErrorCode, number]>([
    ['BAD_USER_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['TOO_MANY_REQUESTS', 429],
  ])('answers %s with HTTP %i and { error: { code, message, field, fields } } in Swedish', async (code, status) => {
    const response = await fetch(`${url}/refuse/domain/${code}?field=email`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code, message: 'Du behöver logga in för att göra det här.', field: 'email', fields: [{ path: ['email'], code: 'REQUIRED', message: 'Fyll i fältet.' }] },
    });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const response = await fetch(`${url}/refuse/domain/BAD_USER_INPUT?field=email`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await response.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'You need to sign in for this.', field: 'email', fields: [{ path: ['email'], code: 'REQUIRED', message: 'Fill in this field.' }] },
    });
  });

  it('gives field null when the error names none, and Retry-After when the caller may try again later', async () => {
    const response = await fetch(`${url}/refuse/domain/TOO_MANY_REQUESTS?retry=30`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: 'Du behöver logga in för att göra det här.', field: null, fields: [] } });
  });

  it('leaves other errors to Nest: a 500 that tells nothing', async () => {
    const response = await fetch(`${url}/refuse/other`);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('not a domain error');
  });
});
