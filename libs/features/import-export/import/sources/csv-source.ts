import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { message } from '@samverka/domain';
import { ImportFileError, type SourceRow } from './source-row.js';

/**
 * Reads a CSV file as it streams: the first row names the columns (checked by `checkHeader`), each further
 * row is given as column → value. The delimiter is the comma, or the semicolon when the header has
 * semicolons and no comma (as Excel writes CSV in a Swedish locale). A UTF-8 byte order mark is dropped.
 */
export async function* readCsv(bytes: AsyncIterable<Buffer>, checkHeader: (columns: string[]) => void): AsyncGenerator<SourceRow> {
  const { head, all } = await firstLine(bytes);
  const delimiter = head.includes(';') && !head.includes(',') ? ';' : ',';
  const parser = Readable.from(all).pipe(parse({ bom: true, delimiter, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: false }));
  let columns: string[] | null = null;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      // info.lines is where the record ends; a quoted value may span lines.
      // (The raw text starts with any empty lines skipped before the record.)
      const line =
        info.lines -
        (raw
          .replace(/^(\r?\n)+/, '')
          .replace(/\r?\n$/, '')
          .match(/\n/g)?.length ?? 0);
      if (!columns) {
        columns = record.map((c) => c.replace(/^\uFEFF/, '').trim());
        const duplicate = columns.find((c, i) => columns!.indexOf(c) !== i);
        if (duplicate !== undefined) throw new ImportFileError(message('importExport.duplicateColumn', { column: duplicate }), line);
        checkHeader(columns);
        continue;
      }
      if (record.length !== columns.length) {
        yield { line, item: null, error: message('importExport.valueCountMismatch', { values: record.length, columns: columns.length }) };
        continue;
      }
      yield { line, item: null, value: Object.fromEntries(columns.map((c, i) => [c, record[i]])) };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const csv = error as { code?: string; message: string; lines?: number };
    if (csv.code?.startsWith('CSV_')) throw new ImportFileError(message('importExport.notCsv', { detail: csv.message.replace(/\s+at line \d+.*$/, '') }), csv.lines ?? null);
    throw error;
  }
  if (!columns) throw new ImportFileError(message('importExport.emptyCsv'));
}

/** The first line of the bytes, and the bytes again from their start (only the first chunks are held). */
async function firstLine(bytes: AsyncIterable<Buffer>): Promise<{ head: string; all: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const held: Buffer[] = [];
  let text = '';
  while (!text.includes('\n') && text.length < 65_536) {
    const next = await iterator.next();
    if (next.done) break;
    held.push(next.value);
    text += next.value.toString('utf8');
  }
  const all = (async function* () {
    yield* held;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { head: text.split('\n')[0], all };
}
