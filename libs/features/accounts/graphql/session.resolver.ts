import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, type Actor } from '@samverka/domain';
import { Authorize, Public, ClientIp, CurrentActor, answerAs, type RequestContext } from '@samverka/engine';
import type { GraphQLResolveInfo } from 'graphql';
import { ActorResolver } from '../actor-resolver.js';
import { SessionService, type Session } from '../session.service.js';
import type { SessionMode } from './accounts.enums.js';
import { SessionCookie } from './session-cookie.js';
import { AuthPayload } from './session.model.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './session.inputs.js';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    this.checkMode(input.session, context);
    return this.answer(await this.sessions.register(input, ip), input.session, context, info);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in; repeated failures are refused for a while' })
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    this.checkMode(input.session, context);
    return this.answer(await this.sessions.login(input, ip), input.session, context, info);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens; a used token ends the session. The web app renews with POST /auth/refresh instead' })
  async refreshSession(@Args('refreshToken') refreshToken: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    return this.answer(await this.sessions.refresh(refreshToken), 'TOKEN', context, info);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token. The web app signs out with POST /auth/logout instead' })
  async logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    await this.sessions.logout(refreshToken);
    return true;
  }

  @Authorize('account.changePassword')
  @Mutation(() => AuthPayload, { description: 'Changes the password, ends every session and starts a new one' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuthPayload> {
    this.checkMode(input.session, context);
    return this.answer(await this.sessions.changePassword(actor, input, ip), input.session, context, info);
  }

  /** Before any session starts: a cookie needs an HTTP response to ride on, and our own page to ask for it. */
  private checkMode(mode: SessionMode, context: RequestContext): void {
    if (mode !== 'COOKIE') return;
    if (!context.res) throw DomainError.badInput(['session'], 'NOT_ALLOWED', 'accounts.cookieSessionNeedsHttp');
    this.cookie.assertFromOurPage(context.req);
  }

  /** The new session's answer, resolved for the person just signed in (their e-mail, memberships…), its refresh token in the cookie or in the answer. */
  private async answer(session: Session, mode: SessionMode, context: RequestContext, info: GraphQLResolveInfo): Promise<AuthPayload> {
    const actor = await this.actors.actorOf(session.user.id);
    if (actor) answerAs(context, info, actor);
    if (mode !== 'COOKIE') return AuthPayload.from(session);
    this.cookie.set(context.res!, session.refreshToken, session.refreshTokenExpiresAt);
    return AuthPayload.from(session, { refreshTokenInCookie: true });
  }
}
