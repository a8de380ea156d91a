import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, type DomainErrorCode } from '@samverka/domain';
import { GraphQLError } from 'graphql';

/** The one place that turns a domain error code into a GraphQL error code. */
export function graphqlCode(code: DomainErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 'BAD_USER_INPUT';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    default: {
      const unhandled: never = code;
      throw new Error(`Unmapped domain error code ${String(unhandled)}`);
    }
  }
}

@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): GraphQLError | never {
    if (host.getType<string>() !== 'graphql') throw error;
    return new GraphQLError(error.message, {
      extensions: { code: graphqlCode(error.code), ...(error.field ? { field: error.field } : {}) },
    });
  }
}
