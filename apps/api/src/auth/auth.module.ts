import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ActorResolver } from './actor-resolver.js';
import { jwtKeyProvider } from './jwt-key.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { PolicyCoverageCheck } from './policy-coverage.js';
import { PolicyGuard } from './policy.guard.js';
import { ScopeLoader } from './scope-loader.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/** Who is asking (sessions, tokens) and whether they may: the policy guard on every operation. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    jwtKeyProvider,
    PasswordHasher,
    TokenService,
    LoginThrottle,
    SessionService,
    ActorResolver,
    ScopeLoader,
    PolicyCoverageCheck,
    { provide: APP_GUARD, useClass: PolicyGuard },
  ],
  // ActorResolver: the WebSocket server signs connections in as the guard does HTTP requests.
  exports: [SessionService, PasswordHasher, TokenService, ActorResolver],
})
export class AuthModule {}
