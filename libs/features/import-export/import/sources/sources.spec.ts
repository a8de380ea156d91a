import { message } from '@samverka/domain';
import { readCsv } from './csv-source.js';
import { readJsonLines } from './json-lines-source.js';
import { readOcdsPackage } from './ocds-source.js';
import { ImportFileError, type SourceRow } from './source-row.js';

/** The text in chunks of `size` bytes, as a stream gives it. */
async function* chunks(text: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(rows: AsyncGenerator<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('reading import files as they stream', () => {
  it('reads CSV with a byte order mark, semicolons (Excel, Swedish locale) and a value over two lines, each row with its first line', async () => {
    const rows = await all(readCsv(chunks('\uFEFFa;b\n1;"två\nrader"\n\n3;4;5\n6;7\n'), () => undefined));
    expect(rows).toEqual([
      { line: 2, item: null, value: { a: '1', b: 'två\nrader' } },
      { line: 5, item: null, error: { key: 'importExport.valueCountMismatch', params: { values: 3, columns: 2 } } },
      { line: 6, item: null, value: { a: '6', b: '7' } },
    ]);
  });

  it('stops at a header the kind refuses, or at broken quoting, naming the line', async () => {
    await expect(
      all(
        readCsv(chunks('x,y\n'), () => {
          throw new ImportFileError(message('importExport.unknownColumns', { columns: 'x, y', known: 'a, b' }), 1);
        }),
      ),
    ).rejects.toMatchObject({ line: 1, detail: { key: 'importExport.unknownColumns' } });
    await expect(all(readCsv(chunks('a,b\n1,"2"x\n'), () => undefined))).rejects.toMatchObject({ line: 2, detail: { key: 'importExport.notCsv' } });
    await expect(all(readCsv(chunks(''), () => undefined))).rejects.toMatchObject({ line: null, detail: { key: 'importExport.emptyCsv' } });
  });

  it('reads JSON Lines, a row that is not JSON being a row error', async () => {
    expect(await all(readJsonLines(chunks('{"a":1}\n\nnot json\n{"b":2}')))).toEqual([
      { line: 1, item: null, value: { a: 1 } },
      { line: 3, item: null, error: { key: 'importExport.notJsonRow', params: { detail: expect.any(String) } } },
      { line: 4, item: null, value: { b: 2 } },
    ]);
  });

  it('reads the releases or records of an OCDS package with the line each starts on', async () => {
    const text = '{\n  "uri": "x",\n  "publisher": {"name": {"a": 1}},\n  "releases": [\n    {"ocid": "a",\n     "tender": {"x": {"y": 1}}},\n    {"ocid": "b"}\n  ]\n}\n';
    expect(await all(readOcdsPackage(chunks(text, 5)))).toEqual([
      { line: 5, item: 'releases[0]', value: { ocid: 'a', tender: { x: { y: 1 } } } },
      { line: 7, item: 'releases[1]', value: { ocid: 'b' } },
    ]);
    expect(await all(readOcdsPackage(chunks('{"records": [{"ocid": "r"}]}')))).toEqual([{ line: 1, item: 'records[0]', value: { ocid: 'r' } }]);
  });

  it('stops at a file that is not a package, or not JSON', async () => {
    await expect(all(readOcdsPackage(chunks('{"data": []}')))).rejects.toMatchObject({ detail: { key: 'importExport.notOcds' } });
    await expect(all(readOcdsPackage(chunks('{"releases": [{"ocid": "a"')))).rejects.toMatchObject({ detail: { key: 'importExport.notJsonFile' } });
    await expect(all(readOcdsPackage(chunks('{"releases": [], "records": []}')))).rejects.toMatchObject({ detail: { key: 'importExport.ocdsBoth' } });
    // The error's own message, for the log, is in English.
    await expect(all(readOcdsPackage(chunks('{"data": []}')))).rejects.toThrow(/neither "releases" nor "records"/);
  });
});
