import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OfferStatus } from '@samverka/domain';
import { bigintNumber } from './transformers.js';
import { VersionedRecord } from './versioned-record.js';

/** An enterprise's answer to a need. */
@Entity({ name: 'offer' })
export class OfferEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'need_id', type: 'uuid' })
  needId: string;

  @Column({ name: 'enterprise_organization_id', type: 'uuid' })
  enterpriseOrganizationId: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'price_sek', type: 'bigint', nullable: true, transformer: bigintNumber })
  priceSek: number | null;

  @Column({ name: 'proposed_outcomes', type: 'text' })
  proposedOutcomes: string;

  @Column({ type: 'text' })
  status: OfferStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why the buyer declined it, in the buyer's words (null unless declined by the buyer). */
  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
