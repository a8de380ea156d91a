import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatchingRepository } from '@samverka/database';
import { ProfileBlock, type NeedFeatures, type ProfileFeatures } from '@samverka/scoring';
import { needInput, profileInput } from './matching-inputs.js';
import { ScoringModelProvider } from './scoring-model.provider.js';

/** Everything is read again this often, which also forgets profiles that were deleted. */
const FULL_RELOAD_MS = 15 * 60_000;
/** Features are built in slices of this many, yielding in between so job locks keep being renewed. */
const SLICE = 2_000;

/**
 * This process's features of every enterprise and every published need, kept in memory and brought up
 * to date at the start of each matching step with the rows committed since the last look (by
 * transaction id, see the matching migration). Refreshes run one at a time, through the caller's
 * transaction, so what a job scores is what its transaction sees.
 */
@Injectable()
export class FeatureCache {
  private readonly profiles = new Map<string, ProfileFeatures>();
  private profileHorizon: string | null = null;
  private profilesLoadedAt = 0;
  private block: ProfileBlock | null = null;
  private readonly needs = new Map<string, NeedFeatures>();
  private needHorizon: string | null = null;
  private needsLoadedAt = 0;
  private needList: NeedFeatures[] | null = null;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: MatchingRepository,
    private readonly models: ScoringModelProvider,
  ) {}

  /** Every enterprise, packed for the kernel, as of the caller's transaction. */
  enterprises(manager: EntityManager): Promise<ProfileBlock> {
    return this.serially(async () => {
      const model = this.models.model;
      const full = this.profileHorizon === null || Date.now() - this.profilesLoadedAt > FULL_RELOAD_MS;
      const { rows, horizon } = await this.repository.profilesChangedSince(full ? null : this.profileHorizon, manager);
      if (full) {
        this.profiles.clear();
        this.profilesLoadedAt = Date.now();
      }
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        this.profiles.set(row.organizationId, model.profileFeatures(profileInput(row), { keepText: false }));
        if (i % SLICE === SLICE - 1) await yieldToEventLoop();
      }
      if (full || rows.length > 0) this.block = null;
      this.profileHorizon = horizon;
      if (!this.block) {
        // Packed in id order: the block, like the ranking, does not depend on the order rows came in.
        this.block = ProfileBlock.pack([...this.profiles.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
      }
      return this.block;
    });
  }

  /** Every published need, as of the caller's transaction. */
  openNeeds(manager: EntityManager): Promise<NeedFeatures[]> {
    return this.serially(async () => {
      const model = this.models.model;
      const full = this.needHorizon === null || Date.now() - this.needsLoadedAt > FULL_RELOAD_MS;
      const { rows, horizon } = await this.repository.needsChangedSince(full ? null : this.needHorizon, manager);
      if (full) {
        this.needs.clear();
        this.needsLoadedAt = Date.now();
      }
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (row.status === 'PUBLISHED') this.needs.set(row.id, model.needFeatures(needInput(row)));
        else this.needs.delete(row.id);
        if (i % SLICE === SLICE - 1) await yieldToEventLoop();
      }
      if (full || rows.length > 0) this.needList = null;
      this.needHorizon = horizon;
      this.needList ??= [...this.needs.values()];
      return this.needList;
    });
  }

  /** Forgets an enterprise whose profile is gone. */
  forgetProfile(organizationId: string): void {
    if (this.profiles.delete(organizationId)) this.block = null;
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
