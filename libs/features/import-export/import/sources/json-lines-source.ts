import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { message } from '@samverka/domain';
import type { SourceRow } from './source-row.js';

/** Reads a JSON Lines file as it streams: one JSON value a line; empty lines are skipped. */
export async function* readJsonLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: Readable.from(bytes), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    try {
      yield { line, item: null, value: JSON.parse(trimmed) };
    } catch (error) {
      yield { line, item: null, error: message('importExport.notJsonRow', { detail: (error as Error).message }) };
    }
  }
}
