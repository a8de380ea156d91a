import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { PlatformRole } from '@samverka/domain';
import { CoordinatorRegionEntity } from './coordinator-region.entity.js';
import { VersionedRecord } from './versioned-record.js';

@Entity({ name: 'app_user' })
export class UserEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised: trimmed, NFC, lower case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'platform_role', type: 'text', default: 'USER' })
  platformRole: PlatformRole;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  @OneToMany(() => CoordinatorRegionEntity, (region) => region.user)
  coordinatorRegions?: CoordinatorRegionEntity[];
}
