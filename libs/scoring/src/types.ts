import type { NeedForm } from '@samverka/domain';
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
  /** The buyers of the partnerships counted above. */
  buyerOrganizationIds: readonly string[];
}

/** Reference data the matcher needs; the caller loads it (the scoring library does no I/O). */
export interface ScoringReference {
  municipalities: readonly { code: string; name: string; countyCode: string; lat: number; lon: number }[];
  counties: readonly { code: string; name: string; lat: number; lon: number }[];
  /** CPV labels: the Swedish ones are the text model's domain corpus; both name codes in reasons. */
  cpv: readonly { code: string; labelSv: string; labelEn: string }[];
  sdgs: readonly { goal: number; titleSv: string; titleEn: string }[];
  /** A general Swedish word list (a spelling dictionary's words) to know compound parts by. */
  words?: Iterable<string>;
}

/** One reason, in Swedish and English. `code` is stable for clients that want their own wording. */
export interface MatchReason {
  code: string;
  component: ComponentName | 'eligibility';
  sv: string;
  en: string;
}

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
