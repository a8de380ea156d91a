import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An id a proxy or client may hand us: short, and nothing that could forge a log line or a header. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

const scope = new AsyncLocalStorage<string>();

/** The id of a request: the incoming `x-request-id` when it is well-formed (a proxy's, to follow one request through both logs), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && WELL_FORMED.test(value) ? value : randomUUID();
}

/**
 * The first middleware of the API: gives the request its id (`req.id`, which pino-http then logs with
 * every line), answers it in `x-request-id`, and keeps it for the code that runs for this request, so
 * that an internal error's log line and its answer name the same id.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  scope.run(id, next);
}

/** The id of the request being served, if any (none for a WebSocket message or a job). */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/** What a request came to, for its log line: the GraphQL operation, and the code and fields of each error it was answered with. */
export interface RequestOutcome {
  operation?: string;
  errors: { code: string; path?: string; fields?: string[] }[];
}

const outcomes = new WeakMap<object, RequestOutcome>();

/** Notes what a request came to; pino-http adds it to the request's one log line. */
export function noteOutcome(req: object | undefined, outcome: RequestOutcome): void {
  if (req) outcomes.set(req, outcome);
}

export function outcomeOf(req: object): RequestOutcome | undefined {
  return outcomes.get(req);
}
