import { ACTOR_RESOLVER, type ActorSource } from './actor-source.js';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { AppConfig } from '../config/app-config.js';
import { LoaderFactory } from './loaders.js';
import { NodeResolver } from './node.js';
import { DateTimeScalar } from './scalars.js';
import type { RequestContext } from './request-context.js';
import { errorFormatter, translateErrorsPlugin } from './graphql-errors.js';
import { languageOf } from '../i18n/translator.js';
import { costLimitPlugin, depthRule, nulCharacterPlugin } from './query-limits.js';
import { isSocketContext, subscriptionServerOptions } from './subscriptions.js';

/**
 * GraphQL over HTTP at /graphql, and subscriptions over WebSocket (graphql-ws) at the same path; code
 * first; the schema is printed to schema.gql by `npm run schema`.
 */
@Module({})
export class ApiGraphqlModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiGraphqlModule,
      providers: [NodeResolver],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [LoaderFactory, ACTOR_RESOLVER, GraphQLSchemaHost],
          useFactory: (loaders: LoaderFactory, actors: ActorSource, schemaHost: GraphQLSchemaHost) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // One DateTime: ours (an offset required), also for fields typed Date without an explicit scalar.
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            playground: false,
            graphiql: config.graphql.playground,
            introspection: config.graphql.introspection,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: config.env !== 'production',
            validationRules: [depthRule(config.graphql.maxDepth)],
            plugins: [nulCharacterPlugin(), costLimitPlugin(config.graphql.maxCost), translateErrorsPlugin()],
            // Over WebSocket the connection's signed-in actor stands in for the HTTP request.
            context: (ctx: { req?: RequestContext['req']; res?: RequestContext['res'] }): RequestContext =>
              isSocketContext(ctx)
                ? {
                    req: { headers: {}, actor: ctx.extra.actor } as unknown as RequestContext['req'],
                    loaders: loaders.create(),
                    language: languageOf(ctx.extra.request?.headers['accept-language']),
                  }
                : { req: ctx.req!, res: ctx.res, loaders: loaders.create(), language: languageOf(ctx.req?.headers['accept-language']) },
            subscriptions: { 'graphql-ws': subscriptionServerOptions(config, actors, schemaHost) },
            formatError: errorFormatter(config),
          }),
        }),
      ],
    };
  }
}
