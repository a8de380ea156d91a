import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { DomainError } from '@samverka/domain';
import type { Request } from 'express';
import { checkOpsToken } from './ops-token.js';

/** Lets through only callers that present OPS_TOKEN; operations features are off while it is unset. */
@Injectable()
export class OpsGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req
        : context.switchToHttp().getRequest<Request>();
    switch (checkOpsToken(request.headers.authorization, this.config.ops.token)) {
      case 'ok':
        return true;
      case 'disabled':
        throw new DomainError('FORBIDDEN', 'Operations features are disabled on this server: set OPS_TOKEN to enable them');
      case 'missing':
        throw new DomainError('UNAUTHENTICATED', 'This operation needs the operations token in the Authorization header');
      case 'wrong':
        throw new DomainError('UNAUTHENTICATED', 'The operations token in the Authorization header is not valid');
    }
  }
}
