import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A code of the CPV 2008 main vocabulary, loaded from data/cpv.csv. The table also has generated full-text
 * columns (search_sv, search_en) that only the repository's search uses, so they are not mapped here.
 */
@Entity({ name: 'cpv_code' })
export class CpvCodeEntity {
  /** With the check digit, such as 85311000-2. */
  @PrimaryColumn({ type: 'text' })
  code: string;

  /** The 8 digits without the check digit, such as 85311000, as many notices write it. */
  @Column({ type: 'char', length: 8 })
  code8: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  @Column({ name: 'label_sv', type: 'text' })
  labelSv: string;

  /** 1 = division, 2 = group, 3 = class, 4 = category, 5 to 7 = finer subcategories. */
  @Column({ type: 'smallint' })
  level: number;

  /** The nearest code above this one; null for the divisions. */
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  /** The first two digits. */
  @Column({ type: 'char', length: 2 })
  division: string;
}
