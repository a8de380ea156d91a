/** A word of a Hunspell dictionary with its flags (the letters after the "/"). */
export interface DictionaryEntry {
  word: string;
  flags: string;
}

/**
 * The entries of a Hunspell dictionary file (.dic): one a line after the count, flags after a "/".
 * Proper nouns (capitalised), abbreviations and entries with digits or punctuation are left out; a
 * compound-only form such as "abborr-" is kept as "abborr".
 */
export function hunspellEntries(dic: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    const slash = line.indexOf('/');
    let word = slash === -1 ? line : line.slice(0, slash);
    if (word.endsWith('-')) word = word.slice(0, -1);
    if (!/^\p{Ll}+$/u.test(word)) continue;
    entries.push({ word, flags: slash === -1 ? '' : line.slice(slash + 1) });
  }
  return entries;
}

/** The words of a Hunspell dictionary file (see hunspellEntries). */
export function hunspellWords(dic: string): string[] {
  return hunspellEntries(dic).map((e) => e.word);
}

/**
 * The compound flags of the Swedish dictionary (dictionary-sv's index.aff): COMPOUNDBEGIN X,
 * COMPOUNDMIDDLE U, COMPOUNDEND Y, ONLYINCOMPOUND Z ("arbets", "skol": forms that exist only as the
 * first part of a compound).
 */
export const SWEDISH_COMPOUND_FLAGS = { begin: 'X', middle: 'U', end: 'Y', onlyInCompound: 'Z' } as const;
