import type { GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { AppConfig } from '../config/app-config.js';
import { DomainError, message, type Actor } from '@samverka/domain';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { CloseCode, type Context, type ServerOptions } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { Extra } from 'graphql-ws/use/ws';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ActorSource } from './actor-source.js';
import { errorFormatter, translatableError, translateError } from './graphql-errors.js';
import { languageOf, t } from '../i18n/translator.js';
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
      if (!operation) return [translatableError(message('request.operationName'), { code: 'BAD_REQUEST' })];
      if (operation.operation !== 'subscription') return [translatableError(message('request.subscriptionsOnly'), { code: 'BAD_REQUEST' })];
      const nul = findNulCharacter(document, payload.variables ?? undefined);
      if (nul) {
        const refusal = DomainError.badInput(nul, 'INVALID', 'validation.nulCharacter');
        return [new GraphQLError(refusal.message, { originalError: refusal })];
      }
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
          translatableError(message('request.subscriptionTooCostly', { cost, max: config.graphql.maxCost }), { code: 'QUERY_TOO_COSTLY', cost, maxCost: config.graphql.maxCost }),
        ];
      }
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },
    // Errors are shaped as over HTTP, in the language the connection asked for when it opened.
    onNext(ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map((error) => translateError(formatError(error.toJSON(), error), languageOfSocket(ctx))) };
    },
    onError(ctx, _id, _payload, errors) {
      return errors.map((error) => translateError(formatError(error.toJSON(), error), languageOfSocket(ctx)));
    },
  };
  // Nest hands every option to graphql-ws's useServer (with the ws Extra), though its type names a few.
  return options as unknown as GraphQLWsSubscriptionsConfig;
}
