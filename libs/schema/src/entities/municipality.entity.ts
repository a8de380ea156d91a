import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Swedish municipality (kommun), loaded from data/municipalities.csv. */
@Entity({ name: 'municipality' })
export class MunicipalityEntity {
  /** Kommunkod, 4 digits, such as 0180; the first two are the county's code. */
  @PrimaryColumn({ type: 'char', length: 4 })
  code: string;

  /** SCB's short name, such as Stockholm (not "Stockholms stad"). */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  /** A representative point of the municipality's area (WGS84), not its seat. */
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;
}
