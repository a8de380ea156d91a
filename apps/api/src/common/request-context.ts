import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ANONYMOUS, type Actor } from '@samverka/domain';
import type { Request } from 'express';
import type { Loaders } from './loaders.js';

/** What a GraphQL request carries: the HTTP request (with the actor once resolved) and its loaders. */
export interface RequestContext {
  req: Request & { actor?: Actor };
  loaders: Loaders;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The actor of the current GraphQL request (anonymous until the actor guard resolves one). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return requestContextOf(context).req.actor ?? ANONYMOUS;
});

/** The client's address as Express sees it (honouring TRUST_PROXY). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return requestContextOf(context).req.ip ?? 'unknown';
});
