/**
 * Supplier identity for the evaluation: the same firm is written "Sweco Sverige AB", "SWECO SVERIGE AB"
 * and "Sweco Sverige Aktiebolag" in different notices. The key is the name Unicode-normalised (NFC),
 * case-folded, with punctuation removed, whitespace collapsed and legal-form suffixes stripped from the
 * end only ("Aktiebolaget Hanson & Möhring" keeps its leading "aktiebolaget").
 */

/** Legal-form words stripped from the end of a name, repeatedly ("X AB (publ)" → "x"). After punctuation is removed. */
const LEGAL_SUFFIXES = [
  'ekonomisk förening',
  'ek för',
  'aktiebolag',
  'handelsbolag',
  'kommanditbolag',
  'publ',
  'ab',
  'hb',
  'kb',
  // Nordic and other foreign forms that appear among the winners ("A/S", "ApS", "Oyj", "GmbH").
  'asa',
  'as',
  'aps',
  'oyj',
  'oy',
  'gmbh',
  'ltd',
  'limited',
  'bv',
];

/** Names that stand for a withheld natural person, not a supplier. */
const PLACEHOLDER = /^\[.*\]$|^personuppgift$/iu;

export function isPlaceholderSupplier(name: string): boolean {
  return PLACEHOLDER.test(name.trim());
}

export function normaliseSupplierName(name: string): string {
  let key = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.length > suffix.length + 1 && key.endsWith(` ${suffix}`)) {
        key = key.slice(0, -suffix.length - 1).trimEnd();
        stripped = true;
        break;
      }
    }
  }
  return key;
}
