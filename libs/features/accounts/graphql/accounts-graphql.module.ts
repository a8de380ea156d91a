import { Module } from '@nestjs/common';
import { SessionController } from './session.controller.js';
import { SessionCookie } from './session-cookie.js';
import { SessionResolver } from './session.resolver.js';
import { UserResolver } from './user.resolver.js';
import { UserNodes } from './user.nodes.js';

/** People, their sessions and tokens, and who is asking: the transport (GraphQL, and HTTP for the web app's session cookie). */
@Module({
  providers: [SessionCookie, SessionResolver, UserNodes, UserResolver],
  controllers: [SessionController],
})
export class AccountsGraphqlModule {}
