import { Injectable } from '@nestjs/common';
import type { Actor } from '@samverka/domain';
import type { Transaction } from '@samverka/engine';
import type { OrganizationEntity } from '@samverka/schema';

/** An organisation became verified, or stopped being so. */
export interface VerificationChange {
  actor: Actor;
  /** The organisation as written. */
  organization: OrganizationEntity;
  verified: boolean;
  /** `lapsed`: renamed or moved, its verification ended with the change (no one withdrew it). */
  cause: 'verified' | 'unverified' | 'lapsed';
}

export type VerificationListener = (tx: Transaction, change: VerificationChange) => Promise<void>;

/**
 * What other features do when an organisation's verification changes, in the transaction that changes
 * it: the marketplace shows or hides its needs and matches them, and its owners are told. Those features
 * come after this one, so they add their listener at start instead of being called by name.
 */
@Injectable()
export class OrganizationVerificationEvents {
  private readonly listeners: VerificationListener[] = [];

  listen(listener: VerificationListener): void {
    this.listeners.push(listener);
  }

  async changed(tx: Transaction, change: VerificationChange): Promise<void> {
    for (const listener of this.listeners) await listener(tx, change);
  }
}
