import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the 17 UN Sustainable Development Goals (Globala målen), loaded from data/sdg.csv. */
@Entity({ name: 'sdg' })
export class SdgEntity {
  /** 1 to 17. */
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'title_sv', type: 'text' })
  titleSv: string;

  @Column({ name: 'statement_en', type: 'text' })
  statementEn: string;

  @Column({ name: 'statement_sv', type: 'text' })
  statementSv: string;

  /** The official UN colour, #RRGGBB. */
  @Column({ type: 'text' })
  color: string;
}
