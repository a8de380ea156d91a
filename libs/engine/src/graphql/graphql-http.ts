import type { Language, Message } from '@samverka/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { languageOf, textOf } from '../i18n/translator.js';
import { noteOutcome } from '../logging/request-id.js';
import { RequestRefusal } from './graphql-errors.js';
import { documentSizeRefusal, type QueryLimits } from './query-limits.js';

/**
 * How deep a parsed JSON value nests (a scalar is 0, `{}` and `[]` are 1), counted without recursion
 * and given up as soon as it passes `max`, so that no later step (ours or graphql-js's) recurses into
 * a value nested thousands deep.
 */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A refusal of a request Apollo never sees, answered in GraphQL's shape (`{ errors: [...] }`) with its status. */
function answer(req: Request, res: Response, refusal: RequestRefusal | { code: 'BAD_REQUEST'; detail: Message }, language: Language): void {
  if (refusal instanceof RequestRefusal) {
    const { http, ...extensions } = refusal.extensions as { http: { status: number } } & Record<string, unknown>;
    noteOutcome(req, { errors: [{ code: String(extensions.code) }] });
    res.status(http.status).json({ errors: [{ message: refusal.message, extensions }] });
  } else {
    noteOutcome(req, { errors: [{ code: refusal.code }] });
    res.status(400).json({ errors: [{ message: textOf(refusal.detail, language), extensions: { code: refusal.code } }] });
  }
}

/** What a request asks, wherever it carries it: the JSON body (or multipart's operations), or a GET's query string. */
function operationOf(req: Request): { query: unknown; variables: unknown } {
  if (req.method === 'GET') {
    let variables: unknown;
    try {
      variables = typeof req.query.variables === 'string' ? (JSON.parse(req.query.variables) as unknown) : undefined;
    } catch {
      variables = undefined; // Apollo answers variables that are not JSON
    }
    return { query: req.query.query, variables };
  }
  const body = req.body as { query?: unknown; variables?: unknown } | undefined;
  return { query: body?.query, variables: body?.variables };
}

/**
 * Reads the body of a request to /graphql before Apollo does, and refuses in GraphQL's shape what
 * must not reach it, each in milliseconds and naming its limit:
 * - a JSON body over `maxBodyBytes` (multipart for a file upload has its own limits: the operations
 *   as JSON, the file IMPORT_MAX_UPLOAD_MB as it streams): 413 PAYLOAD_TOO_LARGE;
 * - a body that cannot be read: 400 BAD_REQUEST;
 * - variables nested deeper than `maxVariablesDepth`: 400 BAD_USER_INPUT;
 * - a document of more than `maxTokens` tokens, or nested beyond any real query: 400 QUERY_TOO_COSTLY
 *   (before it is parsed: a parser and rules that recurse never see it).
 * Apollo's CSRF prevention still applies to multipart: such a request must carry a non-simple header
 * (apollo-require-preflight).
 */
export function graphqlBodyMiddleware(limits: QueryLimits & { maxUploadBytes: number }): (req: Request, res: Response, next: NextFunction) => void {
  const maxKb = Math.floor(limits.maxBodyBytes / 1024);
  const multipart = graphqlUploadExpress({ maxFileSize: limits.maxUploadBytes, maxFiles: 1, maxFieldSize: limits.maxBodyBytes });
  const json = express.json({ limit: limits.maxBodyBytes });
  return (req, res, next) => {
    const language = languageOf(req.headers['accept-language']);
    const tooLarge = () =>
      answer(
        req,
        res,
        new RequestRefusal('PAYLOAD_TOO_LARGE', { key: 'request.bodyTooLarge', params: { maxKb } }, { extensions: { limit: 'maxBodyBytes', max: limits.maxBodyBytes }, language }),
        language,
      );
    const unreadable = () => answer(req, res, { code: 'BAD_REQUEST', detail: { key: 'request.malformedBody' } }, language);
    multipart(req, res, (multipartError?: unknown) => {
      if (multipartError) return (multipartError as { status?: number }).status === 413 ? tooLarge() : unreadable();
      json(req, res, (jsonError?: unknown) => {
        if (jsonError) return (jsonError as { type?: string }).type === 'entity.too.large' ? tooLarge() : unreadable();
        const { query, variables } = operationOf(req);
        if (jsonDepthExceeds(variables, limits.maxVariablesDepth)) {
          const max = limits.maxVariablesDepth;
          return answer(
            req,
            res,
            new RequestRefusal('BAD_USER_INPUT', { key: 'request.variablesTooDeep', params: { max } }, { extensions: { limit: 'maxVariablesDepth', max }, language }),
            language,
          );
        }
        const tooBig = typeof query === 'string' ? documentSizeRefusal(query, limits, language) : undefined;
        if (tooBig) return answer(req, res, tooBig, language);
        next();
      });
    });
  };
}
