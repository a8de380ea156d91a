import { TokenParser, Tokenizer } from '@streamparser/json';
import { message } from '@samverka/domain';
import { ImportFileError, type SourceRow } from './source-row.js';

// The token types of @streamparser/json (its TokenType enum), by value.
const LEFT_BRACE = 0;
const RIGHT_BRACE = 1;
const LEFT_BRACKET = 2;
const RIGHT_BRACKET = 3;

/**
 * Reads an OCDS release package (`{"releases": […]}`) or record package (`{"records": […]}`) as it
 * streams, one release or record at a time, each with the line it starts on: a package of any size is
 * read in bounded memory (one release at a time, not the whole document).
 */
export async function* readOcdsPackage(bytes: AsyncIterable<Buffer>): AsyncGenerator<SourceRow> {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.releases.*', '$.records.*', '$.releases', '$.records'], keepStack: false });
  const ready: SourceRow[] = [];
  let failure: Error | null = null;
  let container: 'releases' | 'records' | null = null;
  let depth = 0;
  let itemLine = 1;
  const index = { releases: 0, records: 0 };
  // Line counting: newlines before the current chunk, and up to a scan position within it.
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = 0;
  let scanned = 0;
  let linesBeforeScan = 1;
  const lineAt = (offset: number) => {
    const upTo = offset - chunkStart;
    for (; scanned < upTo && scanned < chunk.length; scanned++) if (chunk[scanned] === 0x0a) linesBeforeScan++;
    return linesBeforeScan;
  };

  tokenizer.onToken = (info) => {
    if (info.token === LEFT_BRACE || info.token === LEFT_BRACKET) {
      // A release or record is an object directly inside the top-level releases/records array.
      if (info.token === LEFT_BRACE && depth === 2) itemLine = lineAt(info.offset);
      depth++;
    } else if (info.token === RIGHT_BRACE || info.token === RIGHT_BRACKET) {
      depth--;
    }
    parser.write(info);
  };
  tokenizer.onError = (error) => (failure ??= error);
  parser.onError = (error) => (failure ??= error);
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && (key === 'releases' || key === 'records')) {
      if (!Array.isArray(value)) failure ??= new ImportFileError(message('importExport.ocdsNotList', { key }));
      container ??= key;
      if (container !== key) failure ??= new ImportFileError(message('importExport.ocdsBoth'));
      return;
    }
    const name = stack[1]?.key === 'records' ? 'records' : 'releases';
    if (container && container !== name) {
      failure ??= new ImportFileError(message('importExport.ocdsBoth'));
      return;
    }
    container = name;
    ready.push({ line: itemLine, item: `${name}[${index[name]++}]`, value });
  };

  for await (const next of bytes) {
    chunk = next;
    scanned = 0;
    tokenizer.write(next);
    chunkStart += next.length;
    for (; scanned < chunk.length; scanned++) if (chunk[scanned] === 0x0a) linesBeforeScan++;
    if (failure) throw asFileError(failure, linesBeforeScan);
    yield* ready.splice(0);
  }
  if (!failure && !tokenizer.isEnded) tokenizer.end();
  if (!failure && !parser.isEnded) parser.end();
  if (failure) throw asFileError(failure, linesBeforeScan);
  yield* ready.splice(0);
  if (!container) throw new ImportFileError(message('importExport.notOcds'));
}

function asFileError(error: Error, line: number): ImportFileError {
  if (error instanceof ImportFileError) return error;
  return new ImportFileError(message('importExport.notJsonFile', { detail: error.message }), line);
}
