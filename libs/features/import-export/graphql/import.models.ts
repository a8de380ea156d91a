import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_SEVERITIES,
  IMPORT_STATUSES,
  type ImportFormat,
  type ImportKind,
  type ImportRunRow,
  type ImportSeverity,
  type ImportStatus,
  type StoredImportMessage,
} from '../import/import.repository.js';
import { IMPORT_NEED_STATUSES, type ImportNeedStatus } from '../import/rows/need-row.js';
import { importOptionsOf } from '../import/import-options.js';
import { ConnectionType, enumFromList, Node, DateTimeScalar } from '@samverka/engine';

export const ImportKindEnum = enumFromList(IMPORT_KINDS, {
  name: 'ImportKind',
  description: 'ENTERPRISES: social enterprises with their profiles (CSV, JSON Lines); NEEDS: needs (JSON Lines, CSV); OCDS: needs from an OCDS release or record package (JSON)',
  names: { ENTERPRISES: 'enterprises', NEEDS: 'needs', OCDS: 'ocds' },
});

export const ImportFormatEnum = enumFromList(IMPORT_FORMATS, { name: 'ImportFormat', names: { CSV: 'csv', JSONL: 'jsonl', JSON: 'json' } });

export const ImportStatusEnum = enumFromList(IMPORT_STATUSES, {
  name: 'ImportStatus',
  description: 'DONE: every row was read (some may be rejected: see rejected and messages); FAILED: the file could not be read to the end (see failure)',
});

export const ImportSeverityEnum = enumFromList(IMPORT_SEVERITIES, {
  name: 'ImportSeverity',
  description: 'ERROR: the row was rejected; WARNING: the row was imported, but something in it was left out or changed, or the row was skipped (see ImportRun.skipped)',
});

export const NeedImportStatusEnum = enumFromList(IMPORT_NEED_STATUSES, { name: 'NeedImportStatus' });

@ObjectType({ description: 'A problem found in one row of an import file' })
export class ImportMessage {
  @Field(() => Int)
  seq: number;

  @Field(() => ImportSeverityEnum)
  severity: ImportSeverity;

  @Field(() => Int, { nullable: true, description: 'The line of the file where the row (or the OCDS release or record) starts' })
  line: number | null;

  @Field(() => String, { nullable: true, description: 'The item within the file, for OCDS: releases[12] or records[3]' })
  item: string | null;

  @Field(() => String, { nullable: true, description: "The row's external id (for OCDS its ocid), when it could be read" })
  externalId: string | null;

  @Field(() => String, { nullable: true, description: 'The field at fault, as the file names it; null for the row as a whole' })
  field: string | null;

  @Field()
  message: string;

  static from(row: StoredImportMessage): ImportMessage {
    return Object.assign(new ImportMessage(), row);
  }
}

export const ImportMessageConnection = ConnectionType(ImportMessage);

@ObjectType({ description: 'An import and its progress; the counts grow as each batch of rows is committed', implements: () => [Node] })
export class ImportRun {
  @Field(() => ID)
  id: string;

  @Field(() => ImportKindEnum)
  kind: ImportKind;

  @Field(() => ImportFormatEnum)
  format: ImportFormat;

  @Field({ description: "The system the rows' external ids come from" })
  source: string;

  @Field(() => NeedImportStatusEnum, { nullable: true, description: 'Needs: the status of new needs whose row does not say' })
  needStatus: ImportNeedStatus | null;

  @Field(() => String, { nullable: true, description: 'Needs: the buyer of rows that name none' })
  buyer: string | null;

  @Field()
  fileName: string;

  @Field(() => Number, { nullable: true })
  sizeBytes: number | null;

  @Field({ description: 'api (an upload) or cli (the command line)' })
  via: string;

  @Field(() => ID, { nullable: true, description: 'The person who started it (null from the command line)' })
  requestedByUserId: string | null;

  @Field(() => [String], { nullable: true, description: "A coordinator's counties, which the rows had to lie in; null: anywhere" })
  scopeCountyCodes: string[] | null;

  @Field(() => ImportStatusEnum)
  status: ImportStatus;

  @Field(() => Int, { description: 'Rows read and committed so far' })
  rowsRead: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int, { description: 'Rows whose record already says what the row says (nothing was written)' })
  unchanged: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int, {
    description: 'Rows that are not records of the kind, read past with a WARNING saying why: OCDS releases whose tender is closed or missing (awards, contracts) are not needs',
  })
  skipped: number;

  @Field(() => Int)
  warnings: number;

  @Field(() => String, { nullable: true, description: 'Why the file could not be read to the end (FAILED)' })
  failure: string | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  static from(row: ImportRunRow): ImportRun {
    const options = importOptionsOf(row.options);
    return Object.assign(new ImportRun(), {
      id: row.id,
      kind: row.kind,
      format: row.format,
      source: row.source,
      needStatus: row.kind === 'enterprises' ? null : options.status,
      buyer: options.buyer,
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      via: row.via,
      requestedByUserId: row.requestedBy,
      scopeCountyCodes: row.scopeCounties,
      status: row.status,
      rowsRead: row.rowsRead,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      rejected: row.rejected,
      skipped: row.skipped,
      warnings: row.warnings,
      failure: row.failure,
      attempts: row.attempts,
      createdAt: new Date(row.createdAt),
      startedAt: row.startedAt ? new Date(row.startedAt) : null,
      finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
      updatedAt: new Date(row.updatedAt),
    });
  }
}

export const ImportRunConnection = ConnectionType(ImportRun);

@ObjectType()
export class StartImportPayload {
  @Field(() => ImportRun, { description: 'The run, QUEUED: follow it with importRun' })
  importRun: ImportRun;
}
