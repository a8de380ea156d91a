import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogLevel } from './logging.module.js';
import { assignRequestId, currentRequestId, noteOutcome, requestIdFrom } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each([
    ['a proxy’s UUID', '3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b', true],
    ['a trace id with dots and colons', 'lb-01:trace.4711', true],
    ['spaces', 'my id', false],
    ['a forged log line', 'x\n{"level":60}', false],
    ['a very long one', 'a'.repeat(129), false],
    ['an empty one', '', false],
  ])('honours an incoming x-request-id only when well-formed: %s', (_label, header, kept) => {
    const id = requestIdFrom(header);
    if (kept) expect(id).toBe(header);
    else expect(id).toMatch(UUID);
  });

  it('gives each request a new id when none comes with it', () => {
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it('answers the id and keeps it for the code that serves the request, across awaits', async () => {
    const headers: Record<string, string> = {};
    const req = { headers: { 'x-request-id': 'req-4711' } } as unknown as IncomingMessage & { id?: unknown };
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
    const seen = await new Promise<string | undefined>((resolve) =>
      assignRequestId(req, res, () => {
        void Promise.resolve().then(() => resolve(currentRequestId()));
      }),
    );
    expect({ seen, header: headers['x-request-id'], reqId: req.id }).toEqual({ seen: 'req-4711', header: 'req-4711', reqId: 'req-4711' });
    expect(currentRequestId()).toBeUndefined();
  });
});

describe('the level of a request’s log line', () => {
  const level = (statusCode: number, codes: string[] = []) => {
    const req = {} as IncomingMessage;
    noteOutcome(req, { errors: codes.map((code) => ({ code })) });
    return requestLogLevel(req, { statusCode } as ServerResponse);
  };

  it('is info for an answer and for a client’s mistake, warn for a refusal by a limit, error for our fault', () => {
    expect(level(200)).toBe('info');
    expect(level(400, ['BAD_USER_INPUT'])).toBe('info');
    expect(level(404, ['NOT_FOUND'])).toBe('info');
    expect(level(400, ['QUERY_TOO_COSTLY'])).toBe('warn');
    expect(level(413, ['PAYLOAD_TOO_LARGE'])).toBe('warn');
    expect(level(429, ['TOO_MANY_REQUESTS'])).toBe('warn');
    expect(level(500, ['INTERNAL_SERVER_ERROR'])).toBe('error');
  });
});
