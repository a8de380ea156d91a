import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type ImpactReportEntity, type IntroductionEntity, type NeedEntity, type OfferEntity, type OrganizationEntity, type PartnershipEntity } from '@samverka/schema';
import { ANONYMOUS, type Actor, type Language } from '@samverka/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { Request, Response } from 'express';
import type { Loaders } from './loaders.js';

/** What a GraphQL request carries: the HTTP request (with the actor once resolved), its loaders and the language to answer in. */
export interface RequestContext {
  req: Request & { actor?: Actor };
  /** The HTTP response, to set headers on; absent over WebSocket. */
  res?: Response;
  loaders: Loaders;
  /** From Accept-Language: Swedish unless the client prefers English. */
  language: Language;
  /** Root fields (by response key) that signed someone in, and who: see `answerAs`. */
  signedIn?: Map<string, Actor>;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/**
 * Resolves the rest of a root field's answer for the person it has just signed in (login, register…),
 * who is not the request's actor: `login { user { email memberships } }` then shows what the new access
 * token would. Only the fields under this root field see them; the request's other root fields keep the
 * actor of its Authorization header.
 */
export function answerAs(context: RequestContext, info: GraphQLResolveInfo, actor: Actor): void {
  (context.signedIn ??= new Map()).set(rootKeyOf(info), actor);
}

function rootKeyOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

/** The actor of the current GraphQL field (anonymous until the actor guard resolves one; see `answerAs`). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(context);
  const request = gql.getContext<RequestContext>();
  const info = gql.getInfo<GraphQLResolveInfo | undefined>();
  return (info && request.signedIn?.get(rootKeyOf(info))) ?? request.req.actor ?? ANONYMOUS;
});

/** The client's address as Express sees it (honouring TRUST_PROXY). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return requestContextOf(context).req.ip ?? 'unknown';
});

/**
 * The records the access guard read to decide on an operation, handed to its resolver so that the
 * service does not read them again. Read outside any transaction, like the services' own first read:
 * what must hold when the change is written is still checked there (version, row lock).
 */
export interface LoadedRecords {
  /** The organisation the rule was decided for: the one named, or a need's buyer, an offer's enterprise or buyer. */
  organization?: OrganizationEntity;
  /** The need named, or the one the offer answers. */
  need?: NeedEntity;
  offer?: OfferEntity;
  /** The partnership named, or the impact report's. */
  partnership?: PartnershipEntity;
  impactReport?: ImpactReportEntity;
  /** The introduction named (its enterprise, when the rule is decided for it, is the organisation). */
  introduction?: IntroductionEntity;
}

// Keyed by the field's resolve info, which the guard and the resolver of one root field share: the root
// fields of a query resolve concurrently on one request, so one slot per request could be overwritten.
const loadedByField = new WeakMap<GraphQLResolveInfo, LoadedRecords>();

/** Where the guard keeps what it loads for this operation (a fresh, empty set for each root field). */
export function recordsLoadedFor(context: ExecutionContext): LoadedRecords {
  const loaded: LoadedRecords = {};
  loadedByField.set(GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>(), loaded);
  return loaded;
}

/** A record the guard loaded for this operation (`@Loaded('need') need?: NeedEntity`); undefined when it loaded none. */
export const Loaded = createParamDecorator((key: keyof LoadedRecords, context: ExecutionContext) => {
  return loadedByField.get(GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>())?.[key];
});

/** The language to answer this request in (`@RequestLanguage() language: Language`), for texts a resolver returns. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  return requestContextOf(context).language ?? 'sv';
});
