/**
 * The words of a Hunspell dictionary file (.dic): one entry a line after the count, flags after a "/".
 * Proper nouns (capitalised), abbreviations and entries with digits or punctuation are left out; a
 * compound-only form such as "abborr-" is kept as "abborr".
 */
export function hunspellWords(dic: string): string[] {
  const words: string[] = [];
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const slash = line.indexOf('/');
    let word = (slash === -1 ? line : line.slice(0, slash)).trim();
    if (word.endsWith('-')) word = word.slice(0, -1);
    if (!/^\p{Ll}+$/u.test(word)) continue;
    words.push(word);
  }
  return words;
}
