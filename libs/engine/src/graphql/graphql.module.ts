import { ACTOR_RESOLVER, type ActorSource } from './actor-source.js';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LoaderFactory } from './loaders.js';
import { NodeResolver } from './node.js';
import { DateTimeScalar } from './scalars.js';
import type { RequestContext } from './request-context.js';
import { errorFormatter, graphqlResponsePlugin } from './graphql-errors.js';
import { graphqlBodyMiddleware } from './graphql-http.js';
import { languageOf } from '../i18n/translator.js';
import { operationLimitsPlugin, queryShapeRules } from './query-limits.js';
import { isSocketContext, subscriptionServerOptions } from './subscriptions.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * GraphQL over HTTP at /graphql, and subscriptions over WebSocket (graphql-ws) at the same path; code
 * first; the schema is printed to schema.gql by `npm run schema`.
 *
 * A request passes, in order: the body's size, the variables' depth and the document's tokens and
 * nesting (graphqlBodyMiddleware, before Apollo), depth, aliases and directives (validation rules, with
 * graphql's own), the variables' values and the estimated cost (before execution). Each refusal is a
 * 4xx GraphQL error naming its limit; see docs/limits.md.
 */
@Module({})
export class ApiGraphqlModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  static forRoot(config: AppConfig): DynamicModule {
    const { limits } = config.graphql;
    return {
      module: ApiGraphqlModule,
      providers: [NodeResolver],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [LoaderFactory, ACTOR_RESOLVER, GraphQLSchemaHost, PinoLogger],
          useFactory: (loaders: LoaderFactory, actors: ActorSource, schemaHost: GraphQLSchemaHost, logger: PinoLogger) => {
            logger.setContext('GraphQL');
            const formatError = errorFormatter({ error: (details, message) => logger.error(details, message) });
            return {
              path: GRAPHQL_PATH,
              autoSchemaFile: true,
              sortSchema: true,
              // One DateTime: ours (an offset required), also for fields typed Date without an explicit scalar.
              buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
              playground: false,
              graphiql: config.graphql.playground,
              introspection: config.graphql.introspection,
              csrfPrevention: true,
              includeStacktraceInErrorResponses: false,
              allowBatchedHttpRequests: false,
              // graphqlResponsePlugin sets the status of an answer without data; Nest's plugin would reset it to 200.
              preserveHttpStatusForExecutionErrors: false,
              validationRules: queryShapeRules(limits),
              plugins: [operationLimitsPlugin(limits), graphqlResponsePlugin()],
              // Over WebSocket the connection's signed-in actor stands in for the HTTP request.
              context: (ctx: { req?: RequestContext['req']; res?: RequestContext['res'] }): RequestContext =>
                isSocketContext(ctx)
                  ? {
                      req: { headers: {}, actor: ctx.extra.actor } as unknown as RequestContext['req'],
                      loaders: loaders.create(),
                      language: languageOf(ctx.extra.request?.headers['accept-language']),
                    }
                  : { req: ctx.req!, res: ctx.res, loaders: loaders.create(), language: languageOf(ctx.req?.headers['accept-language']) },
              subscriptions: { 'graphql-ws': subscriptionServerOptions(config, actors, schemaHost, formatError) },
              formatError,
            };
          },
        }),
      ],
    };
  }

  /** The body is read here, after the request has its id and logger, and before Apollo. */
  configure(consumer: MiddlewareConsumer): void {
    const { limits } = this.config.graphql;
    consumer.apply(graphqlBodyMiddleware({ ...limits, maxUploadBytes: this.config.imports.maxUploadBytes })).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.ALL });
  }
}
