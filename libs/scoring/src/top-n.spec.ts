import fc from 'fast-check';
import { TopN } from './top-n.js';

interface Entry {
  score: number;
  key: string;
}

/** The oracle: sort everything, highest score first, equal scores by key ascending, and keep the first `limit`. */
function oracle(entries: readonly Entry[], limit: number): Entry[] {
  return [...entries].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}

function topN(entries: readonly Entry[], limit: number): TopN<Entry> {
  const top = new TopN<Entry>(limit);
  for (const e of entries) top.offer(e.score, e.key, e);
  return top;
}

const sorted = (top: TopN<Entry>) => top.sorted().map((e) => ({ score: e.score, key: e.key }));

/** Few distinct scores (two decimals, as the matcher keeps them) so that ties are common; unique keys. */
const entriesArb = fc.uniqueArray(
  fc.record({
    score: fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((n) => n * 12.5),
      fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    ),
    key: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'ö', '-', '0', '9'), minLength: 0, maxLength: 5 }),
  }),
  { selector: (e) => e.key, maxLength: 80 },
);

describe('TopN', () => {
  it('keeps the best N, highest score first, ties by key ascending, as a full sort does', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 1, max: 30 }), (entries, limit) => {
        const top = topN(entries, limit);
        expect(sorted(top)).toEqual(oracle(entries, limit));
        expect(top.size).toBe(Math.min(limit, entries.length));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same whatever order the items arrive in', () => {
    fc.assert(
      fc.property(
        entriesArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))),
        fc.integer({ min: 1, max: 30 }),
        ([entries, shuffled], limit) => {
          expect(sorted(topN(shuffled, limit))).toEqual(sorted(topN(entries, limit)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('chunks ranked apart and merged give the ranking of the whole (how a rebuild is split)', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 }), (entries, limit, chunks) => {
        const size = Math.ceil(entries.length / chunks) || 1;
        const partial: Entry[] = [];
        for (let i = 0; i < entries.length; i += size) partial.push(...sorted(topN(entries.slice(i, i + size), limit)));
        expect(sorted(topN(partial, limit))).toEqual(oracle(entries, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('threshold is -Infinity until full, then the lowest score kept', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 1, max: 30 }), (entries, limit) => {
        const top = new TopN<Entry>(limit);
        entries.forEach((e, i) => {
          top.offer(e.score, e.key, e);
          const kept = oracle(entries.slice(0, i + 1), limit);
          expect(top.threshold).toBe(kept.length < limit ? -Infinity : kept[kept.length - 1].score);
        });
      }),
      { numRuns: 200 },
    );
  });

  it.each<[string, Entry[], number, string[]]>([
    [
      'equal scores rank by key',
      [
        { score: 5, key: 'c' },
        { score: 5, key: 'a' },
        { score: 5, key: 'b' },
      ],
      3,
      ['a', 'b', 'c'],
    ],
    [
      'a tie at the edge keeps the smaller key',
      [
        { score: 5, key: 'c' },
        { score: 5, key: 'a' },
        { score: 5, key: 'b' },
      ],
      2,
      ['a', 'b'],
    ],
    [
      'a later, smaller key replaces a kept larger one at the same score',
      [
        { score: 9, key: 'x' },
        { score: 5, key: 'z' },
        { score: 5, key: 'y' },
      ],
      2,
      ['x', 'y'],
    ],
    [
      'a lower score never replaces a higher one',
      [
        { score: 9, key: 'z' },
        { score: 8, key: 'a' },
      ],
      1,
      ['z'],
    ],
    [
      'a higher score replaces the lowest',
      [
        { score: 1, key: 'a' },
        { score: 2, key: 'b' },
        { score: 3, key: 'c' },
      ],
      2,
      ['c', 'b'],
    ],
    [
      'keys compare by code unit (upper case before lower case)',
      [
        { score: 1, key: 'b' },
        { score: 1, key: 'B' },
        { score: 1, key: 'a' },
      ],
      3,
      ['B', 'a', 'b'],
    ],
    ['fewer items than the limit are all kept', [{ score: 1, key: 'a' }], 5, ['a']],
    ['no items, nothing kept', [], 3, []],
  ])('%s', (_what, entries, limit, keys) => {
    expect(
      topN(entries, limit)
        .sorted()
        .map((e) => e.key),
    ).toEqual(keys);
  });

  it('returns the items offered with their scores and keys', () => {
    const top = new TopN<{ id: number }>(2);
    const a = { id: 1 };
    const b = { id: 2 };
    top.offer(3, 'a', a);
    top.offer(4, 'b', b);
    expect(top.sorted()).toEqual([
      { score: 4, key: 'b', item: b },
      { score: 3, key: 'a', item: a },
    ]);
    expect(top.sorted()[0].item).toBe(b);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])('refuses a limit of %d', (limit) => {
    expect(() => new TopN(limit)).toThrow(RangeError);
  });
});
