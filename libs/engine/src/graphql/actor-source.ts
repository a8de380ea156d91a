import type { Actor } from '@samverka/domain';

/** Who is asking, from an Authorization header: provided by the accounts feature under ACTOR_RESOLVER. */
export interface ActorSource {
  resolve(authorization: string | undefined): Promise<Actor>;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
