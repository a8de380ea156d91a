import { Module } from '@nestjs/common';
import { MatchReasonResolver } from './match-reason.resolver.js';
import { MatchResolver, NeedMatchesResolver } from './matching.resolver.js';

/** Match scores with reasons: the transport (GraphQL). */
@Module({
  providers: [NeedMatchesResolver, MatchResolver, MatchReasonResolver],
})
export class MatchingGraphqlModule {}
