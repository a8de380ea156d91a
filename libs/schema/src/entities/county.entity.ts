import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Swedish county (län), loaded from data/regions.csv. */
@Entity({ name: 'county' })
export class CountyEntity {
  /** Länskod, 2 digits, such as 01. */
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  /** Such as Stockholms län. */
  @Column({ type: 'text' })
  name: string;

  /** Such as Stockholm. */
  @Column({ name: 'short_name', type: 'text' })
  shortName: string;

  /** The region that buys for the county, such as Region Stockholm. */
  @Column({ name: 'regional_authority_name', type: 'text' })
  regionalAuthorityName: string;

  /** A representative point of the county's area (WGS84), not its seat. */
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;
}
