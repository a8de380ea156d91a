import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LegalForm } from '@samverka/domain';
import { bigintNumber } from './transformers.js';
import { VersionedRecord } from './versioned-record.js';

/** What a social enterprise does, where and at what scale: one per SOCIAL_ENTERPRISE organisation. */
@Entity({ name: 'enterprise_profile' })
export class EnterpriseProfileEntity extends VersionedRecord {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  services: string;

  /** CPV codes with check digit (NNNNNNNN-N). */
  @Column({ name: 'cpv_codes', type: 'text', array: true })
  cpvCodes: string[];

  @Column({ type: 'smallint', array: true })
  sdgs: number[];

  @Column({ type: 'boolean' })
  nationwide: boolean;

  @Column({ name: 'municipality_codes', type: 'text', array: true })
  municipalityCodes: string[];

  @Column({ name: 'county_codes', type: 'text', array: true })
  countyCodes: string[];

  @Column({ type: 'integer', nullable: true })
  employees: number | null;

  @Column({ name: 'annual_turnover_sek', type: 'bigint', nullable: true, transformer: bigintNumber })
  annualTurnoverSek: number | null;

  @Column({ name: 'max_contract_sek', type: 'bigint', nullable: true, transformer: bigintNumber })
  maxContractSek: number | null;

  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm: LegalForm | null;

  @Column({ type: 'boolean' })
  ideburen: boolean;

  @Column({ name: 'work_integrating', type: 'boolean' })
  workIntegrating: boolean;

  @Column({ name: 'far_from_labour_market_share', type: 'smallint', nullable: true })
  farFromLabourMarketShare: number | null;

  @Column({ type: 'text', array: true })
  certifications: string[];

  /** The compound parts and roots of the row's words, for search (see the migration CompoundSearch). */
  @Column({ name: 'search_parts', type: 'text' })
  searchParts: string;

  /** The analyzer version `searchParts` was computed with (SEARCH_PARTS_VERSION); 0 before the first. */
  @Column({ name: 'search_parts_version', type: 'smallint' })
  searchPartsVersion: number;
}
