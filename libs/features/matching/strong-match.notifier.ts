import { Inject, Injectable } from '@nestjs/common';
import { message } from '@samverka/domain';
import { APP_CONFIG, type AppConfig, type Transaction } from '@samverka/engine';
import { NotificationService, type NotificationEvent } from '@samverka/notifications';

/** A published need and an enterprise that now matches it, with the score. */
export interface StrongMatch {
  need: { id: string; title: string };
  organizationId: string;
  score: number;
}

/**
 * Tells an enterprise's members when a published need gains it as a match at MATCHING_NOTIFY_SCORE or
 * above. The matcher calls this in the transaction that writes the matches, with the pairs that were
 * below the threshold (or no match) before; the dedupe key `match:<needId>` makes it once per person
 * and need, however often the need is matched again, rebuilt or crosses the threshold anew.
 */
@Injectable()
export class StrongMatchNotifier {
  constructor(
    private readonly notifications: NotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get threshold(): number {
    return this.config.matching.notifyScore;
  }

  /** Whether a pair scored `score` now and `before` (null: no match) is newly strong. */
  isNew(score: number, before: number | null | undefined): boolean {
    return score >= this.threshold && (before === null || before === undefined || before < this.threshold);
  }

  /** One statement for all the pairs, none when there are none. */
  async notify(tx: Transaction, matches: readonly StrongMatch[]): Promise<void> {
    if (matches.length === 0) return;
    await this.notifications.notifyMany(tx, matches.map(event));
  }
}

function event({ need, organizationId, score }: StrongMatch): NotificationEvent {
  const points = Math.round(score);
  return {
    kind: 'MATCH_STRONG',
    subject: { type: 'need', id: need.id },
    organizations: [organizationId],
    title: message('matching.strongMatchTitle', { need: need.title }),
    body: [message('matching.strongMatchBody', { score: points })],
    data: { needId: need.id, organizationId, score },
    // Per enterprise: a person in two enterprises that both fit hears of each.
    dedupeKey: `match:${need.id}:${organizationId}`,
  };
}
