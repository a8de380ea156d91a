import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationKind } from '@samverka/domain';

export type EmailStatus = 'NONE' | 'PENDING' | 'SENT' | 'LOGGED' | 'FAILED';

/** One message in a person's inbox, written in Swedish and English when it was made. */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  /** The organisation on whose behalf the person is told, if any. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'title_sv', type: 'text' })
  titleSv: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'body_sv', type: 'text' })
  bodySv: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** The same event never reaches a person twice. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  /** false: the person turned the inbox off for this kind; the row is kept for its e-mail. */
  @Column({ name: 'in_app', type: 'boolean' })
  inApp: boolean;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'email_status', type: 'text' })
  emailStatus: EmailStatus;

  @Column({ name: 'email_attempts', type: 'integer' })
  emailAttempts: number;

  /** No delivery attempt before this: while one runs, its lease; after a failure, its backoff. */
  @Column({ name: 'email_next_attempt_at', type: 'timestamptz', nullable: true })
  emailNextAttemptAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ name: 'email_error', type: 'text', nullable: true })
  emailError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A person's choice, per kind, of the inbox and e-mail; no row means both on. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'in_app', type: 'boolean' })
  inApp: boolean;

  @Column({ type: 'boolean' })
  email: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
