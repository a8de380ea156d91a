import { SetMetadata } from '@nestjs/common';
import type { Action } from '@samverka/domain';

export const AUTHORIZE_METADATA = 'samverka:authorize';
export const PUBLIC_METADATA = 'samverka:public';

/** Where the organisation a rule is about comes from: named directly, or through a need or an offer. */
export interface ScopeReference {
  organizationId?: string;
  /** The buyer of this need. */
  needBuyer?: string;
  /** The enterprise that made this offer. */
  offerEnterprise?: string;
  /** The buyer of the need this offer answers. */
  offerBuyer?: string;
  /** This partnership's parties and region (a PartnershipScope; 404 only when it does not exist, the rule answers FORBIDDEN). */
  partnership?: string;
  /** The partnership of this impact report (a PartnershipScope; 404 when the actor may not see the report). */
  impactReport?: string;
  /** This introduction's buyer, enterprise and region (an IntroductionScope). */
  introduction?: string;
  /** The enterprise this introduction was made for. */
  introductionEnterprise?: string;
}

/**
 * Names, from the operation's arguments, what the rule is about: a reference is loaded into an
 * organisation scope (404 when it does not exist); other keys are passed to the rule as they are.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScopeFromArgs = (args: any) => ScopeReference & Record<string, unknown>;

export interface AuthorizeSpec {
  action: Action;
  scope?: ScopeFromArgs;
}

/** The operation is allowed when the policy allows `action` (see libs/domain access/policy.ts). */
export const Authorize = (action: Action, scope?: ScopeFromArgs) => SetMetadata(AUTHORIZE_METADATA, { action, scope } satisfies AuthorizeSpec);

/** The operation is open to everyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_METADATA, true);
