import type { CpvIndexCode } from '@samverka/reference-data';

/**
 * The CPV search as it was before ranking, for comparison: codes in code order whose Swedish or English
 * label contains the text, or has a word starting with each word of the text. The database used
 * full-text prefixes with stemming for the second rule; the word starts here are close to that
 * (stemming only shortened a word, so what a prefix of the stem found, the word's own start finds too
 * or misses narrowly).
 */
export function previousSearch(codes: readonly CpvIndexCode[], text: string): string[] {
  const lower = text.toLowerCase().trim();
  const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordsOf = (label: string) => label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return codes
    .filter((c) => {
      if (c.labelSv.toLowerCase().includes(lower) || c.labelEn.toLowerCase().includes(lower)) return true;
      if (words.length === 0) return false;
      return [wordsOf(c.labelSv), wordsOf(c.labelEn)].some((labelWords) => words.every((w) => labelWords.some((l) => l.startsWith(w))));
    })
    .map((c) => c.code)
    .sort();
}
