import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samverka/domain';
import { Authorize, Public, ClientIp, CurrentActor, answerAs, type RequestContext } from '@samverka/engine';
import type { GraphQLResolveInfo } from 'graphql';
import { ActorResolver } from '../actor-resolver.js';
import { SessionService, type Session } from '../session.service.js';
import { AuthPayload } from './session.model.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './session.inputs.js';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    return this.answer(await this.sessions.register(input, ip), context, info);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in; repeated failures are refused for a while' })
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    return this.answer(await this.sessions.login(input, ip), context, info);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens; a used token ends the session' })
  async refreshSession(@Args('refreshToken') refreshToken: string, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuthPayload> {
    return this.answer(await this.sessions.refresh(refreshToken), context, info);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token' })
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
    return this.answer(await this.sessions.changePassword(actor, input, ip), context, info);
  }

  /** The new session's answer, resolved for the person just signed in: their e-mail, memberships and organisations. */
  private async answer(session: Session, context: RequestContext, info: GraphQLResolveInfo): Promise<AuthPayload> {
    const actor = await this.actors.actorOf(session.user.id);
    if (actor) answerAs(context, info, actor);
    return AuthPayload.from(session);
  }
}
