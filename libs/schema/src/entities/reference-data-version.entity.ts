import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which version of a reference data file a table holds: the loader reloads a table when its file changes. */
@Entity({ name: 'reference_data_version' })
export class ReferenceDataVersionEntity {
  /** The table loaded, such as cpv_code. */
  @PrimaryColumn({ type: 'text' })
  dataset: string;

  /** sha256 of the file, in hex. */
  @Column({ type: 'text' })
  checksum: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
