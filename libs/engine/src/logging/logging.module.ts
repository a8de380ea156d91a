import { Module, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { REQUEST_ID_HEADER, outcomeOf, requestIdFrom } from './request-id.js';

/** Refusals that may be someone probing the limits rather than a slip: worth a warning. */
const WARN_CODES = new Set(['QUERY_TOO_COSTLY', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS']);

/**
 * The level of a request's line: a client's mistake is `info` (one line, no stack), a refusal by a limit
 * `warn`, our own fault `error` (its stack is logged apart, by the GraphQL error formatter or Nest).
 */
export function requestLogLevel(req: IncomingMessage, res: ServerResponse, error?: Error): 'info' | 'warn' | 'error' {
  if (error || res.statusCode >= 500) return 'error';
  const outcome = outcomeOf(req);
  if (res.statusCode === 413 || res.statusCode === 429 || outcome?.errors.some((e) => WARN_CODES.has(e.code))) return 'warn';
  return 'info';
}

/** JSON lines in production (for log shippers), readable lines in development. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, processName: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            name: processName,
            level: config.log.level,
            transport:
              config.log.format === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } : undefined,
            // The API's first middleware gives each request its id (assignRequestId); this is for any other server.
            genReqId: (req, res) => {
              const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
              res.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            // Method, path and status are what an operator needs; headers may carry tokens.
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
            customLogLevel: requestLogLevel,
            // What a GraphQL request came to: its operation and each error's code and fields, never a stack.
            customProps: (req) => {
              const outcome = outcomeOf(req);
              return outcome ? { graphql: outcome } : {};
            },
            // A 5xx gets pino-http's made-up "failed with status code 500" error; the real one is logged where it happened.
            customErrorObject: (_req, res, error, value: Record<string, unknown>) =>
              error.message === `failed with status code ${res.statusCode}` ? { res: value.res, responseTime: value.responseTime } : value,
          },
        }),
      ],
    };
  }
}
