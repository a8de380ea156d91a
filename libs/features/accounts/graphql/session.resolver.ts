import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samverka/domain';
import { Authorize, Public, ClientIp, CurrentActor } from '@samverka/engine';
import { SessionService } from '../session.service.js';
import { AuthPayload } from './session.model.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './session.inputs.js';

@Resolver()
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string): Promise<AuthPayload> {
    return AuthPayload.from(await this.sessions.register(input, ip));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in; repeated failures are refused for a while' })
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string): Promise<AuthPayload> {
    return AuthPayload.from(await this.sessions.login(input, ip));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens; a used token ends the session' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return AuthPayload.from(await this.sessions.refresh(refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token' })
  async logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    await this.sessions.logout(refreshToken);
    return true;
  }

  @Authorize('account.changePassword')
  @Mutation(() => AuthPayload, { description: 'Changes the password, ends every session and starts a new one' })
  async changePassword(@Args('input') input: ChangePasswordInput, @CurrentActor() actor: Actor, @ClientIp() ip: string): Promise<AuthPayload> {
    return AuthPayload.from(await this.sessions.changePassword(actor, input, ip));
  }
}
