import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnershipStatus, TargetsStatus } from '@samverka/domain';
import { VersionedRecord } from './versioned-record.js';

export type { PartnershipStatus };

/**
 * A buyer and an enterprise working together: from an accepted offer, or from an agreement a
 * coordinator brokered. It carries what it is about (from the need, or given by the coordinator), its
 * dates, its agreed impact targets and whether both parties show it as a good example.
 */
@Entity({ name: 'partnership' })
export class PartnershipEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'need_id', type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId: string | null;

  @Column({ name: 'buyer_organization_id', type: 'uuid' })
  buyerOrganizationId: string;

  @Column({ name: 'enterprise_organization_id', type: 'uuid' })
  enterpriseOrganizationId: string;

  @Column({ type: 'text' })
  status: PartnershipStatus;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'cpv_codes', type: 'text', array: true })
  cpvCodes: string[];

  @Column({ type: 'smallint', array: true })
  sdgs: number[];

  @Column({ name: 'municipality_code', type: 'char', length: 4, nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  /** The agreed start, a date (YYYY-MM-DD). */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** The agreed end, if one was set. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** When it was completed or terminated. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text' })
  endReason: string;

  @Column({ name: 'introduction_id', type: 'uuid', nullable: true })
  introductionId: string | null;

  /** The coordinator who brokered it. */
  @Column({ name: 'brokered_by', type: 'uuid', nullable: true })
  brokeredBy: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'report_every_months', type: 'smallint' })
  reportEveryMonths: number;

  @Column({ name: 'targets_status', type: 'text' })
  targetsStatus: TargetsStatus;

  /** The party whose proposal of targets awaits the other's agreement (or was agreed). */
  @Column({ name: 'targets_proposed_by', type: 'uuid', nullable: true })
  targetsProposedBy: string | null;

  @Column({ name: 'targets_agreed_at', type: 'timestamptz', nullable: true })
  targetsAgreedAt: Date | null;

  @Column({ name: 'buyer_public', type: 'boolean' })
  buyerPublic: boolean;

  @Column({ name: 'enterprise_public', type: 'boolean' })
  enterprisePublic: boolean;

  @Column({ name: 'public_summary', type: 'text' })
  publicSummary: string;

  /** The compound parts and roots of the row's words, for search (see the migration CompoundSearch). */
  @Column({ name: 'search_parts', type: 'text' })
  searchParts: string;

  /** The analyzer version `searchParts` was computed with (SEARCH_PARTS_VERSION); 0 before the first. */
  @Column({ name: 'search_parts_version', type: 'smallint' })
  searchPartsVersion: number;
}
