import { type AuditActorKind, type OrganizationEntity } from '@samverka/schema';
import type { ImportEntityType, ImportFormat, ImportMessage } from './import.repository.js';
import type { CodeLists } from '@samverka/reference-data';
import { type NeedValidator, type ProfileValidator } from '@samverka/marketplace';
import type { OrganizationValidator } from '@samverka/organizations';
import type { Transaction } from '@samverka/engine';
import type { FieldProblem } from './rows/field-reader.js';
import type { ImportNeedStatus } from './rows/need-row.js';
import type { SourceRow } from './sources/source-row.js';

/** What an import run was asked to do, beyond its file (stored with the run). */
export interface ImportOptions {
  /** Names the system the external ids come from; importing again from the same source updates its records. */
  source: string;
  /** Needs: the status of new needs when a row does not say (DRAFT unless asked). */
  status: ImportNeedStatus;
  /** Needs: the buyer (organisation id or organisationsnummer) of rows that name none. */
  buyer: string | null;
  /** OCDS: kronor per unit of other currencies. */
  exchangeRates: Record<string, number>;
}

/** What every row of a run is checked and written with. */
export interface ImportContext {
  runId: string;
  format: ImportFormat;
  options: ImportOptions;
  /** The counties rows must lie in (a coordinator's); null: anywhere. */
  counties: readonly string[] | null;
  actor: { kind: AuditActorKind; userId: string | null };
  now: Date;
  codes: CodeLists;
  organizations: OrganizationValidator;
  profiles: ProfileValidator;
  needs: NeedValidator;
  /** Buyers looked up by this run, by id or organisationsnummer (null: not found); each run has its own. */
  buyers: Map<string, OrganizationEntity | null>;
}

/** A row read from the file: its place, its external id and what it says, or what is wrong with it. */
export interface ReadRow<R> {
  line: number;
  item: string | null;
  externalId: string | null;
  record?: R;
  problems: FieldProblem[];
  warnings: FieldProblem[];
  /** Why the row is not a record of this kind at all (an OCDS release past its tender): skipped, not rejected. */
  skipped?: FieldProblem;
}

/** A row whose record passed every check, ready to be written. */
export interface CheckedRow<C> {
  line: number;
  item: string | null;
  externalId: string;
  checked: C;
  warnings: FieldProblem[];
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected' | 'skipped';

export interface RowResult {
  outcome: RowOutcome;
  /** Errors (rejected) and warnings (and why a row was skipped), with the row's place. */
  messages: ImportMessage[];
  /** A profile the row created or changed: its matches follow. */
  profileChanged?: string;
  /** A need the row created or changed. */
  needChanged?: string;
}

/** One kind of import: how its files are read, its rows checked, and its records written. */
export interface KindImporter<R, C> {
  readonly entityType: ImportEntityType;
  readonly formats: readonly ImportFormat[];
  /** Whether one external id may come more than once in a file (OCDS: the releases of one process). */
  readonly repeatsAllowed: boolean;
  rows(bytes: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<SourceRow>;
  read(row: SourceRow, context: ImportContext): ReadRow<R>;
  /** Checks a record against every rule, without writing; throws a DomainError naming the field. */
  check(record: R, context: ImportContext): Promise<C>;
  /** Writes the batch in the transaction, each row whole or not at all. */
  apply(rows: readonly CheckedRow<C>[], context: ImportContext, tx: Transaction): Promise<RowResult[]>;
}
