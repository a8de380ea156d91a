import { Module } from '@nestjs/common';
import { MatchResolver, NeedMatchesResolver } from './matching.resolver.js';

/** Matches over GraphQL: a need's matches and status, an enterprise's recommended needs, rebuilds. */
@Module({ providers: [NeedMatchesResolver, MatchResolver] })
export class MatchingApiModule {}
