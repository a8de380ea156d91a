import { Module } from '@nestjs/common';
import { MatchResolver, NeedMatchesResolver } from './matching.resolver.js';

/** Match scores with reasons: the transport (GraphQL). */
@Module({
  providers: [NeedMatchesResolver, MatchResolver],
})
export class MatchingGraphqlModule {}
