import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { AppConfig } from '@samverka/config';
import { LoaderFactory } from '../common/loaders.js';
import { errorFormatter } from './graphql-errors.js';
import { costLimitPlugin, depthRule, nulCharacterPlugin } from './query-limits.js';

/** GraphQL over HTTP at /graphql, code first; the schema is printed to schema.gql by `npm run schema`. */
@Module({})
export class ApiGraphqlModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiGraphqlModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [LoaderFactory],
          useFactory: (loaders: LoaderFactory) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            graphiql: config.graphql.playground,
            introspection: config.graphql.introspection,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: config.env !== 'production',
            validationRules: [depthRule(config.graphql.maxDepth)],
            plugins: [nulCharacterPlugin(), costLimitPlugin(config.graphql.maxCost)],
            context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res, loaders: loaders.create() }),
            formatError: errorFormatter(config),
          }),
        }),
      ],
    };
  }
}
