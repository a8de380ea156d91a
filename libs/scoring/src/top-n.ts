/**
 * The best `limit` items by score, highest first, ties broken by key (ascending) so the result is the
 * same whatever order the items arrive in: the property that lets a rebuild be split into chunks.
 * A binary min-heap on (score, key reversed): O(log limit) per accepted item, O(1) per rejected one.
 */
export class TopN<T> {
  private readonly scores: number[] = [];
  private readonly keys: string[] = [];
  private readonly items: T[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  get size(): number {
    return this.items.length;
  }

  /** The lowest score kept, once full; -Infinity before. */
  get threshold(): number {
    return this.items.length < this.limit ? -Infinity : this.scores[0];
  }

  offer(score: number, key: string, item: T): void {
    if (this.items.length < this.limit) {
      this.scores.push(score);
      this.keys.push(key);
      this.items.push(item);
      this.siftUp(this.items.length - 1);
      return;
    }
    if (!this.worse(0, score, key)) return;
    this.scores[0] = score;
    this.keys[0] = key;
    this.items[0] = item;
    this.siftDown(0);
  }

  /** Highest score first; equal scores by key. */
  sorted(): { score: number; key: string; item: T }[] {
    return this.items.map((item, i) => ({ score: this.scores[i], key: this.keys[i], item })).sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Whether the entry at i ranks below (score, key). */
  private worse(i: number, score: number, key: string): boolean {
    return this.scores[i] < score || (this.scores[i] === score && this.keys[i] > key);
  }

  private below(i: number, j: number): boolean {
    return this.worse(i, this.scores[j], this.keys[j]);
  }

  private swap(i: number, j: number): void {
    [this.scores[i], this.scores[j]] = [this.scores[j], this.scores[i]];
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
    [this.items[i], this.items[j]] = [this.items[j], this.items[i]];
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.below(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let lowest = i;
      if (l < n && this.below(l, lowest)) lowest = l;
      if (r < n && this.below(r, lowest)) lowest = r;
      if (lowest === i) return;
      this.swap(i, lowest);
      i = lowest;
    }
  }
}
