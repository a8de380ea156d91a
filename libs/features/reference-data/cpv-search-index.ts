import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { derivationalRoot, stem, tokenize, type Decompounder } from '@samverka/scoring';

/** A CPV code as the index needs it. */
export interface CpvIndexCode {
  code: string;
  labelSv: string;
  labelEn: string;
  level: number;
  parentCode: string | null;
}

/** An everyday term and the codes it stands for (data/cpv-synonyms.csv). */
export interface CpvSynonym {
  term: string;
  codes: string[];
}

/** A code that matches a search text, and how well (higher first). */
export interface CpvRanked {
  code: string;
  score: number;
}

/*
 * How well one word of the query meets a code, before the code's specificity is weighed in. A word of
 * the label beats a part of a compound in it, which beats a word that merely starts with the query word
 * or contains it. An everyday term of the synonym list ranks just below the label's own words.
 */
const WORD = 1;
const SYNONYM = 0.9;
const DERIVED = 0.85; // "städ" meets "Städning"; "städning" meets a label that says "städ…"
const COMPOUND_HEAD = 0.6; // "vård" meets "Lokalvård"
const QUERY_PARTS = 0.7; // "cykelreparation" meets "Reparation av cyklar" (both parts)
const QUERY_HEAD = 0.4; // "ändringssömnad" meets "Sömnad" (the head alone)
const COMPOUND_MODIFIER = 0.35; // "lokal" meets "Lokalvård"
const NEAR = 0.7; // "receptionist" meets "Receptions…", "tvätteri" meets "Tvätt"
const MIN_NEAR_LENGTH = 5;
const MAX_NEAR_EXTRA = 3;
const PREFIX = 0.3; // "cykl" meets "Cykliska kolväten"
const SUBSTRING = 0.15; // "omsorg" inside "Äldreomsorgstjänster", caught by nothing above
/** An English label's match counts a little less, so that a Swedish word ("mat", "barn") is read as Swedish first. */
const ENGLISH = 0.8;
/** The query is the whole label ("Möbler"), or an everyday term the whole query is. */
const WHOLE_LABEL_BONUS = 0.6;
const WHOLE_SYNONYM_BONUS = 0.45;
/** The codes of an everyday term come in the order the list gives them. */
const SYNONYM_POSITION = 0.05;
/** The first word of a label is its head in Swedish and English alike ("Reparation av cyklar"). */
const NOT_HEAD = 0.85;
/** Each label word the query leaves unmatched dilutes the match. */
const PER_EXTRA_WORD = 0.12;
/**
 * Heads that add only "the service of" to a compound: "Kenneltjänster" is nearly the whole label for
 * "kennel", while "Cateringutrustning" is another thing than "catering".
 */
const SERVICE_HEADS = new Set(['tjänster', 'verksamhet', 'arbeten', 'service'].map((w) => swedishKey(stem(w))));
/**
 * Heads of a query word that say who does the work or that it is work, so that the modifier is what the
 * word is about: "städfirma", "tolkservice", "trädgårdsarbete", "eventbyrå".
 */
const AGENT_HEADS = new Set([...SERVICE_HEADS, ...['arbete', 'firma', 'företag', 'byrå', 'hjälp', 'uppdrag', 'leverantör', 'verkstad', 'tjänst'].map((w) => swedishKey(stem(w)))]);
/** How much the modifier of a query compound alone is worth when the head is an agent head. */
const AGENT_MODIFIER = 0.9;
/** … and at most when the head is any other word (less as the head says more). */
const OTHER_MODIFIER = 0.5;
/** A word of this many labels or fewer is all content; one of COMMON_WORD labels or more says nothing. */
const RARE_WORD = 20;
const COMMON_WORD = 1500;
/** The least weight of a query word, however many labels have it. */
const MIN_WORD_WEIGHT = 0.3;
/** Deeper codes lose a little, so that a general code with the same label beats its descendants. */
const PER_LEVEL = 0.01;

/** One analysed word of a label: its keys and the parts of its compound. */
interface LabelWord {
  key: string;
  /**
   * The word itself as a key: Snowball stems "dator" to "dat" but "datorer" to "dator", "bärbar" to
   * "bärb" but "bärbara" to "bärbar"; a word meets another when either form of one is a form of the other.
   */
  word: string;
  root: string | null;
  head: string | null;
  modifiers: string[];
  /** How much the word counts in a query: less for a word many labels share ("tjänster", "produkter"). */
  weight: number;
  /** The modifier of a compound as a word of its own ("städ" of "städfirma"), for the query side. */
  modifier?: LabelWord;
  raw: string;
}

interface IndexedCode {
  entry: CpvIndexCode;
  sv: LabelWord[];
  en: LabelWord[];
  svLower: string;
  enLower: string;
}

/**
 * The key a Swedish stem is compared by: Snowball leaves the "e" of "cykel" but drops it in "cyklar"
 * (cykl), keeps the final "s" of "skolskjutsar" and drops it from "skolskjuts"; the key evens both out.
 */
export function swedishKey(stemmed: string): string {
  return stemmed.replace(/([^aeiouyåäö])e([lnr])$/, '$1$2').replace(/([^aeiouyåäös])s$/, '$1');
}

/**
 * An in-memory relevance index over the CPV labels (Swedish and English) and a list of everyday terms.
 * Built once (a few hundred milliseconds, mostly the compound lexicon) and then searched in a few
 * milliseconds: every code is scored by its best match for each query word, weighed by how specific
 * the match is (the whole label, its head, or a word buried in a long label) and the code's depth.
 */
export class CpvSearchIndex {
  private readonly codes: IndexedCode[];
  private readonly byCode = new Map<string, IndexedCode>();
  /** How many labels have each key as a word or as the head of a compound. */
  private readonly labelFrequency = new Map<string, number>();
  /** How much a word says about a code: 1 for a word of a few labels, down to 0 for one of thousands ("tjänster"). */
  private readonly content = (key: string): number => {
    const frequency = this.labelFrequency.get(key) ?? 0;
    return frequency <= RARE_WORD ? 1 : Math.max(0, 1 - Math.log(frequency / RARE_WORD) / Math.log(COMMON_WORD / RARE_WORD));
  };
  /** The everyday terms, analysed, and their codes. */
  private readonly synonyms: { words: LabelWord[]; codes: IndexedCode[] }[] = [];

  /** `decompounder`: the process's Swedish one (swedishDecompounder). */
  constructor(
    codes: readonly CpvIndexCode[],
    synonyms: readonly CpvSynonym[],
    private readonly decompounder: Decompounder,
  ) {
    this.codes = codes.map((entry) => {
      const indexed: IndexedCode = {
        entry,
        sv: this.analyseSv(entry.labelSv),
        en: analyseEn(entry.labelEn),
        svLower: entry.labelSv.toLowerCase(),
        enLower: entry.labelEn.toLowerCase(),
      };
      this.byCode.set(entry.code, indexed);
      return indexed;
    });
    for (const c of this.codes) {
      for (const key of new Set(c.sv.flatMap((w) => (w.head ? [w.key, w.head] : [w.key])))) this.labelFrequency.set(key, (this.labelFrequency.get(key) ?? 0) + 1);
    }
    for (const synonym of synonyms) {
      const words = this.analyseSv(synonym.term);
      const targets = synonym.codes.map((code) => this.byCode.get(code)).filter((c): c is IndexedCode => c !== undefined);
      if (words.length > 0 && targets.length > 0) this.synonyms.push({ words, codes: targets });
    }
  }

  /** The codes of the synonym list that are not CPV codes (for checking the data file). */
  static unknownSynonymCodes(codes: readonly CpvIndexCode[], synonyms: readonly CpvSynonym[]): string[] {
    const known = new Set(codes.map((c) => c.code));
    return [...new Set(synonyms.flatMap((s) => s.codes).filter((c) => !known.has(c)))];
  }

  /** Every code that matches `text`, best first (ties in code order); `keep` filters the codes. */
  search(text: string, keep: (code: CpvIndexCode) => boolean = () => true): CpvRanked[] {
    const lower = text.normalize('NFC').toLowerCase().trim();
    const querySv = this.analyseSv(lower).map((w) => ({ ...w, weight: Math.max(MIN_WORD_WEIGHT, this.content(w.key)) }));
    const queryEn = analyseEn(lower);
    const results: CpvRanked[] = [];
    if (querySv.length === 0) {
      // Only stop words or single letters: found as part of a label, like "och".
      if (!lower) return [];
      for (const c of this.codes) {
        if (keep(c.entry) && (c.svLower.includes(lower) || c.enLower.includes(lower))) results.push({ code: c.entry.code, score: round(SUBSTRING) });
      }
      return results;
    }
    const synonymHits = this.synonymHits(querySv);
    for (const c of this.codes) {
      if (!keep(c.entry)) continue;
      const score = this.score(c, lower, querySv, queryEn, synonymHits.get(c));
      if (score > 0) results.push({ code: c.entry.code, score: round(score) });
    }
    return results.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  private score(c: IndexedCode, lower: string, querySv: LabelWord[], queryEn: LabelWord[], synonym: SynonymHit | undefined): number {
    // An everyday term is as good as a label word for the query words it covers ("tvätt" of "tvätt av arbetskläder").
    const termQuality = synonym ? (SYNONYM - SYNONYM_POSITION * synonym.position) * (synonym.throughModifier ? AGENT_MODIFIER : 1) : 0;
    const sv = labelScore(querySv, c.sv, this.content, synonym ? (i) => (synonym.words.has(i) ? termQuality : 0) : undefined);
    const en = queryEn.length ? ENGLISH * labelScore(queryEn, c.en, () => 1) : 0;
    let best = Math.max(sv, en);
    if (synonym?.whole) best = Math.max(best, termQuality + WHOLE_SYNONYM_BONUS * (synonym.throughModifier ? AGENT_MODIFIER : 1));
    if (best === 0 && (c.svLower.includes(lower) || c.enLower.includes(lower))) best = SUBSTRING;
    if (best === 0) return 0;
    return best * (1 - PER_LEVEL * c.entry.level);
  }

  /** The codes of the everyday terms the query contains, and how many query words each covers. */
  private synonymHits(query: LabelWord[]): Map<IndexedCode, SynonymHit> {
    const hits = new Map<IndexedCode, SynonymHit>();
    for (const synonym of this.synonyms) {
      // Each word of the term, inflected or not ("skolskjutsar"), or derived ("flyttning" for "flytt"); or
      // the modifier of a query word with an agent head ("eventbyrå" for "event").
      let throughModifier = false;
      const words = new Set<number>();
      const found = synonym.words.every((s) => {
        const at = query.findIndex((w) => sameWord(w, s) || w.root === s.key);
        if (at !== -1) return words.add(at);
        const viaModifier = query.findIndex((w) => {
          const m = w.head !== null && AGENT_HEADS.has(w.head) ? w.modifier : undefined;
          return m !== undefined && (sameWord(m, s) || m.root === s.key);
        });
        if (viaModifier === -1) return false;
        throughModifier = true;
        return words.add(viaModifier);
      });
      if (!found) continue;
      const covered = words.size;
      const whole = covered === query.length;
      synonym.codes.forEach((code, position) => {
        const known = hits.get(code);
        const hit = { words, covered, whole, position, throughModifier };
        if (!known || covered > known.covered || (covered === known.covered && (known.throughModifier > throughModifier || position < known.position))) hits.set(code, hit);
      });
    }
    return hits;
  }

  private analyseSv(text: string): LabelWord[] {
    return tokenize(text).map((token) => this.analyseWord(token, true));
  }

  private analyseWord(token: string, withModifier: boolean): LabelWord {
    const stemmed = stem(token);
    const root = derivationalRoot(stemmed);
    // Split as written: the dictionary's compound rules know words, not stems.
    const split = this.decompounder.split(token);
    return {
      key: swedishKey(stemmed),
      word: swedishKey(token),
      root: root ? swedishKey(root) : null,
      head: split ? swedishKey(stem(split[1])) : null,
      modifiers: split ? [swedishKey(stem(split[0])), ...this.decompounder.parts(split[0]).map((p) => swedishKey(stem(p.term)))] : [],
      weight: 1,
      modifier: split && withModifier ? this.analyseWord(split[0], false) : undefined,
      raw: token,
    };
  }
}

interface SynonymHit {
  /** The query words the term covers (their positions). */
  words: Set<number>;
  covered: number;
  whole: boolean;
  /** Where the code stands in the term's list: the first is the term's main sense. */
  position: number;
  /** Met by the modifier of a query word ("eventbyrå"), not by the word itself. */
  throughModifier: boolean;
}

function analyseEn(text: string): LabelWord[] {
  return tokenize(text).map((token) => ({ key: englishStemmer(token), word: token, weight: 1, root: null, head: null, modifiers: [], raw: token }));
}

/** Whether two words are the same word, inflected or not. */
function sameWord(a: LabelWord, b: LabelWord): boolean {
  return a.key === b.key || a.word === b.key || a.key === b.word || a.word === b.word;
}

/** Whether two keys are the same word with a short derivational ending ("tvätt" and "tvätteri", "reception" and "receptionist"). */
function near(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_NEAR_LENGTH && long.length - short.length <= MAX_NEAR_EXTRA && long.startsWith(short);
}

/**
 * How well the query's words meet a label: the mean of each query word's best match, squared by the
 * share of query words that match at all, weighed by how much of the label the match leaves out.
 * `content(key)` says how much a word says about what a code is (1 for a rare word, less for a word
 * that many labels share, like "tjänster").
 */
function labelScore(query: LabelWord[], label: LabelWord[], content: (key: string) => number, given?: (queryWord: number) => number): number {
  if (label.length === 0 && !given) return 0;
  const weights = query.map((q) => q.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  let matched = 0;
  const used = new Set<number>();
  /** How exactly the matched words are the label's words: 1 for the word itself, less for a compound with a generic head. */
  let exact = 0;
  for (const [qi, q] of query.entries()) {
    let best = 0;
    let bestAt = -1;
    for (let i = 0; i < label.length; i++) {
      const quality = wordMatch(q, label[i], content) * (i === 0 ? 1 : NOT_HEAD);
      if (quality > best) {
        best = quality;
        bestAt = i;
      }
    }
    if (q.head && q.modifier) {
      // The modifier as a word of its own: "städfirma" meets "Städning" as "städ" would, a little less.
      const weight = AGENT_HEADS.has(q.head) ? AGENT_MODIFIER : OTHER_MODIFIER * (1 - content(q.head));
      for (let i = 0; i < label.length; i++) {
        const quality = wordMatch(q.modifier, label[i], content) * weight * (i === 0 ? 1 : NOT_HEAD);
        if (quality > best) {
          best = quality;
          bestAt = i;
        }
      }
    }
    if (q.head && best < QUERY_PARTS) {
      const head = q.head;
      const headAt = label.findIndex((l) => head === l.key || head === l.head || head === l.root);
      const modifierAt = label.findIndex((l) => q.modifiers.some((m) => m === l.key || m === l.root || near(m, l.key) || l.modifiers.includes(m)));
      // Both parts of a query compound: "cykelreparation" meets "Reparation av cyklar".
      if (headAt !== -1 && modifierAt !== -1) {
        best = QUERY_PARTS * (headAt === 0 || modifierAt === 0 ? 1 : NOT_HEAD);
        bestAt = headAt;
      } else if (modifierAt !== -1) {
        // The modifier alone says what the word is about when its head is a word of every other label ("kennel|tjänster").
        const quality = QUERY_HEAD * (1 - content(head)) * (modifierAt === 0 ? 1 : NOT_HEAD);
        if (quality > best) {
          best = quality;
          bestAt = modifierAt;
        }
      }
    }
    const term = given?.(qi) ?? 0;
    if (term > best) {
      best = term;
      bestAt = -1;
    }
    if (best > 0) {
      matched += weights[qi];
      sum += best * weights[qi];
      if (bestAt === -1) continue;
      used.add(bestAt);
      const l = label[bestAt];
      if (sameWord(q, l)) exact++;
      else if (l.head && SERVICE_HEADS.has(l.head) && (l.modifiers[0] === q.key || l.modifiers[0] === q.word)) exact++;
      // The head of the query word is the label word: "Catering" for "lunchcatering", half the whole label.
      else if (q.head !== null && q.head === l.key) exact += 0.5;
    }
  }
  if (matched === 0) return 0;
  const coverage = matched / total;
  const extra = used.size === 0 ? 0 : label.length - used.size;
  let score = (sum / total) * coverage * (1 / (1 + PER_EXTRA_WORD * extra));
  // The whole label: "Möbler" for "möbler", and nearly so "Kenneltjänster" for "kennel".
  if (extra === 0 && used.size === query.length) score += WHOLE_LABEL_BONUS * (exact / query.length) ** 2;
  return score;
}

/** How well one query word meets one label word. */
function wordMatch(q: LabelWord, l: LabelWord, content: (key: string) => number): number {
  if (sameWord(q, l)) return WORD;
  if ((q.root && q.root === l.key) || (l.root && l.root === q.key) || (q.root && q.root === l.root)) return DERIVED;
  if (near(q.key, l.key)) return NEAR;
  if (l.head && (l.head === q.key || (q.root !== null && l.head === q.root))) return COMPOUND_HEAD;
  // The modifier of a label compound whose head says little ("Kenneltjänster", "Kafeteriaverksamhet") is its content.
  if (l.head && l.modifiers.some((m) => m === q.key || m === q.word || (q.root !== null && m === q.root) || near(m, q.key))) {
    return SERVICE_HEADS.has(l.head) ? DERIVED : COMPOUND_MODIFIER + (DERIVED - COMPOUND_MODIFIER) * (1 - content(l.head));
  }
  if (q.head && (q.head === l.key || q.head === l.head || q.head === l.root || l.modifiers.includes(q.head))) return QUERY_HEAD * content(q.head);
  if (q.key.length >= 4 && l.raw.startsWith(q.raw.slice(0, Math.max(4, q.key.length)))) return PREFIX;
  if (q.raw.length >= 4 && l.raw.includes(q.raw)) return SUBSTRING;
  return 0;
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
