import { Injectable } from '@nestjs/common';
import { authorize, DomainError, type Action, type ActionScopes, type Actor } from '@samverka/domain';

/** Field-level and in-service checks, through the same policy as the guard. */
@Injectable()
export class AccessService {
  allows<A extends Action>(actor: Actor, action: A, scope: ActionScopes[A]): boolean {
    return authorize(actor, action, scope).allowed;
  }

  assert<A extends Action>(actor: Actor, action: A, scope: ActionScopes[A]): void {
    const decision = authorize(actor, action, scope);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
  }
}
