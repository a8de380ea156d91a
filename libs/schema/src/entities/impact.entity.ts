import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImpactReportStatus, ImpactTheme, ImpactUnit } from '@samverka/domain';
import { numericNumber } from './transformers.js';
import { VersionedRecord } from './versioned-record.js';

/** An indicator of the shared catalogue: what is counted, in which unit, and how. */
@Entity({ name: 'impact_indicator' })
export class ImpactIndicatorEntity extends VersionedRecord {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  theme: ImpactTheme;

  @Column({ name: 'name_sv', type: 'text' })
  nameSv: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  unit: ImpactUnit;

  @Column({ type: 'smallint', array: true })
  sdgs: number[];

  @Column({ name: 'method_sv', type: 'text' })
  methodSv: string;

  @Column({ name: 'method_en', type: 'text' })
  methodEn: string;

  /** A retired indicator stays for the reports that used it but is not chosen for new targets. */
  @Column({ type: 'boolean' })
  active: boolean;
}

/** An indicator a partnership measures, with the value agreed for its whole term. */
@Entity({ name: 'partnership_target' })
export class PartnershipTargetEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @PrimaryColumn({ name: 'indicator_code', type: 'text' })
  indicatorCode: string;

  @Column({ type: 'numeric', precision: 14, scale: 3, transformer: numericNumber })
  target: number;

  @Column({ type: 'text' })
  note: string;
}

/** The enterprise's report of one period's impact; the buyer confirms it, and then it is locked. */
@Entity({ name: 'impact_report' })
export class ImpactReportEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  /** 1 for a first report; a correction is the next revision of the report it corrects. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'corrects_id', type: 'uuid', nullable: true })
  correctsId: string | null;

  @Column({ type: 'text' })
  status: ImpactReportStatus;

  @Column({ type: 'text' })
  narrative: string;

  @Column({ name: 'return_comment', type: 'text' })
  returnComment: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}

@Entity({ name: 'impact_report_value' })
export class ImpactReportValueEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ name: 'indicator_code', type: 'text' })
  indicatorCode: string;

  @Column({ type: 'numeric', precision: 14, scale: 3, transformer: numericNumber })
  value: number;
}
