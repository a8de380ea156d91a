import { Global, Module } from '@nestjs/common';
import { repositoryProviders, ACTOR_RESOLVER } from '@samverka/engine';
import { jwtKeyProvider } from './jwt-key.js';
import { ActorResolver } from './actor-resolver.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';
import { UserLoaders } from './user.loaders.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

/** People, their sessions and tokens, and who is asking. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(RefreshTokenRepository, UserRepository),
    ActorResolver,
    LoginThrottle,
    PasswordHasher,
    SessionService,
    TokenService,
    UserLoaders,
    UserService,
    jwtKeyProvider,
    // The GraphQL and WebSocket servers sign requests in through the engine's token.
    { provide: ACTOR_RESOLVER, useExisting: ActorResolver },
  ],
  exports: [RefreshTokenRepository, UserRepository, ActorResolver, LoginThrottle, PasswordHasher, SessionService, TokenService, UserLoaders, UserService, ACTOR_RESOLVER],
})
export class AccountsModule {}
