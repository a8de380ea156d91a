import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IntroductionStatus } from '@samverka/domain';
import { VersionedRecord } from './versioned-record.js';

/** A coordinator proposes an enterprise for a need; the enterprise accepts (and may offer) or declines. */
@Entity({ name: 'introduction' })
export class IntroductionEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'need_id', type: 'uuid' })
  needId: string;

  @Column({ name: 'enterprise_organization_id', type: 'uuid' })
  enterpriseOrganizationId: string;

  @Column({ name: 'coordinator_user_id', type: 'uuid', nullable: true })
  coordinatorUserId: string | null;

  /** The region the coordinator brokered in (the buyer's county). */
  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'text' })
  status: IntroductionStatus;

  @Column({ name: 'response_note', type: 'text' })
  responseNote: string;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}
