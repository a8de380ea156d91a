import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, type Actor } from '@samverka/domain';
import { Authorize, Public, ClientIp, CurrentActor, answerAs, type RequestContext } from '@samverka/engine';
import type { GraphQLResolveInfo } from 'graphql';
import { ActorResolver } from '../actor-resolver.js';
import { SessionService, type Session } from '../session.service.js';
import type { SessionMode } from './accounts.enums.js';
import { SessionCookie } from './session-cookie.js';
import { ChangePasswordPayload, LoginPayload, LogoutPayload, RefreshSessionPayload, RegisterPayload, type SessionPayload } from './session.model.js';
import { ChangePasswordInput, LoginInput, LogoutInput, RefreshSessionInput, RegisterInput } from './session.inputs.js';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Mutation(() => RegisterPayload, { description: 'Creates an account and signs it in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<RegisterPayload> {
    this.checkMode(input.session, context);
    return this.answer(RegisterPayload, await this.sessions.register(input, ip), input.session, context, info);
  }

  @Public()
  @Mutation(() => LoginPayload, { description: 'Signs in; repeated failures are refused for a while' })
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<LoginPayload> {
    this.checkMode(input.session, context);
    return this.answer(LoginPayload, await this.sessions.login(input, ip), input.session, context, info);
  }

  @Public()
  @Mutation(() => RefreshSessionPayload, {
    description: 'Exchanges a refresh token for new tokens; a used token ends the session. The web app renews with POST /auth/refresh instead',
  })
  async refreshSession(@Args('input') { refreshToken }: RefreshSessionInput, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<RefreshSessionPayload> {
    return this.answer(RefreshSessionPayload, await this.sessions.refresh(refreshToken), 'TOKEN', context, info);
  }

  @Public()
  @Mutation(() => LogoutPayload, { description: 'Ends the session of this refresh token. The web app signs out with POST /auth/logout instead' })
  async logout(@Args('input') { refreshToken }: LogoutInput): Promise<LogoutPayload> {
    await this.sessions.logout(refreshToken);
    return { signedOut: true };
  }

  @Authorize('account.changePassword')
  @Mutation(() => ChangePasswordPayload, { description: 'Changes the password, ends every session and starts a new one' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChangePasswordPayload> {
    this.checkMode(input.session, context);
    return this.answer(ChangePasswordPayload, await this.sessions.changePassword(actor, input, ip), input.session, context, info);
  }

  /** Before any session starts: a cookie needs an HTTP response to ride on, and our own page to ask for it. */
  private checkMode(mode: SessionMode, context: RequestContext): void {
    if (mode !== 'COOKIE') return;
    if (!context.res) throw DomainError.badInput(['session'], 'NOT_ALLOWED', 'accounts.cookieSessionNeedsHttp');
    this.cookie.assertFromOurPage(context.req);
  }

  /** The new session's answer, resolved for the person just signed in (their e-mail, memberships…), its refresh token in the cookie or in the answer. */
  private async answer<T extends SessionPayload>(
    Payload: { of(session: Session, options?: { refreshTokenInCookie?: boolean }): T },
    session: Session,
    mode: SessionMode,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ): Promise<T> {
    const actor = await this.actors.actorOf(session.user.id);
    if (actor) answerAs(context, info, actor);
    if (mode !== 'COOKIE') return Payload.of(session);
    this.cookie.set(context.res!, session.refreshToken, session.refreshTokenExpiresAt);
    return Payload.of(session, { refreshTokenInCookie: true });
  }
}
