import { Module } from '@nestjs/common';
import { SessionResolver } from './session.resolver.js';
import { UserResolver } from './user.resolver.js';
import { UserNodes } from './user.nodes.js';

/** People, their sessions and tokens, and who is asking: the transport (GraphQL). */
@Module({
  providers: [SessionResolver, UserNodes, UserResolver],
})
export class AccountsGraphqlModule {}
