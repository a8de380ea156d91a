import { Field, Int } from '@nestjs/graphql';

/**
 * The optimistic-concurrency field of a mutation's input: the version the client read, sent back with
 * the change, so that a change based on an older version is refused (CONFLICT naming `version`).
 */
export const VersionField = (options: { nullable?: boolean; description?: string } = {}) =>
  Field(() => Int, {
    nullable: options.nullable,
    description: options.description ?? 'The version you read: a change based on an older one is refused (CONFLICT)',
  });
