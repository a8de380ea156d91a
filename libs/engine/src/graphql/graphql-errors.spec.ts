import { ApolloServer, type GraphQLResponse } from '@apollo/server';
import { DomainError, type Language } from '@samverka/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId } from '../logging/request-id.js';
import { errorFormatter, graphqlResponsePlugin, RequestRefusal, statusOfErrors } from './graphql-errors.js';

interface Context {
  language: Language;
  req: object;
}

describe('the answers of GraphQL errors', () => {
  const logged: Record<string, unknown>[] = [];
  let server: ApolloServer<Context>;

  beforeAll(async () => {
    server = new ApolloServer<Context>({
      typeDefs: 'type Query { ok: String  boom: String!  partly: String  missing: String!  busy: String!  refused: String! }',
      resolvers: {
        Query: {
          ok: () => 'ok',
          boom: () => {
            throw new Error('connection to 10.0.0.7 refused');
          },
          partly: () => {
            throw new Error('only this field failed');
          },
          missing: () => {
            throw DomainError.notFound('validation.invalidId');
          },
          busy: () => {
            throw DomainError.tooManyRequests(30, 'request.tooCostly', { cost: 2, max: 1 });
          },
          refused: () => {
            throw new RequestRefusal('QUERY_TOO_COSTLY', { key: 'request.tooCostly', params: { cost: 20, max: 10 } }, { extensions: { limit: 'maxCost', max: 10 } });
          },
        },
      },
      includeStacktraceInErrorResponses: false,
      formatError: errorFormatter({ error: (details) => logged.push(details) }),
      plugins: [graphqlResponsePlugin()],
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(() => {
    logged.length = 0;
  });

  /** Runs a query as one HTTP request with the given id, as the API's first middleware would. */
  async function run(query: string, language: Language = 'sv', id = 'req-1'): Promise<{ status?: number; retryAfter?: string; data?: unknown; errors: GraphQLFormattedError[] }> {
    const req = { headers: { 'x-request-id': id } } as unknown as IncomingMessage;
    const res = { setHeader: () => undefined } as unknown as ServerResponse;
    const response = await new Promise<GraphQLResponse>((resolve, reject) =>
      assignRequestId(req, res, () => void server.executeOperation({ query }, { contextValue: { language, req } }).then(resolve, reject)),
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status, retryAfter: response.http.headers.get('retry-after'), data: result?.data, errors: [...(result?.errors ?? [])] };
  }

  it('answers our own fault with 500, common.internal and the request id, and logs the error once under the same id', async () => {
    const result = await run('{ boom }', 'sv', 'trace-77');
    expect(result.errors).toEqual([
      {
        message: 'Något gick fel hos oss. Försök igen om en stund. Kontakta supporten och ange referensen trace-77 om felet kvarstår.',
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-77' },
      },
    ]);
    expect(result).toMatchObject({ status: 500, data: null });
    expect(logged).toEqual([expect.objectContaining({ requestId: 'trace-77', err: expect.objectContaining({ message: 'connection to 10.0.0.7 refused' }) })]);
  });

  it('keeps 200 when some data came through, whatever failed beside it', async () => {
    const result = await run('{ ok partly }');
    expect(result).toMatchObject({ data: { ok: 'ok', partly: null }, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(result.status ?? 200).toBe(200);
  });

  it('answers a refusal that left no data with its status, in the language asked for, without logging it', async () => {
    const result = await run('{ missing }', 'en');
    expect(result).toMatchObject({ status: 404, data: null, errors: [{ message: 'Give an id that the API gave you.', extensions: { code: 'NOT_FOUND' } }] });
    expect(logged).toEqual([]);
  });

  it('tells when to try again', async () => {
    const result = await run('{ busy }');
    expect(result).toMatchObject({ status: 429, retryAfter: '30', errors: [{ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 } }] });
  });

  it('keeps the limit a RequestRefusal names, not its http part', async () => {
    const result = await run('{ refused }');
    expect(result.status).toBe(400);
    expect(result.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 'maxCost', max: 10 });
  });

  it('suggests no names, so that the schema does not leak without introspection', async () => {
    const result = await run('{ oj }');
    expect(result.status).toBe(400);
    expect(result.errors[0]).toMatchObject({ message: 'Cannot query field "oj" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|stacktrace/);
  });

  it('gives our fault precedence over a refusal in the status of an answer without data', () => {
    const errors = [
      { message: '', extensions: { code: 'NOT_FOUND' } },
      { message: '', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ];
    expect(statusOfErrors(errors)).toBe(500);
    expect(statusOfErrors([{ message: '', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }])).toBe(400);
    expect(statusOfErrors([{ message: 'no code' }])).toBe(500);
  });

  it('treats an error graphql-js made around a resolver’s own error as ours', () => {
    const format = errorFormatter({ error: (details) => logged.push(details) });
    const wrapped = new GraphQLError('boom', { originalError: new TypeError('x is undefined'), path: ['ok'] });
    expect(format({ message: 'boom', path: ['ok'] }, wrapped).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged).toHaveLength(1);
  });
});
