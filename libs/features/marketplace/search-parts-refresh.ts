import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { searchPartsOf } from '@samverka/reference-data';
import { SEARCH_PARTS_VERSION } from '@samverka/scoring';
import { SEARCHED_TABLES, SearchPartsRepository } from './search-parts.repository.js';

/** Rows computed per transaction: a few hundred milliseconds of analysis, short row locks. */
const BATCH = 500;

/**
 * Computes at start-up the search parts of every row below the current analyzer version: rows from
 * before compound search (the migration cannot run the analyzer, see CompoundSearch1764500000000),
 * rows written straight into the tables (benchmarks' seeding), and every row again after a change of
 * the analyzer bumps SEARCH_PARTS_VERSION. Writers compute their rows' parts themselves; this only
 * catches up. Awaited, so that search is complete once the process serves; on an up-to-date database
 * it is one short query per table and the word list is not even loaded.
 */
@Injectable()
export class SearchPartsRefresh implements OnApplicationBootstrap {
  private readonly logger = new Logger('Search');

  constructor(
    private readonly database: Database,
    private readonly repository: SearchPartsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const total = await this.refresh();
    if (total > 0) this.logger.log(`search parts computed for ${total} rows (analyzer version ${SEARCH_PARTS_VERSION})`);
  }

  /** Computes every stale row, batch by batch; returns how many rows this process computed. */
  async refresh(): Promise<number> {
    let total = 0;
    for (const table of SEARCHED_TABLES) {
      for (;;) {
        const done = await this.database.transaction(async ({ manager }) => {
          const stale = await this.repository.lockStale(table, SEARCH_PARTS_VERSION, BATCH, manager);
          const rows = stale.map((row) => ({ key: row.key, searchParts: searchPartsOf(...row.texts).searchParts }));
          await this.repository.write(table, rows, SEARCH_PARTS_VERSION, manager);
          return rows.length;
        });
        total += done;
        if (done < BATCH) break;
      }
    }
    return total;
  }
}
