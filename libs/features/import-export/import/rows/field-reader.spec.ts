import { FieldReader, parseDateTime } from './field-reader.js';

describe('reading the fields of a row', () => {
  it('parses CSV text into numbers, yes/no and lists', () => {
    const r = new FieldReader({ n: '1 200 000', yes: 'Ja', no: 'false', list: '90911200-8; 77314000-4;', sdgs: '8;10', empty: ' ' }, true);
    expect([r.integer('n'), r.boolean('yes'), r.boolean('no'), r.textList('list'), r.integerList('sdgs'), r.text('empty'), r.integer('missing')]).toEqual([
      1_200_000,
      true,
      false,
      ['90911200-8', '77314000-4'],
      [8, 10],
      undefined,
      undefined,
    ]);
    expect(r.problems).toEqual([]);
  });

  it('names each field it cannot read, with the rule', () => {
    const r = new FieldReader({ n: '12,5', b: 'kanske', s: '8;tio', f: 'xyz' }, true);
    r.integer('n');
    r.boolean('b');
    r.integerList('s');
    r.oneOf('f', ['A', 'B']);
    expect(r.problems).toEqual([
      { field: 'n', message: { key: 'importExport.notWholeNumberGot', params: { value: '12,5' } } },
      { field: 'b', message: { key: 'importExport.notBooleanGot', params: { value: 'kanske' } } },
      { field: 's', message: { key: 'importExport.notNumberListGot', params: { value: '8;tio' } } },
      { field: 'f', message: { key: 'importExport.notOneOf', params: { values: 'A, B', value: 'xyz' } } },
    ]);
  });

  it('wants JSON values of the right type, and names keys it does not know', () => {
    const r = new FieldReader({ n: '12', list: 'a;b', ok: [1, 2], typo: 1, id: 'x' }, false);
    expect([r.integer('n'), r.textList('list'), r.integerList('ok')]).toEqual([undefined, undefined, [1, 2]]);
    r.unknownKeys(new Set(['n', 'list', 'ok']), new Set(['id']));
    expect(r.problems.map((p) => p.field)).toEqual(['n', 'list', 'typo']);
  });

  it('reads a date alone as the end of that day in Swedish time, summer and winter', () => {
    expect(parseDateTime('2027-06-30')?.toISOString()).toBe('2027-06-30T21:59:59.000Z');
    expect(parseDateTime('2027-01-15')?.toISOString()).toBe('2027-01-15T22:59:59.000Z');
    expect(parseDateTime('2025-02-23T12:00:00Z')?.toISOString()).toBe('2025-02-23T12:00:00.000Z');
    expect(parseDateTime('2025-02-23 12:00')).toBeNull();
    expect(parseDateTime('23/02/2025')).toBeNull();
  });
});
