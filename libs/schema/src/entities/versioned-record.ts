import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * When a record was made and last changed, and its version: every change based on an older version is
 * refused (optimistic concurrency, see repositories/versioned-update.ts).
 */
export abstract class VersionedRecord {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
