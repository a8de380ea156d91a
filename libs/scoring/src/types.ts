import type { NeedForm } from '@samverka/domain';
import type { DictionaryEntry } from './text/hunspell-words.js';
import type { ComponentName } from './weights.js';

/** What the matcher reads of a need. */
export interface NeedInput {
  id: string;
  buyerOrganizationId: string;
  title: string;
  description: string;
  /** CPV codes, with or without the check digit ("90911200-8" or "90911200"). */
  cpvCodes: readonly string[];
  sdgs: readonly number[];
  municipalityCode: string | null;
  countyCode: string | null;
  budgetMinSek: number | null;
  budgetMaxSek: number | null;
  form: NeedForm;
}

/** What the matcher reads of an enterprise. */
export interface ProfileInput {
  organizationId: string;
  description: string;
  services: string;
  cpvCodes: readonly string[];
  sdgs: readonly number[];
  nationwide: boolean;
  municipalityCodes: readonly string[];
  countyCodes: readonly string[];
  maxContractSek: number | null;
  ideburen: boolean;
  workIntegrating: boolean;
  farFromLabourMarketShare: number | null;
  /** Partnerships the enterprise has delivered or shown confirmed impact in, and with which buyers. */
  trackRecord?: TrackRecordInput;
}

/** The evidence of the track record (see TRACK_RECORD in weights.ts for what it is worth). */
export interface TrackRecordInput {
  /** COMPLETED partnerships. */
  completed: number;
  /** Of those, the ones with at least one impact report their buyer confirmed. */
  completedWithImpact: number;
  /** ACTIVE partnerships with at least one confirmed impact report. */
  ongoingWithImpact: number;
  /** The buyers of the partnerships counted above, once per partnership (a buyer twice: two partnerships). */
  buyerOrganizationIds: readonly string[];
  /** The municipalities of the needs those partnerships answered (the buyers' places). */
  buyerMunicipalityCodes?: readonly string[];
  /** Their counties. */
  buyerCountyCodes?: readonly string[];
  /** The CPV code of each counted partnership's need (its first code), once per partnership. */
  partnershipCpvCodes?: readonly string[];
}

/** Reference data the matcher needs; the caller loads it (the scoring library does no I/O). */
export interface ScoringReference {
  municipalities: readonly { code: string; name: string; countyCode: string; lat: number; lon: number }[];
  counties: readonly { code: string; name: string; lat: number; lon: number }[];
  /** CPV codes with their Swedish labels, the text model's domain corpus. */
  cpv: readonly { code: string; labelSv: string }[];
  /**
   * A Swedish spelling dictionary's words with their Hunspell flags: the compound flags say where a word
   * may be split, the words which parts are known.
   */
  dictionary?: readonly DictionaryEntry[];
}

// A reason with nothing to fill in.
type NoParams = Record<never, never>;

/** Two CPV codes that relate, eight digits each; the same code twice when one code is in both. */
interface CpvPair {
  needCode: string;
  profileCode: string;
}

/** What a track-record reason counted (see TrackRecordInput). */
interface TrackRecordCounts {
  completed: number;
  completedWithImpact: number;
  ongoingWithImpact: number;
}

/**
 * The facts each reason states, by its code, in no language: numbers, CPV codes, goals, the words that
 * met and the names of places. The text is made from them where it is shown, in the reader's language.
 */
export interface ReasonParams {
  'eligibility.reserved': { share: number };
  'eligibility.reserved.notWorkIntegrating': NoParams;
  'eligibility.reserved.shareUnknown': { minShare: number };
  'eligibility.reserved.shareTooLow': { minShare: number; share: number };
  'eligibility.iop': NoParams;
  'eligibility.iop.notIdeburen': NoParams;
  'relevance.none': NoParams;
  'text.none': NoParams;
  /** Each word of the need that met the enterprise's text, with the enterprise's word (the same or a relative). */
  'text.shared': { words: { need: string; profile: string }[] };
  'category.none': NoParams;
  'category.sameCode': CpvPair;
  'category.ancestor': CpvPair;
  'category.category': CpvPair;
  'category.class': CpvPair;
  'category.group': CpvPair;
  'category.division': CpvPair;
  /** `place`: the need's municipality, or its county when it names none. */
  'geography.sameMunicipality': { place: string };
  'geography.sameCounty': { county: string };
  'geography.near': { nearest: string; km: number; place: string };
  'geography.nationwide': NoParams;
  'geography.unknown': NoParams;
  'geography.none': { place: string };
  'sdg.none': NoParams;
  /** The goals both name, and how many the need names. */
  'sdg.shared': { goals: number[]; needGoals: number };
  'capacity.unknown': NoParams;
  'capacity.enough': { maxContractSek: number; budgetSek: number };
  'capacity.short': { maxContractSek: number; budgetSek: number };
  'trackRecord.none': NoParams;
  'trackRecord.partnerships': TrackRecordCounts;
  /** As trackRecord.partnerships, and one of them (or, with no counts, some partnership) is with the need's buyer. */
  'trackRecord.sameBuyer': TrackRecordCounts;
  /** As trackRecord.partnerships, and one of them is for a buyer in the need's municipality or county (`place`, its name). */
  'trackRecord.sameArea': TrackRecordCounts & { place: string };
  /**
   * Counted partnerships whose need's CPV code shares the need's class (`level` 'class', `prefix` its 4
   * digits) or, failing that, its group ('group', 3 digits): `partnerships` of them.
   */
  'trackRecord.sameField': { partnerships: number; level: 'class' | 'group'; prefix: string };
}

/** A reason's code: stable, for clients that want their own wording. */
export type ReasonCode = keyof ReasonParams;

/** One reason: what it is about and the facts, without words (the matching feature words it). */
export type MatchReason = {
  [C in ReasonCode]: { code: C; component: ComponentName | 'eligibility'; params: ReasonParams[C] };
}[ReasonCode];

export interface MatchComponent {
  name: ComponentName;
  /** 0–1. */
  value: number;
  weight: number;
  /** False when the component does not apply to the pair (a need without SDGs, without a budget…). */
  applicable: boolean;
}

export interface MatchResult {
  /** 0–100, two decimals; 0 when the pair is not a match. */
  score: number;
  /** False when a hard rule excludes the enterprise (reserved contract, IOP). */
  eligible: boolean;
  /** False when neither the text nor the CPV codes relate. */
  relevant: boolean;
  components: MatchComponent[];
  /** Most important first. */
  reasons: MatchReason[];
  algorithmVersion: string;
}
