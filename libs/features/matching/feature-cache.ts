import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatchingRepository, type MatchableNeedRow, type MatchableProfileRow } from './matching.repository.js';
import { CLOCK, systemClock, type Clock } from '@samverka/engine';
import { ProfileBlock, type NeedFeatures, type ProfileFeatures } from '@samverka/scoring';
import { needInput, profileInput } from './matching-inputs.js';
import { ScoringModelProvider } from './scoring-model.provider.js';

/** Everything is read again this often, which also forgets profiles that were deleted. */
const FULL_RELOAD_MS = 15 * 60_000;
/** Features are built in slices of this many, yielding in between so job locks keep being renewed. */
const SLICE = 2_000;

/**
 * Features of one kind of row by id, kept up to date by transaction id (see the matching migration):
 * each look reads the rows changed at or after the horizon of the previous look, and everything now
 * and then. `derived` (the packed or listed form) is made again only after a change.
 */
class FeatureTable<Row, F, D> {
  private readonly byId = new Map<string, F>();
  private horizon: string | null = null;
  private loadedAt = 0;
  private derived: D | null = null;

  constructor(
    private readonly read: (since: string | null, manager: EntityManager) => Promise<{ rows: Row[]; horizon: string }>,
    /** The id and features of a row, or null when the row no longer belongs (a need that left PUBLISHED, an enterprise no longer verified). */
    private readonly features: (row: Row) => { id: string; features: F | null },
    private readonly derive: (features: F[]) => D,
    private readonly clock: Clock,
  ) {}

  async current(manager: EntityManager): Promise<D> {
    const full = this.horizon === null || this.clock().getTime() - this.loadedAt > FULL_RELOAD_MS;
    const { rows, horizon } = await this.read(full ? null : this.horizon, manager);
    if (full) {
      this.byId.clear();
      this.loadedAt = this.clock().getTime();
    }
    for (let i = 0; i < rows.length; i++) {
      const { id, features } = this.features(rows[i]);
      if (features) this.byId.set(id, features);
      else this.byId.delete(id);
      if (i % SLICE === SLICE - 1) await yieldToEventLoop();
    }
    if (full || rows.length > 0) this.derived = null;
    this.horizon = horizon;
    this.derived ??= this.derive([...this.byId.values()]);
    return this.derived;
  }

  forget(id: string): void {
    if (this.byId.delete(id)) this.derived = null;
  }

  get size(): number {
    return this.byId.size;
  }
}

/**
 * This process's features of every verified enterprise and every published need of a verified buyer, kept in memory and brought up
 * to date at the start of each matching step with the rows committed since the last look. Refreshes run
 * one at a time, through the caller's transaction, so what a job scores is what its transaction sees.
 */
@Injectable()
export class FeatureCache {
  private readonly profiles: FeatureTable<MatchableProfileRow, ProfileFeatures, ProfileBlock>;
  private readonly needs: FeatureTable<MatchableNeedRow, NeedFeatures, NeedFeatures[]>;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(repository: MatchingRepository, models: ScoringModelProvider, @Optional() @Inject(CLOCK) clock: Clock = systemClock) {
    this.profiles = new FeatureTable(
      (since, manager) => repository.profilesChangedSince(since, manager),
      // An enterprise not verified is no candidate (the organisation's verification touches its profile's row).
      (row) => ({ id: row.organizationId, features: row.verified ? models.model.profileFeatures(profileInput(row), { keepText: false }) : null }),
      // Packed in id order: the block, like the ranking, does not depend on the order rows came in.
      (features) => ProfileBlock.pack(features.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))),
      clock,
    );
    this.needs = new FeatureTable(
      (since, manager) => repository.needsChangedSince(since, manager),
      (row) => ({ id: row.id, features: row.status === 'PUBLISHED' && row.buyerVerified ? models.model.needFeatures(needInput(row)) : null }),
      (features) => features,
      clock,
    );
  }

  /** Every verified enterprise, packed for the kernel, as of the caller's transaction. */
  enterprises(manager: EntityManager): Promise<ProfileBlock> {
    return this.serially(() => this.profiles.current(manager));
  }

  /** Every published need of a verified buyer, as of the caller's transaction. */
  openNeeds(manager: EntityManager): Promise<NeedFeatures[]> {
    return this.serially(() => this.needs.current(manager));
  }

  /** Forgets an enterprise whose profile is gone. */
  forgetProfile(organizationId: string): void {
    this.profiles.forget(organizationId);
  }

  get size(): { enterprises: number; needs: number } {
    return { enterprises: this.profiles.size, needs: this.needs.size };
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}
