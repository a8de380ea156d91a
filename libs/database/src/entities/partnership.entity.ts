import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export type PartnershipStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** A buyer and an enterprise working together, from an accepted offer. */
@Entity({ name: 'partnership' })
export class PartnershipEntity {
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
