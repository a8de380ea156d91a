/** One row of an import file, before it is read as a record: where it is, and what it holds. */
export interface SourceRow {
  /** The line where the row starts, counting from 1. */
  line: number;
  /** The item within the file, for formats with items (OCDS: `releases[3]`); null for CSV and JSON Lines. */
  item: string | null;
  /** CSV: the values by column name (strings); JSON: the parsed value. Undefined when `error` is set. */
  value?: unknown;
  /** The row could not be read (a JSON Lines row that is not JSON, a CSV row with too many values). */
  error?: string;
}

/**
 * The file as a whole cannot be read on (not CSV, not JSON, a header the kind does not know): the import
 * stops here, keeping the rows it already applied.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'ImportFileError';
  }
}
