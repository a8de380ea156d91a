import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { AppConfig } from '@samverka/config';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainErrorFilter } from './domain-error.filter.js';

/** GraphQL over HTTP at /graphql, code first; the schema is printed to schema.gql by `npm run schema`. */
@Module({})
export class ApiGraphqlModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiGraphqlModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          graphiql: config.graphql.playground,
          introspection: config.graphql.introspection,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: config.env !== 'production',
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: (formatted: GraphQLFormattedError, error: unknown) => {
            const original = unwrapResolverError(error);
            const known = original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
            if (known || config.env !== 'production') return formatted;
            // Unexpected failures keep their details in the log, not in the response.
            return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
          },
        }),
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
