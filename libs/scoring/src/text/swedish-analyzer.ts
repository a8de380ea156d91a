import { stemmer } from '@orama/stemmers/swedish';
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
/** The shortest modifier and head of a compound split although the word list knows it whole (see splitKnown). */
const FORCED_MODIFIER_LENGTH = 4;
const FORCED_HEAD_LENGTH = 5;

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

/** A stem and how deep in a compound it sits: 0 for the word itself, 1 for its two parts, and so on. */
export interface AnalysedTerm {
  term: string;
  depth: number;
  /** The word in the text that the term came from, for explaining a match. */
  surface: string;
}

/**
 * Splits Swedish compounds into known parts ("lokalvårdstjänst" → "lokalvård" + "tjänst", then "lokal" +
 * "vård"), the way Koehn and Knight's frequency method does: of all splits into two known stems, with
 * or without the linking "s", the one whose parts are most frequent in the lexicon wins. The lexicon is
 * built from the Swedish CPV labels, the procurement vocabulary itself. Results are memoised.
 */
export class Decompounder {
  private readonly memo = new Map<string, readonly [string, string] | null>();

  /**
   * `frequency`: the lexicon (domain texts and a word list, see buildLexicon); `domain`: the counts of
   * the domain texts alone, which vouch for short parts (the lexicon itself when not given).
   */
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    private readonly domain: ReadonlyMap<string, number> = frequency,
  ) {}

  private acceptablePart(part: string, frequency: number): boolean {
    if (STOPWORDS.has(part)) return false;
    return part.length > MIN_PART_LENGTH || frequency >= SHORT_PART_MIN_FREQUENCY || (this.domain.get(part) ?? 0) > 0;
  }

  /**
   * The best split into [modifier, head], or null when the word is better left whole: when no split
   * into known stems exists, or the word itself is more frequent than its parts.
   */
  split(word: string): readonly [string, string] | null {
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    this.memo.set(word, null); // a guard against re-entry while this word is being split
    const best = this.bestSplit(word, this.frequency.get(word) ?? 0, MIN_PART_LENGTH, MIN_PART_LENGTH);
    this.memo.set(word, best);
    return best;
  }

  /**
   * The best split whatever the word's own frequency: a compound the word list knows whole
   * ("cykelverkstad") still has parts to be found by. Longer parts only (a modifier of 4 letters and a
   * head of 5 or more), so that "verkstad" stays whole rather than "verk" + "stad". Not memoised.
   */
  splitKnown(word: string): readonly [string, string] | null {
    return this.split(word) ?? this.bestSplit(word, 0, FORCED_MODIFIER_LENGTH, FORCED_HEAD_LENGTH);
  }

  private bestSplit(word: string, floor: number, minModifier: number, minHead: number): readonly [string, string] | null {
    let best: readonly [string, string] | null = null;
    let bestScore = floor;
    for (let i = MIN_PART_LENGTH; i <= word.length - minHead; i++) {
      const head = word.slice(i);
      const headFrequency = this.frequency.get(head) ?? 0;
      if (headFrequency === 0 || !this.acceptablePart(head, headFrequency)) continue;
      const left = word.slice(0, i);
      for (const modifier of modifierCandidates(left, head)) {
        if (modifier.length < minModifier) continue;
        const modifierFrequency = this.frequency.get(modifier) ?? this.compoundFrequency(modifier);
        if (modifierFrequency === 0 || !this.acceptablePart(modifier, modifierFrequency)) continue;
        const score = Math.sqrt(modifierFrequency * headFrequency);
        // Ties go to the longer head, the more specific reading.
        if (score > bestScore) {
          best = [modifier, head];
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** A modifier that is itself a compound ("lokalvård" in "lokalvårdstjänst") counts at its parts' level. */
  private compoundFrequency(word: string): number {
    if (word.length < 2 * MIN_PART_LENGTH) return 0;
    const split = this.split(word);
    if (!split) return 0;
    return Math.sqrt((this.frequency.get(split[0]) ?? 1) * (this.frequency.get(split[1]) ?? 1)) / 2;
  }

  /** The word's parts at every depth, the word itself excluded. */
  parts(word: string, depth = 1, out: { term: string; depth: number }[] = [], splitKnown = false): { term: string; depth: number }[] {
    if (depth > 3) return out;
    const split = splitKnown ? this.splitKnown(word) : this.split(word);
    if (!split) return out;
    const [modifier, head] = split;
    for (const part of split) {
      out.push({ term: part, depth });
      this.parts(part, depth + 1, out);
    }
    const other = this.otherReading(modifier, head);
    if (other) out.push({ term: other, depth });
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
    const frequency = this.frequency.get(other) ?? 0;
    return other.length >= MIN_PART_LENGTH && frequency > 0 && this.acceptablePart(other, frequency) ? other : null;
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

/** The decompounder the matcher uses: domain texts (the CPV labels) vouch for parts, a word list adds the rest. */
export function domainDecompounder(domainTexts: readonly string[], words: Iterable<string>): Decompounder {
  return new Decompounder(buildLexicon(domainTexts, words), buildLexicon(domainTexts));
}

/**
 * Every term of a text: each token's stem at depth 0, its derivational root and its compound parts
 * deeper down ("städtjänster" → städtjänst, städ, tjänst). `splitKnown`: split words the word list
 * knows whole too (search wants "cykel" in "cykelverkstad"; the matcher does not).
 */
export function analyse(text: string, decompounder: Decompounder, splitKnown = false): AnalysedTerm[] {
  const terms: AnalysedTerm[] = [];
  for (const token of tokenize(text)) {
    const stemmed = stem(token);
    terms.push({ term: stemmed, depth: 0, surface: token });
    const root = derivationalRoot(stemmed);
    if (root) terms.push({ term: root, depth: 1, surface: token });
    for (const part of decompounder.parts(stemmed, 1, [], splitKnown)) {
      // A part is stemmed like the same word written alone ("kontor|s|material" meets "kontor").
      const partStem = stem(part.term);
      terms.push({ term: partStem, depth: part.depth, surface: token });
      const partRoot = derivationalRoot(partStem);
      if (partRoot) terms.push({ term: partRoot, depth: part.depth + 1, surface: token });
    }
  }
  return terms;
}
