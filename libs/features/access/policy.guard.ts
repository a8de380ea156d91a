import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { authorize, DomainError, type Action, type ActionScopes } from '@samverka/domain';
import { recordsLoadedFor, type RequestContext, AUTHORIZE_METADATA, PUBLIC_METADATA, type AuthorizeSpec } from '@samverka/engine';
import { ActorResolver } from '@samverka/accounts';
import { SCOPE_LOADERS, ScopeLoader } from './scope-loader.js';

const SCOPE_KINDS = Object.keys(SCOPE_LOADERS) as (keyof typeof SCOPE_LOADERS)[];

/**
 * Runs before every GraphQL operation: resolves who is asking, then applies the operation's
 * @Authorize rule (or lets a @Public one through). An operation with neither is refused.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorResolver,
    private readonly scopes: ScopeLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // HTTP routes (health, the queue dashboard) guard themselves.
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const { req } = gql.getContext<RequestContext>();
    req.actor ??= await this.actors.resolve(req.headers.authorization);

    if (this.reflector.get<boolean>(PUBLIC_METADATA, context.getHandler())) return true;
    const spec = this.reflector.get<AuthorizeSpec | undefined>(AUTHORIZE_METADATA, context.getHandler());
    if (!spec) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);

    const args = gql.getArgs();
    let scope: Record<string, unknown> | undefined;
    // Every rule asks anonymous callers to sign in before it looks at the record, so say that first:
    // loading the record would tell them whether it exists.
    if (req.actor.kind === 'anonymous') {
      const decision = authorize(req.actor, spec.action, undefined as never);
      if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    }
    if (spec.scope) {
      const named = spec.scope(args);
      // The references become the scope; any other key goes to the rule as it is.
      const rest = Object.fromEntries(Object.entries(named).filter(([key]) => !Object.hasOwn(SCOPE_LOADERS, key)));
      const kind = SCOPE_KINDS.find((k) => named[k] !== undefined);
      const loaded = recordsLoadedFor(context);
      const organization = kind ? await SCOPE_LOADERS[kind](this.scopes, named[kind]!, req.actor, loaded) : {};
      scope = { ...rest, ...organization };
    }
    const decision = authorize(req.actor, spec.action, scope as ActionScopes[Action]);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    return true;
  }
}
