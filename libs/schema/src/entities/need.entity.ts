import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NeedForm, NeedStatus } from '@samverka/domain';
import { bigintNumber } from './transformers.js';
import { VersionedRecord } from './versioned-record.js';

/** What a public buyer needs: an opportunity for social enterprises. */
@Entity({ name: 'need' })
export class NeedEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'buyer_organization_id', type: 'uuid' })
  buyerOrganizationId: string;

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

  @Column({ name: 'county_code', type: 'char', length: 2, nullable: true })
  countyCode: string | null;

  @Column({ name: 'budget_min_sek', type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetMinSek: number | null;

  @Column({ name: 'budget_max_sek', type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetMaxSek: number | null;

  @Column({ type: 'text' })
  form: NeedForm;

  @Column({ name: 'wanted_impact', type: 'text' })
  wantedImpact: string;

  @Column({ name: 'response_deadline', type: 'timestamptz', nullable: true })
  responseDeadline: Date | null;

  @Column({ type: 'text' })
  status: NeedStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** The buyer's `verified`, kept on the need by the database: a need is shown to others only while it is true. */
  @Column({ name: 'buyer_verified', type: 'boolean', insert: false, update: false })
  buyerVerified: boolean;

  /** The compound parts and roots of the row's words, for search (see the migration CompoundSearch). */
  @Column({ name: 'search_parts', type: 'text' })
  searchParts: string;

  /** The analyzer version `searchParts` was computed with (SEARCH_PARTS_VERSION); 0 before the first. */
  @Column({ name: 'search_parts_version', type: 'smallint' })
  searchPartsVersion: number;
}
