import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samverka/domain';
import { Authorize, Public, ClientIp, CurrentActor } from '@samverka/engine';
import { SessionService } from '../session.service.js';
import { ChangePasswordPayload, LoginPayload, LogoutPayload, RefreshSessionPayload, RegisterPayload } from './session.model.js';
import { ChangePasswordInput, LoginInput, LogoutInput, RefreshSessionInput, RegisterInput } from './session.inputs.js';

@Resolver()
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Mutation(() => RegisterPayload, { description: 'Creates an account and signs it in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string): Promise<RegisterPayload> {
    return RegisterPayload.of(await this.sessions.register(input, ip));
  }

  @Public()
  @Mutation(() => LoginPayload, { description: 'Signs in; repeated failures are refused for a while' })
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string): Promise<LoginPayload> {
    return LoginPayload.of(await this.sessions.login(input, ip));
  }

  @Public()
  @Mutation(() => RefreshSessionPayload, { description: 'Exchanges a refresh token for new tokens; a used token ends the session' })
  async refreshSession(@Args('input') { refreshToken }: RefreshSessionInput): Promise<RefreshSessionPayload> {
    return RefreshSessionPayload.of(await this.sessions.refresh(refreshToken));
  }

  @Public()
  @Mutation(() => LogoutPayload, { description: 'Ends the session of this refresh token' })
  async logout(@Args('input') { refreshToken }: LogoutInput): Promise<LogoutPayload> {
    await this.sessions.logout(refreshToken);
    return { signedOut: true };
  }

  @Authorize('account.changePassword')
  @Mutation(() => ChangePasswordPayload, { description: 'Changes the password, ends every session and starts a new one' })
  async changePassword(@Args('input') input: ChangePasswordInput, @CurrentActor() actor: Actor, @ClientIp() ip: string): Promise<ChangePasswordPayload> {
    return ChangePasswordPayload.of(await this.sessions.changePassword(actor, input, ip));
  }
}
