import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** A region (län) a coordinator works in. */
@Entity({ name: 'coordinator_region' })
export class CoordinatorRegionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  @ManyToOne(() => UserEntity, (user) => user.coordinatorRegions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
