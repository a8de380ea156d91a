import { Injectable } from '@nestjs/common';
import { message } from '@samverka/domain';
import type { Transaction } from '@samverka/engine';
import { NotificationService } from '@samverka/notifications';
import { SavedSearchRepository } from './saved-search.repository.js';

/**
 * Tells the maker of a saved search when a matched need fits it at the search's minimum score or above.
 * The matcher calls this in the transaction that writes the need's matches, every time; the dedupe key
 * `saved:<searchId>:<needId>` makes it once per search and need however often the need is matched again.
 */
@Injectable()
export class SavedSearchNotifier {
  constructor(
    private readonly searches: SavedSearchRepository,
    private readonly notifications: NotificationService,
  ) {}

  async notify(tx: Transaction, need: { id: string; title: string }, scores: readonly { organizationId: string; score: number }[]): Promise<void> {
    const fitting = await this.searches.fitting(need.id, scores, tx.manager);
    await this.notifications.notifyMany(
      tx,
      fitting.map((search) => ({
        kind: 'SAVED_SEARCH_MATCH' as const,
        subject: { type: 'need' as const, id: need.id },
        users: [search.createdBy],
        title: message('matching.savedSearchMatchTitle', { search: search.name, need: need.title }),
        body: [message('matching.savedSearchMatchBody', { score: Math.round(search.score) })],
        data: { needId: need.id, organizationId: search.organizationId, savedSearchId: search.id, score: search.score },
        dedupeKey: `saved:${search.id}:${need.id}`,
        email: search.email,
      })),
    );
  }
}
