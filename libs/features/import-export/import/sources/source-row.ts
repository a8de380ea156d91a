import { textOf } from '@samverka/engine';
import type { Message } from '@samverka/domain';

/** One row of an import file, before it is read as a record: where it is, and what it holds. */
export interface SourceRow {
  /** The line where the row starts, counting from 1. */
  line: number;
  /** The item within the file, for formats with items (OCDS: `releases[3]`); null for CSV and JSON Lines. */
  item: string | null;
  /** CSV: the values by column name (strings); JSON: the parsed value. Undefined when `error` is set. */
  value?: unknown;
  /** The row could not be read (a JSON Lines row that is not JSON, a CSV row with too many values). */
  error?: Message;
}

/**
 * The file as a whole cannot be read on (not CSV, not JSON, a header the kind does not know): the import
 * stops here, keeping the rows it already applied.
 */
export class ImportFileError extends Error {
  constructor(
    readonly detail: Message,
    readonly line: number | null = null,
  ) {
    // In English for the log; the run keeps the message's key, for its reader's language.
    const text = textOf(detail, 'en');
    super(line === null ? text : `line ${line}: ${text}`);
    this.name = 'ImportFileError';
  }
}
