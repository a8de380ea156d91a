import type { GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { AppConfig } from '../config/app-config.js';
import type { Actor } from '@samverka/domain';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { CloseCode, type Context, type ServerOptions } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { Extra } from 'graphql-ws/use/ws';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ActorSource } from './actor-source.js';
import { errorFormatter } from './graphql-errors.js';
import { depthRule, findNulCharacter } from './query-limits.js';

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
  const timer = setTimeout(() => extra.socket.close(CloseCode.Unauthorized, 'The access token has expired: connect again with a fresh one'), Math.max(0, exp * 1000 - Date.now()));
  timer.unref();
  extra.socket.once('close', () => clearTimeout(timer));
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol, at the same path as HTTP).
 * A connection signs in once, with `connectionParams: { authorization: 'Bearer <access token>' }`
 * checked exactly as the HTTP header is; without a valid token it is closed with 4403 Forbidden. Only
 * subscriptions are served here, under the same depth and cost limits as HTTP: queries and mutations
 * go over HTTP, where the other request limits apply. Errors are shaped as over HTTP.
 */
export function subscriptionServerOptions(config: AppConfig, actors: ActorSource, schemaHost: GraphQLSchemaHost): GraphQLWsSubscriptionsConfig {
  const formatError = errorFormatter(config);
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
    onSubscribe(_ctx, _id, payload) {
      const schema = schemaHost.schema;
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      const invalid = validate(schema, document, [...specifiedRules, depthRule(config.graphql.maxDepth)]);
      if (invalid.length > 0) return invalid;
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new GraphQLError('Name the operation to run: the document has several, or none', { extensions: { code: 'BAD_REQUEST' } })];
      if (operation.operation !== 'subscription') {
        return [new GraphQLError('Only subscriptions are served over WebSocket: send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } })];
      }
      const nul = findNulCharacter(document, payload.variables ?? undefined);
      if (nul) return [new GraphQLError(`${nul} must not contain the NUL character`, { extensions: { code: 'BAD_USER_INPUT', field: nul } })];
      let cost: number;
      try {
        cost = getComplexity({
          schema,
          query: document,
          operationName: payload.operationName ?? undefined,
          variables: payload.variables ?? {},
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'BAD_USER_INPUT' } })];
      }
      if (cost > config.graphql.maxCost) {
        return [
          new GraphQLError(`The subscription is too costly: it is estimated at ${cost} per event, and at most ${config.graphql.maxCost} is allowed.`, {
            extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: config.graphql.maxCost },
          }),
        ];
      }
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) };
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map((error) => formatError(error.toJSON(), error));
    },
  };
  // Nest hands every option to graphql-ws's useServer (with the ws Extra), though its type names a few.
  return options as unknown as GraphQLWsSubscriptionsConfig;
}
