import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LoaderFactory, Outbox } from '@samverka/engine';
import DataLoader from 'dataloader';
import { MatchRepository } from './match.repository.js';
import type { NeedMatchState } from './matching.repository.js';

declare global {
  interface SamverkaLoaders {
    /** A need's last match computation, and whether a change of it waits to be matched. */
    needMatchState: DataLoader<string, { state: NeedMatchState | null; pending: boolean }>;
  }
}

/** A need's last match computation. */
@Injectable()
export class MatchingLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly matches: MatchRepository,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.loaders.register(
      'needMatchState',
      () =>
        new DataLoader(async (ids) => {
          const [states, pending] = await Promise.all([
            this.matches.states(ids),
            this.outbox.pending(
              'matching.need',
              ids.map((needId) => ({ needId })),
            ),
          ]);
          const byNeed = new Map(states.map((s) => [s.needId, s]));
          return ids.map((id, i) => ({ state: byNeed.get(id) ?? null, pending: pending[i] }));
        }),
    );
  }
}
