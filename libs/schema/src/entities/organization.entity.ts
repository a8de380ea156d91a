import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from './versioned-record.js';

export type OrganizationKind = 'MUNICIPALITY' | 'REGION' | 'SOCIAL_ENTERPRISE' | 'SUPPORT_ORGANIZATION';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['MUNICIPALITY', 'REGION', 'SOCIAL_ENTERPRISE', 'SUPPORT_ORGANIZATION'];

@Entity({ name: 'organization' })
export class OrganizationEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text' })
  name: string;

  /** Organisationsnummer, normalised to NNNNNN-NNNN. */
  @Column({ name: 'org_number', type: 'char', length: 11 })
  orgNumber: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4, nullable: true })
  municipalityCode: string | null;

  /** Always set: the region itself, or the county of the home municipality. */
  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;
}
