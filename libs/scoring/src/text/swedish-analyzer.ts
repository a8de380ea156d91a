import { stemmer } from '@orama/stemmers/swedish';
import { SWEDISH_COMPOUND_FLAGS, type DictionaryEntry } from './hunspell-words.js';
import { stopwords } from '@orama/stopwords/swedish';

/**
 * Words that say nothing about what a need or an enterprise is about, on top of Snowball's Swedish stop
 * words: how people write about themselves and their offers ("vi erbjuder", "inom kommunen").
 */
const DOMAIN_STOPWORDS = [
  'vi',
  'oss',
  'vår',
  'våra',
  'vårt',
  'ni',
  'er',
  'samt',
  'även',
  'också',
  'inom',
  'enligt',
  'genom',
  'mellan',
  'erbjuder',
  'erbjuda',
  'erbjudande',
  'arbetar',
  'jobbar',
  'utför',
  'utföra',
  'levererar',
  'leverera',
  'behöver',
  'söker',
  'önskar',
  'ska',
  'skall',
  'kan',
  'kunna',
  'finns',
  'få',
  'får',
  'bl',
  'mm',
  'm.m',
  'etc',
  'osv',
  'ca',
  'the',
  'and',
  'of',
  'for',
  'to',
  'in',
  'with',
  'a',
  'an',
  'on',
  'we',
  'our',
  // The vocabulary of procuring itself, which every need shares and which says nothing about the work.
  'ramavtal',
  'ramavtalet',
  'ramavtalen',
  'upphandling',
  'upphandlingen',
  'upphandlingar',
  'direktupphandling',
  'avrop',
  'avropet',
  'förnyad',
  'konkurrensutsättning',
  'tilldelning',
  'anbud',
  'anbudet',
  'kommun',
  'kommunen',
  'kommunens',
  'kommuner',
  'kommuns',
  'region',
  'regionen',
  'regionens',
  'län',
  'läns',
  'landsting',
  'kv',
  'avseende',
  'gällande',
  'inköp',
  // Time: when something happens says nothing about what it is ("år" is no reason to match).
  'år',
  'året',
  'åren',
  'års',
  'årets',
  'dag',
  'dagar',
  'dagen',
  'dagarna',
  'vecka',
  'veckor',
  'veckan',
  'månad',
  'månader',
  'månaden',
  'tid',
  'tiden',
  'tider',
  'timme',
  'timmar',
  'period',
  'perioden',
  'perioder',
  'datum',
  'gång',
  'gången',
  'gånger',
  // Common verbs, adverbs and numbers that any two texts may share without being about the same thing.
  'går',
  'gå',
  'gör',
  'göra',
  'gjort',
  'kommer',
  'komma',
  'står',
  'stå',
  'håller',
  'hålla',
  'hitta',
  'hittar',
  'gärna',
  'vidare',
  'tillsammans',
  'hela',
  'helt',
  'flera',
  'många',
  'olika',
  'via',
  'hos',
  'två',
  'tre',
  'fyra',
  'fem',
  'sex',
  'sju',
  'åtta',
  'nio',
  'tio',
  'första',
  'bra',
  'mycket',
  'vill',
  'ville',
  'kunde',
  'lämnar',
  'lämnas',
  'lämnat',
];

const STOPWORDS = new Set<string>([...stopwords, ...DOMAIN_STOPWORDS]);

/** Shortest token kept (after case folding); "it" and "el" survive, single letters do not. */
const MIN_TOKEN_LENGTH = 2;
/** Shortest part of a compound ("vård", "städ", "mat"). */
const MIN_PART_LENGTH = 3;
/**
 * A three-letter part must be attested in the domain texts (the CPV labels) or be common in the
 * lexicon: "mat", "hem", "hus" and "snö" are parts; "sam" in "verksam" and "tör" in "leverantör" are not.
 */
const SHORT_PART_MIN_FREQUENCY = 4;

/**
 * Lower-cased word tokens of a Swedish text: Unicode-normalised (NFC), split on anything that is not a
 * letter or a digit (so hyphens and slashes separate words), stop words and pure numbers dropped.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < MIN_TOKEN_LENGTH || STOPWORDS.has(raw) || /^\p{N}+$/u.test(raw)) continue;
    tokens.push(raw);
  }
  return tokens;
}

/** Snowball's Swedish stemmer (through @orama/stemmers): "städtjänster" → "städtjänst". */
export function stem(token: string): string {
  return stemmer(token);
}

/**
 * The root of a derived noun, when there is one: "städning" → "städ", "snöröjning" → "snöröj". Snowball
 * stems inflection only; an enterprise that does "städning" must still meet a need for "städtjänster".
 */
export function derivationalRoot(stemmed: string): string | null {
  if (stemmed.endsWith('ning') && stemmed.length - 4 >= MIN_PART_LENGTH) return stemmed.slice(0, -4);
  return null;
}

/**
 * What a term is to the word it came from: the word's stem (Snowball's, for a word the dictionary does
 * not know), its lemmas (the dictionary words it can be an inflected form of: "cyklar" → "cykel", "cykla"),
 * the root of a noun made from a verb ("städning" → "städ"), or the first or last part of a compound
 * ("lokalvård|s|tjänst"), as the dictionary writes them.
 */
export type TermRole = 'word' | 'lemma' | 'root' | 'modifier' | 'head';

/** A term, its role, and the word in the text it came from (for explaining a match). */
export interface AnalysedTerm {
  term: string;
  role: TermRole;
  /** The word in the text that the term came from. */
  surface: string;
}

/**
 * Which roles meet, so that two words relate only when they are the same word or one of them is
 * contained in the other: a word and a part of a compound ("lokalvård" in "lokalvårdstjänster",
 * "städning" in "storstädning", "cyklar" and "cykel" in "cykelverkstad"); a verb's root and a compound
 * begun by it ("städning" and "städtjänster"). Parts and words meet as dictionary words, not as stems,
 * which Snowball cuts too short: "brukare" and "bruk", "lagas" and "lager", "skapa" and "-skap" have
 * the same stems and nothing else in common. Two compounds that merely share a part do not meet:
 * "handdukar" and "handledning" share "hand", "naturvårdare" and "lokalvård" share "vård", and neither
 * pair is about the same thing. Symmetric. A root meets a lemma only when it has at least
 * ROOT_MEETS_LEMMA_MIN_LENGTH letters: "fönsterputs" meets "fönsterputsning", "led" does not meet "ledning".
 */
export const MEETS: Readonly<Record<TermRole, readonly TermRole[]>> = {
  word: ['word'],
  lemma: ['lemma', 'modifier', 'head', 'root'],
  root: ['root', 'modifier', 'lemma'],
  modifier: ['lemma', 'root'],
  head: ['lemma'],
};
export const ROOT_MEETS_LEMMA_MIN_LENGTH = 5;

/** Whether a term in role `a` meets the same term in role `b` (see MEETS). */
export function rolesMeet(term: string, a: TermRole, b: TermRole): boolean {
  if (!MEETS[a].includes(b)) return false;
  if ((a === 'root' && b === 'lemma') || (a === 'lemma' && b === 'root')) return term.length >= ROOT_MEETS_LEMMA_MIN_LENGTH;
  return true;
}

/**
 * The pairs of words of two analysed texts that meet (see MEETS): each with the term they meet on and
 * the two words as written. What a reason may show, and all the text component scores.
 */
export function meetingWords(a: readonly AnalysedTerm[], b: readonly AnalysedTerm[]): { term: string; a: string; b: string }[] {
  const byTerm = new Map<string, AnalysedTerm[]>();
  for (const t of b) byTerm.set(t.term, [...(byTerm.get(t.term) ?? []), t]);
  const out: { term: string; a: string; b: string }[] = [];
  const seen = new Set<string>();
  for (const x of a) {
    for (const y of byTerm.get(x.term) ?? []) {
      const key = `${x.surface} ${y.surface}`;
      if (!seen.has(key) && rolesMeet(x.term, x.role, y.role)) {
        seen.add(key);
        out.push({ term: x.term, a: x.surface, b: y.surface });
      }
    }
  }
  return out;
}

/**
 * What the dictionary says of words and compounds: every word it lists, the forms that may begin a
 * compound (COMPOUNDBEGIN or MIDDLE, or forms that exist only in compounds, such as "arbets" and
 * "skol") and the words that may end one (COMPOUNDEND).
 */
export interface CompoundRules {
  entries: ReadonlySet<string>;
  begin: ReadonlySet<string>;
  end: ReadonlySet<string>;
  onlyInCompound: ReadonlySet<string>;
}

/** The compound rules of dictionary entries with Swedish Hunspell flags. */
export function compoundRules(dictionary: Iterable<DictionaryEntry>): CompoundRules {
  const entries = new Set<string>();
  const begin = new Set<string>();
  const end = new Set<string>();
  const onlyInCompound = new Set<string>();
  const f = SWEDISH_COMPOUND_FLAGS;
  for (const { word, flags } of dictionary) {
    if (word.length < MIN_PART_LENGTH || STOPWORDS.has(word) || NOT_PARTS.has(word)) continue;
    if (flags.includes(f.onlyInCompound)) onlyInCompound.add(word);
    else entries.add(word);
    if (flags.includes(f.begin) || flags.includes(f.middle) || flags.includes(f.onlyInCompound)) begin.add(word);
    if (flags.includes(f.end)) end.add(word);
  }
  return { entries, begin, end, onlyInCompound };
}

/**
 * Suffixes that only inflect (no derivation: "-are", "-ning" and "-het" make new words and stay), each
 * with what may have been dropped before it: the "a" of "skol|or" (skola), the "e" of "cykl|ar" (cykel).
 */
const INFLECTIONS: readonly [suffix: string, restore: 'a' | 'e' | ''][] = [
  ['ornas', 'a'],
  ['orna', 'a'],
  ['or', 'a'],
  ['arnas', 'e'],
  ['arna', 'e'],
  ['ar', 'e'],
  ['ernas', 'e'],
  ['erna', 'e'],
  ['er', 'e'],
  ['ens', 'e'],
  ['ets', 'e'],
  ['en', 'e'],
  ['et', 'e'],
  ['na', ''],
  ['a', ''],
  ['e', ''],
  ['n', ''],
  ['r', ''],
  ['t', ''],
  ['s', 'a'],
];

/**
 * The forms a word could be an inflection of, unchecked: the word without each inflection, and with
 * what the inflection may have dropped put back ("skolor" → "skola", "cyklar" → "cykel", "möbler" →
 * "möbel", "drivs" → "driva").
 */
function inflectionBases(word: string): string[] {
  const bases: string[] = [];
  for (const [suffix, restore] of INFLECTIONS) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_PART_LENGTH) continue;
    const base = word.slice(0, -suffix.length);
    bases.push(base);
    const n = base.length;
    if (restore === 'a') bases.push(`${base}a`);
    else if (restore === 'e' && /[lnr]/.test(base[n - 1]) && !/[aeiouyåäö]/.test(base[n - 2])) bases.push(`${base.slice(0, -1)}e${base[n - 1]}`);
  }
  return bases;
}

/**
 * Suffix-like heads and generic words that the dictionary lets end compounds but that say nothing of
 * what the compound is about ("partner|skap", "kärlek|s|full"). Never a part.
 */
const NOT_PARTS = new Set(['skap', 'het', 'dom', 'else', 'full', 'fri', 'lig', 'bar', 'sam', 'ning', 'ande', 'ende', 'vis', 'mässig', 'aktig']);

/** Added to a split's score when its modifier is a simple word (see Decompounder.split). */
const SIMPLE_MODIFIER_BONUS = 1e6;

/**
 * Adjectives and other words that begin many compounds without saying what they are about: "stor" in
 * "storstädning" does not make it meet "stora ytor". They split a compound but are not kept as its part.
 */
const GENERIC_MODIFIERS = new Set([
  'stor',
  'små',
  'liten',
  'ny',
  'gammal',
  'hel',
  'halv',
  'över',
  'under',
  'extra',
  'total',
  'allmän',
  'special',
  'lång',
  'kort',
  'hög',
  'låg',
  'egen',
  'huvud',
  'mellan',
  'fler',
  'mer',
]);

/**
 * Splits Swedish compounds into a modifier and a head ("lokalvårdstjänster" → "lokalvård" + "tjänster").
 * With the dictionary's compound rules (the normal case) a split is allowed only where the dictionary
 * allows it: the modifier is a form that may begin a compound (or a word that may end one followed by
 * the linking "s", or a compound itself) and the head is a word that may end one, as written or
 * inflected. So "handduk" stays whole ("duk" does not end compounds in the dictionary), and so does
 * "kontrakt". Without rules (small test lexicons) any known part is allowed. Of the allowed splits the
 * one whose parts are most frequent in the lexicon wins (Koehn and Knight's frequency method); without
 * rules the word itself must also be less frequent than its parts. Results are memoised.
 */
export class Decompounder {
  private readonly memo = new Map<string, readonly [string, string] | null>();

  /**
   * `frequency`: the lexicon (domain texts and a word list, see buildLexicon); `domain`: the counts of
   * the domain texts alone, which vouch for short parts (the lexicon itself when not given); `rules`:
   * the dictionary's words and compound rules.
   */
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    private readonly domain: ReadonlyMap<string, number> = frequency,
    private readonly rules: CompoundRules | null = null,
  ) {}

  private acceptablePart(part: string, frequency: number): boolean {
    if (STOPWORDS.has(part)) return false;
    return part.length > MIN_PART_LENGTH || frequency >= SHORT_PART_MIN_FREQUENCY || (this.domain.get(part) ?? 0) > 0;
  }

  /** The best split into [modifier, head] as written, or null when the word is better left whole. */
  split(word: string): readonly [string, string] | null {
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    this.memo.set(word, null); // a guard against re-entry while this word is being split
    let best: readonly [string, string] | null = null;
    let bestScore = this.rules ? 0 : (this.frequency.get(word) ?? 0);
    for (let i = MIN_PART_LENGTH; i <= word.length - MIN_PART_LENGTH; i++) {
      const head = word.slice(i);
      if (!this.mayEnd(head)) continue;
      const headFrequency = Math.max(1, this.frequency.get(head) ?? 0, this.frequency.get(stem(head)) ?? 0);
      const left = word.slice(0, i);
      for (const modifier of modifierCandidates(left, head)) {
        if (!this.mayBegin(modifier, left)) continue;
        const modifierFrequency = this.frequency.get(modifier) ?? this.compoundFrequency(modifier);
        if (!this.rules && modifierFrequency === 0) continue;
        let score = Math.sqrt(Math.max(this.rules ? 1 : 0, modifierFrequency) * headFrequency);
        // With the dictionary, a simple modifier beats one that is itself a compound: "cykel|verkstad",
        // not "cykelverk|stad".
        if (this.rules && this.isSimple(modifier, left)) score += SIMPLE_MODIFIER_BONUS;
        // Ties go to the longer head, the more specific reading.
        if (score > bestScore) {
          best = [modifier, head];
          bestScore = score;
        }
      }
    }
    this.memo.set(word, best);
    return best;
  }

  /**
   * The dictionary words a word can be an inflected form of: the word itself when the dictionary has
   * it, else every form it could be an inflection of that the dictionary has. Without the dictionary,
   * the word's stem.
   */
  /**
   * The verb a noun in "-ning" is made from, as its root, when the dictionary has the verb: "städning"
   * → "städ" (städa), "röjning" → "röj" (röja); not "träning" → "trä" (there is no "träa"). A
   * compound's verb is its head's.
   */
  verbRoot(lemma: string): string | null {
    const root = derivationalRoot(lemma);
    if (!root || !this.rules) return root;
    if (this.rules.entries.has(`${root}a`)) return root;
    // A compound's verb is its head's: "fönsterputsning" → "fönsterputs" because "putsning" → "puts".
    const split = this.split(lemma);
    return split && this.verbRoot(this.headEntry(split[1])!) !== null ? root : null;
  }

  lemmas(word: string): string[] {
    const rules = this.rules;
    if (!rules) return [stem(word)];
    if (rules.entries.has(word)) return [word];
    return [...new Set(inflectionBases(word).filter((base) => rules.entries.has(base)))];
  }

  private mayEnd(head: string): boolean {
    if (STOPWORDS.has(head) || NOT_PARTS.has(head)) return false;
    if (this.rules) return this.headEntry(head) !== null;
    const frequency = this.frequency.get(head) ?? 0;
    return frequency > 0 && this.acceptablePart(head, frequency);
  }

  /** The dictionary word that a head as written is (an inflection of), if it may end a compound. */
  private headEntry(head: string): string | null {
    const end = this.rules!.end;
    if (end.has(head)) return head;
    if (head.length <= MIN_PART_LENGTH) return null;
    return inflectionBases(head).find((base) => end.has(base)) ?? null;
  }

  private isSimple(modifier: string, left: string): boolean {
    const rules = this.rules!;
    return rules.begin.has(left) || rules.begin.has(modifier) || rules.end.has(modifier);
  }

  /** Whether `modifier` (read from `left`, the letters before the head) may begin a compound. */
  private mayBegin(modifier: string, left: string): boolean {
    if (STOPWORDS.has(modifier) || NOT_PARTS.has(modifier)) return false;
    const rules = this.rules;
    if (!rules) return this.acceptablePart(modifier, this.frequency.get(modifier) ?? this.compoundFrequency(modifier));
    if (rules.begin.has(left) || rules.begin.has(modifier)) return true;
    // A noun joined by the linking "s" ("lokalvård|s|tjänst", "vandring|s|led"), or a compound itself.
    const linked = left.length === modifier.length + 1 && left.endsWith('s');
    if (linked && rules.end.has(modifier)) return true;
    return modifier.length >= 2 * MIN_PART_LENGTH && this.split(modifier) !== null;
  }

  /** The dictionary word a modifier stands for: "arbets" for "arbete", "skol" for "skola". */
  private modifierEntry(modifier: string): string {
    const rules = this.rules;
    if (!rules || rules.entries.has(modifier)) return modifier;
    const base = modifier.endsWith('s') ? modifier.slice(0, -1) : modifier;
    return [base, `${base}e`, `${base}a`].find((w) => rules.entries.has(w)) ?? modifier;
  }

  /** A modifier that is itself a compound ("lokalvård" in "lokalvårdstjänst") counts at its parts' level. */
  private compoundFrequency(word: string): number {
    if (word.length < 2 * MIN_PART_LENGTH) return 0;
    const split = this.split(word);
    if (!split) return 0;
    return Math.sqrt((this.frequency.get(split[0]) ?? 1) * (this.frequency.get(split[1]) ?? 1)) / 2;
  }

  /**
   * The word's modifier and head as dictionary words ("tjänster" as "tjänst"), with the other reading
   * of a doubled consonant at the join as a second modifier. Without the dictionary, as split.
   */
  parts(word: string): { term: string; role: 'modifier' | 'head' }[] {
    const split = this.split(word);
    if (!split) return [];
    const [modifier, head] = split;
    const out: { term: string; role: 'modifier' | 'head' }[] = [{ term: this.rules ? this.headEntry(head)! : head, role: 'head' }];
    if (!GENERIC_MODIFIERS.has(modifier)) out.unshift({ term: this.modifierEntry(modifier), role: 'modifier' });
    const other = this.otherReading(modifier, head);
    if (other) out.push({ term: this.modifierEntry(other), role: 'modifier' });
    return out;
  }

  /**
   * Where the join has a doubled consonant, Swedish spelling cannot tell whether a third was dropped:
   * "flyttjänst" is "flytt" + "tjänst", "mattillagning" is "mat" + "tillagning". When the other reading
   * of the modifier is a known word too, both are kept, so either one meets the word written alone.
   */
  private otherReading(modifier: string, head: string): string | null {
    const last = modifier[modifier.length - 1];
    if (last !== head[0] || /[aeiouyåäö]/.test(last)) return null;
    const other = modifier[modifier.length - 2] === last ? modifier.slice(0, -1) : modifier + last;
    if (other.length < MIN_PART_LENGTH || STOPWORDS.has(other) || GENERIC_MODIFIERS.has(other)) return null;
    if (this.rules) return this.rules.begin.has(other) || this.rules.end.has(other) ? other : null;
    const frequency = this.frequency.get(other) ?? 0;
    return frequency > 0 && this.acceptablePart(other, frequency) ? other : null;
  }
}

/**
 * The ways the left side of a split can be written as a word: as it stands, without the linking "s"
 * ("lokalvårds|tjänst"), and with the consonant Swedish drops where three would meet ("flyt|tjänst").
 */
function modifierCandidates(left: string, head: string): string[] {
  const candidates = [left];
  if (left.endsWith('s') && left.length > MIN_PART_LENGTH) candidates.push(left.slice(0, -1));
  const last = left[left.length - 1];
  if (last === head[0] && left[left.length - 2] !== last && !/[aeiouyåäö]/.test(last)) candidates.push(left + last);
  return candidates;
}

/**
 * A Decompounder's lexicon: how often each stem (and each derivational root) occurs in a body of domain
 * text, plus one for each word of a general word list (the words of a spelling dictionary), so that
 * parts the domain text never uses alone ("cykel", "bemanning") are still known.
 */
export function buildLexicon(texts: Iterable<string>, words: Iterable<string> = []): Map<string, number> {
  const frequency = new Map<string, number>();
  const add = (term: string) => frequency.set(term, (frequency.get(term) ?? 0) + 1);
  for (const word of words) {
    const lower = word.normalize('NFC').toLowerCase();
    if (lower.length < MIN_PART_LENGTH || STOPWORDS.has(lower)) continue;
    const stemmed = stem(lower);
    if (stemmed.length >= MIN_PART_LENGTH) add(stemmed);
    if (stemmed !== lower) add(lower);
  }
  for (const text of texts) {
    for (const token of tokenize(text)) {
      const stemmed = stem(token);
      add(stemmed);
      if (stemmed !== token && token.length >= MIN_PART_LENGTH) add(token);
      const root = derivationalRoot(stemmed);
      if (root) add(root);
    }
  }
  return frequency;
}

/**
 * The decompounder the matcher uses: the dictionary's compound rules decide where a word may be split,
 * the domain texts (the CPV labels) and the dictionary's words how often each part is used.
 */
export function domainDecompounder(domainTexts: readonly string[], dictionary: readonly DictionaryEntry[]): Decompounder {
  const words = dictionary.map((e) => e.word);
  return new Decompounder(buildLexicon(domainTexts, words), buildLexicon(domainTexts), dictionary.length > 0 ? compoundRules(dictionary) : null);
}

/**
 * Every term of a text: each token's lemmas and their roots (or its stem when the dictionary does not
 * know it), and its compound parts with the
 * root of a head made from a verb ("fönster|putsning" → "puts"). Which of them meet which is MEETS's
 * business.
 */
export function analyse(text: string, decompounder: Decompounder): AnalysedTerm[] {
  const terms: AnalysedTerm[] = [];
  for (const token of tokenize(text)) {
    const push = (term: string, role: TermRole) => terms.push({ term, role, surface: token });
    const lemmas = decompounder.lemmas(token);
    // A word the dictionary does not know meets the same word by its stem.
    if (lemmas.length === 0) push(stem(token), 'word');
    for (const lemma of lemmas) {
      push(lemma, 'lemma');
      const root = decompounder.verbRoot(lemma);
      if (root) push(root, 'root');
    }
    for (const part of decompounder.parts(token)) {
      if (part.term.length < MIN_PART_LENGTH || lemmas.includes(part.term)) continue;
      push(part.term, part.role);
      const root = part.role === 'head' ? decompounder.verbRoot(part.term) : null;
      if (root) push(root, 'root');
    }
  }
  return terms;
}
