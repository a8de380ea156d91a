import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A diagnostic job request: proves that a job travels from the API to a consumer and back. */
@Entity({ name: 'queue_probe' })
export class QueueProbeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hold_ms', type: 'integer', default: 0 })
  holdMs: number;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ name: 'processed_by', type: 'text', nullable: true })
  processedBy: string | null;
}
