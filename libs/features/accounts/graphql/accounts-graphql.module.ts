import { Module } from '@nestjs/common';
import { SessionResolver } from './session.resolver.js';
import { UserResolver } from './user.resolver.js';

/** People, their sessions and tokens, and who is asking: the transport (GraphQL). */
@Module({
  providers: [SessionResolver, UserResolver],
})
export class AccountsGraphqlModule {}
