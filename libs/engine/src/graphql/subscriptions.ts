import type { GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, type Actor, type MessageKey } from '@samverka/domain';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { CloseCode, type Context, type ServerOptions } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { Extra } from 'graphql-ws/use/ws';
import type { ActorSource } from './actor-source.js';
import { languageOf, t, textOf } from '../i18n/translator.js';
import { RequestRefusal, translateError } from './graphql-errors.js';
import { jsonDepthExceeds } from './graphql-http.js';
import { costRefusal, documentSizeRefusal, estimateCost, queryShapeRules } from './query-limits.js';
import { operationInputProblems } from './variable-values.js';

/** What a WebSocket connection carries once its connectionParams have signed it in. */
export interface SocketExtra extends Extra {
  actor?: Actor;
}

type ConnectionParams = Record<string, unknown> | undefined;
export type SocketContext = Context<ConnectionParams, SocketExtra>;

/** True for the context of an operation that came over graphql-ws (not over HTTP). */
export function isSocketContext(value: unknown): value is SocketContext {
  return typeof value === 'object' && value !== null && 'extra' in value && typeof (value as { extra?: { socket?: unknown } }).extra?.socket === 'object';
}

/**
 * A connection lives as long as the access token it signed in with (verified already): then it is
 * closed with 4401, and the client connects again with a fresh token. An ended session thus stops
 * receiving within the token's lifetime, as its HTTP requests do.
 */
function closeWhenExpired(extra: SocketExtra, authorization: string): void {
  const { exp } = decodeJwt(authorization.slice(authorization.indexOf(' ') + 1).trim());
  if (typeof exp !== 'number') return;
  const reason = t('request.socketTokenExpired', undefined, languageOf(extra.request.headers['accept-language']));
  const timer = setTimeout(() => extra.socket.close(CloseCode.Unauthorized, reason), Math.max(0, exp * 1000 - Date.now()));
  timer.unref();
  extra.socket.once('close', () => clearTimeout(timer));
}

function languageOfSocket(ctx: SocketContext) {
  return languageOf(ctx.extra.request?.headers['accept-language']);
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol, at the same path as HTTP).
 * A connection signs in once, with `connectionParams: { authorization: 'Bearer <access token>' }`
 * checked exactly as the HTTP header is; without a valid token it is closed with 4403 Forbidden. Only
 * subscriptions are served here, under the same limits as HTTP (tokens, depth, aliases, directives,
 * variables, cost): queries and mutations go over HTTP. Errors are shaped as over HTTP, in the
 * language of the connection's Accept-Language.
 */
export function subscriptionServerOptions(
  config: AppConfig,
  actors: ActorSource,
  schemaHost: GraphQLSchemaHost,
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): GraphQLWsSubscriptionsConfig {
  const { limits } = config.graphql;
  const shapeRules = queryShapeRules(limits);
  const shaped = (ctx: SocketContext, errors: readonly GraphQLError[]) => errors.map((error) => translateError(formatError(error.toJSON(), error), languageOfSocket(ctx)));
  const badRequest = (ctx: SocketContext, key: MessageKey) => new GraphQLError(textOf({ key }, languageOfSocket(ctx)), { extensions: { code: 'BAD_REQUEST' } });
  const options: ServerOptions<ConnectionParams, SocketExtra> = {
    async onConnect(ctx) {
      const authorization = ctx.connectionParams?.authorization;
      if (typeof authorization !== 'string' || authorization === '') return false;
      try {
        const actor = await actors.resolve(authorization);
        if (actor.kind !== 'user') return false;
        ctx.extra.actor = actor;
        closeWhenExpired(ctx.extra, authorization);
        return true;
      } catch {
        return false;
      }
    },
    onSubscribe(ctx, _id, payload) {
      const schema = schemaHost.schema;
      const tooLarge = documentSizeRefusal(payload.query, limits);
      if (tooLarge) return [tooLarge];
      const variables = payload.variables ?? {};
      if (jsonDepthExceeds(variables, limits.maxVariablesDepth)) {
        return [
          new RequestRefusal(
            'BAD_USER_INPUT',
            { key: 'request.variablesTooDeep', params: { max: limits.maxVariablesDepth } },
            { extensions: { limit: 'maxVariablesDepth', max: limits.maxVariablesDepth } },
          ),
        ];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const invalid = validate(schema, document, [...specifiedRules, ...shapeRules]);
      if (invalid.length > 0)
        return invalid.map((error) =>
          error.extensions.code
            ? error
            : new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError ?? undefined, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        );
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [badRequest(ctx, 'request.operationName')];
      if (operation.operation !== 'subscription') return [badRequest(ctx, 'request.subscriptionsOnly')];
      const problems = operationInputProblems(schema, document, operation, variables);
      if (problems.length > 0) return [new GraphQLError('', { originalError: DomainError.invalid(problems) })];
      const tooCostly = costRefusal(estimateCost(schema, document, variables, payload.operationName ?? undefined), limits.maxCost, 'request.subscriptionTooCostly');
      if (tooCostly) return [tooCostly];
      return { schema, document, operationName: payload.operationName, variableValues: variables };
    },
    onNext(ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return;
      return { ...result, errors: shaped(ctx, result.errors) };
    },
    onError(ctx, _id, _payload, errors) {
      return shaped(ctx, errors);
    },
  };
  // Nest hands every option to graphql-ws's useServer (with the ws Extra), though its type names a few.
  return options as unknown as GraphQLWsSubscriptionsConfig;
}
