import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { NewOrganization } from '@samverka/organizations';
import { profileSearchParts, type ProfileFields } from '@samverka/marketplace';
import type { AuditActorKind } from '@samverka/schema';
import type { ErrorDetail, Language } from '@samverka/domain';
import { t, textOf } from '@samverka/engine';

export const IMPORT_KINDS = ['enterprises', 'needs', 'ocds'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv', 'jsonl', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportEntityType = 'organization' | 'need';
export const IMPORT_SEVERITIES = ['ERROR', 'WARNING'] as const;
export type ImportSeverity = (typeof IMPORT_SEVERITIES)[number];

export interface ImportCounts {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows that are not records of the kind (OCDS releases past their tender): read past, with a message. */
  skipped: number;
  warnings: number;
}

export interface ImportRunRow extends ImportCounts {
  id: string;
  kind: ImportKind;
  format: ImportFormat;
  source: string;
  options: Record<string, unknown>;
  fileId: string | null;
  fileName: string;
  sizeBytes: number | null;
  via: 'api' | 'cli';
  requestedBy: string | null;
  /** The coordinator's counties when the run was started; null: no limit (administrators, the command line). */
  scopeCounties: string[] | null;
  status: ImportStatus;
  messagesKept: number;
  /** Why the run failed, in Swedish (all that runs from before the catalogue have). */
  failure: string | null;
  /** Why the run failed, as a message of the catalogue, with the line of the file it names. */
  failureDetail: ImportFailure | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

export type NewImportRun = Pick<ImportRunRow, 'kind' | 'format' | 'source' | 'options' | 'fileId' | 'fileName' | 'sizeBytes' | 'via' | 'requestedBy' | 'scopeCounties'>;

/** Why a run failed: a message of the catalogue (or a text from outside it), and the line of the file when it names one. */
export type ImportFailure = ErrorDetail & { line?: number | null };

export interface ImportMessage {
  severity: ImportSeverity;
  /** Line in the file where the row starts (CSV, JSON Lines; the line of the release or record in OCDS). */
  line: number | null;
  /** The item within the file, e.g. `releases[12]`, when the format has items rather than lines. */
  item: string | null;
  externalId: string | null;
  field: string | null;
  /** What is wrong, as a message of the catalogue: put into the reader's language when read. */
  message: ErrorDetail;
}

export interface StoredImportMessage extends Omit<ImportMessage, 'message'> {
  seq: number;
  /** The message as stored: its key and parameters, or null for a message from before the catalogue (then `text` alone). */
  detail: ErrorDetail | null;
  /** The message in Swedish. */
  text: string;
}

export interface ImportMapping {
  externalId: string;
  recordId: string;
  contentHash: string;
  sourceVersion: string | null;
}

export interface NewImportMapping extends ImportMapping {
  source: string;
  entityType: ImportEntityType;
  runId: string;
}

export interface NewImportedEnterprise {
  organization: NewOrganization;
  profile: ProfileFields;
}

const RUN_COLUMNS = `
  id, kind, format, source, options, file_id AS "fileId", file_name AS "fileName", size_bytes::float8 AS "sizeBytes", via,
  requested_by AS "requestedBy", scope_counties AS "scopeCounties", status, rows_read AS "rowsRead", created, updated, unchanged,
  rejected, skipped, warnings, messages_kept AS "messagesKept", failure, failure_detail AS "failureDetail", attempts, created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt", updated_at AS "updatedAt"`;

/** At most this many messages are kept per run; the counts go on counting. */
export const MAX_IMPORT_MESSAGES = 10_000;

/**
 * Import runs (their progress and messages) and the mapping of each import source's external ids to the
 * records they made. Writes take the caller's transaction: a batch of rows, its messages and its counts
 * are committed together, so the progress shown is exactly what is in the database.
 */
export class ImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async createRun(run: NewImportRun, manager?: EntityManager): Promise<ImportRunRow> {
    const rows: ImportRunRow[] = await this.q(manager).query(
      `INSERT INTO import_run (kind, format, source, options, file_id, file_name, size_bytes, via, requested_by, scope_counties)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10) RETURNING ${RUN_COLUMNS}`,
      [run.kind, run.format, run.source, JSON.stringify(run.options), run.fileId, run.fileName, run.sizeBytes, run.via, run.requestedBy, run.scopeCounties],
    );
    return rows[0];
  }

  async findRun(id: string, manager?: EntityManager): Promise<ImportRunRow | null> {
    const rows: ImportRunRow[] = await this.q(manager).query(`SELECT ${RUN_COLUMNS} FROM import_run WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findRuns(ids: readonly string[]): Promise<ImportRunRow[]> {
    if (ids.length === 0) return [];
    return this.q().query(`SELECT ${RUN_COLUMNS} FROM import_run WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Newest first, keyset-paged on (created_at, id); only those of one person when `requestedBy` is given. */
  async listRuns(
    filter: { requestedBy?: string },
    page: { limit: number; after?: { createdAt: string; id: string } },
  ): Promise<{ rows: ImportRunRow[]; sortValues: string[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.requestedBy) {
      params.push(filter.requestedBy);
      where.push(`requested_by = $${params.length}`);
    }
    const [{ total }] = await this.q().query(`SELECT count(*)::int AS total FROM import_run ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    if (page.after) {
      params.push(page.after.createdAt, page.after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.limit + 1);
    // The sort value as PostgreSQL prints it (microseconds kept): a cursor made from a JavaScript Date would
    // lose them and skip runs created within the same millisecond.
    const found: (ImportRunRow & { sortValue: string })[] = await this.q().query(
      `SELECT ${RUN_COLUMNS}, created_at::text AS "sortValue" FROM import_run ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return { rows: found.map(({ sortValue: _, ...row }) => row), sortValues: found.map((r) => r.sortValue), total };
  }

  /**
   * Claims the run: marks it as running and counts the attempt. A RUNNING run is taken over only when its
   * last progress (updated_at, set by every committed batch) is older than `staleAfterMs`, so two jobs
   * never run one import at once. Null when it is finished, or still running elsewhere.
   */
  async start(id: string, staleAfterMs: number): Promise<ImportRunRow | null> {
    const [rows]: [ImportRunRow[], number] = await this.q().query(
      `UPDATE import_run SET status = 'RUNNING', attempts = attempts + 1, started_at = COALESCE(started_at, now()), updated_at = now()
       WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND updated_at < now() - $2 * interval '1 millisecond'))
       RETURNING ${RUN_COLUMNS}`,
      [id, staleAfterMs],
    );
    return rows[0] ?? null;
  }

  /** Gives a claimed run back (its job failed and will be retried): QUEUED again, for the next attempt to claim. */
  async release(id: string): Promise<void> {
    await this.q().query(`UPDATE import_run SET status = 'QUEUED', updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [id]);
  }

  /** Adds a batch's counts and messages, in the batch's transaction. */
  async recordBatch(id: string, counts: ImportCounts, messages: readonly ImportMessage[], manager: EntityManager): Promise<void> {
    const [rows]: [{ messages_kept: number }[], number] = await manager.query(
      `UPDATE import_run SET rows_read = rows_read + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
         rejected = rejected + $6, skipped = skipped + $7, warnings = warnings + $8, updated_at = now()
       WHERE id = $1 RETURNING messages_kept`,
      [id, counts.rowsRead, counts.created, counts.updated, counts.unchanged, counts.rejected, counts.skipped, counts.warnings],
    );
    const kept = rows[0]?.messages_kept ?? MAX_IMPORT_MESSAGES;
    const room = Math.max(0, MAX_IMPORT_MESSAGES - kept);
    const stored = messages.slice(0, room);
    if (stored.length === 0) return;
    await manager.query(
      `INSERT INTO import_message (run_id, seq, severity, line, item, external_id, field, message, detail)
       SELECT $1, r.seq, r.severity, r.line, r.item, r.external_id, r.field, r.message, r.detail
       FROM jsonb_to_recordset($2::jsonb) AS r(seq integer, severity text, line integer, item text, external_id text, field text, message text, detail jsonb)`,
      [
        id,
        JSON.stringify(
          stored.map((m, i) => ({
            seq: kept + i,
            severity: m.severity,
            line: m.line,
            item: m.item,
            external_id: m.externalId,
            field: m.field,
            message: textOf(m.message),
            detail: m.message,
          })),
        ),
      ],
    );
    await manager.query(`UPDATE import_run SET messages_kept = messages_kept + $2 WHERE id = $1`, [id, stored.length]);
  }

  async finish(id: string, status: 'DONE' | 'FAILED', failure: ImportFailure | null = null): Promise<ImportRunRow | null> {
    const [rows]: [ImportRunRow[], number] = await this.q().query(
      `UPDATE import_run SET status = $2, failure = $3, failure_detail = $4::jsonb, finished_at = now(), updated_at = now() WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
      [id, status, failure && failureText(failure), failure && JSON.stringify(failure)],
    );
    return rows[0] ?? null;
  }

  /** The run's messages in the order they were found, a page at a time. */
  async messages(id: string, page: { limit: number; afterSeq?: number }, severity?: ImportSeverity): Promise<{ rows: StoredImportMessage[]; total: number }> {
    const [{ total }] = await this.q().query(`SELECT count(*)::int AS total FROM import_message WHERE run_id = $1 AND ($2::text IS NULL OR severity = $2)`, [id, severity ?? null]);
    const rows: StoredImportMessage[] = await this.q().query(
      `SELECT seq, severity, line, item, external_id AS "externalId", field, message AS text, detail FROM import_message
       WHERE run_id = $1 AND seq > $2 AND ($3::text IS NULL OR severity = $3) ORDER BY seq LIMIT $4`,
      [id, page.afterSeq ?? -1, severity ?? null, page.limit + 1],
    );
    return { rows, total };
  }

  // ------------------------------------------------------------ mappings

  /** The records these external ids of `source` made, by external id. */
  async mappings(source: string, entityType: ImportEntityType, externalIds: readonly string[], manager?: EntityManager): Promise<Map<string, ImportMapping>> {
    if (externalIds.length === 0) return new Map();
    const rows: ImportMapping[] = await this.q(manager).query(
      `SELECT external_id AS "externalId", COALESCE(organization_id, need_id) AS "recordId", content_hash AS "contentHash", source_version AS "sourceVersion"
       FROM import_mapping WHERE source = $1 AND entity_type = $2 AND external_id = ANY($3::text[])`,
      [source, entityType, externalIds],
    );
    return new Map(rows.map((r) => [r.externalId, r]));
  }

  /** The import sources that made these records, by record id. */
  async sourcesOf(entityType: ImportEntityType, recordIds: readonly string[], manager?: EntityManager): Promise<Map<string, { source: string; externalId: string }>> {
    if (recordIds.length === 0) return new Map();
    const column = entityType === 'organization' ? 'organization_id' : 'need_id';
    const rows: { recordId: string; source: string; externalId: string }[] = await this.q(manager).query(
      `SELECT ${column} AS "recordId", source, external_id AS "externalId" FROM import_mapping WHERE ${column} = ANY($1::uuid[])`,
      [recordIds],
    );
    return new Map(rows.map((r) => [r.recordId, { source: r.source, externalId: r.externalId }]));
  }

  async saveMappings(mappings: readonly NewImportMapping[], manager: EntityManager): Promise<void> {
    if (mappings.length === 0) return;
    await manager.query(
      `INSERT INTO import_mapping (source, entity_type, external_id, organization_id, need_id, content_hash, source_version, run_id)
       SELECT r.source, r.entity_type, r.external_id, r.organization_id, r.need_id, r.content_hash, r.source_version, r.run_id
       FROM jsonb_to_recordset($1::jsonb) AS r(source text, entity_type text, external_id text, organization_id uuid, need_id uuid, content_hash text, source_version text, run_id uuid)
       ON CONFLICT (source, entity_type, external_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, source_version = EXCLUDED.source_version,
         run_id = EXCLUDED.run_id, imported_at = now()`,
      [
        JSON.stringify(
          mappings.map((m) => ({
            source: m.source,
            entity_type: m.entityType,
            external_id: m.externalId,
            organization_id: m.entityType === 'organization' ? m.recordId : null,
            need_id: m.entityType === 'need' ? m.recordId : null,
            content_hash: m.contentHash,
            source_version: m.sourceVersion,
            run_id: m.runId,
          })),
        ),
      ],
    );
  }

  // ------------------------------------------------------------ bulk writes

  /**
   * Creates social enterprises with their profiles, all in three statements; returns the new ids in the
   * order given. Used by imports for a batch of rows already checked; if it fails, the caller rolls back
   * to a savepoint and creates the rows one at a time instead. They are created verified, by `verified`:
   * an administrator or a coordinator of their county imported them (or an operator, from the command line).
   */
  async createEnterprises(rows: readonly NewImportedEnterprise[], verified: { at: Date; by: string | null }, manager: EntityManager): Promise<string[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(() => randomUUID());
    await manager.query(
      `INSERT INTO organization (id, kind, name, org_number, municipality_code, county_code, website, verified, verified_at, verified_by)
       SELECT r.id, r.kind, r.name, r.org_number, r.municipality_code, r.county_code, r.website, true, $2::timestamptz, $3::uuid
       FROM jsonb_populate_recordset(NULL::organization, $1::jsonb) AS r`,
      [
        JSON.stringify(
          rows.map(({ organization: o }, i) => ({
            id: ids[i],
            kind: o.kind,
            name: o.name,
            org_number: o.orgNumber,
            municipality_code: o.municipalityCode,
            county_code: o.countyCode,
            website: o.website,
          })),
        ),
        verified.at,
        verified.by,
      ],
    );
    await manager.query(
      `INSERT INTO enterprise_profile (organization_id, description, services, cpv_codes, sdgs, nationwide, municipality_codes, county_codes,
         employees, annual_turnover_sek, max_contract_sek, legal_form, ideburen, work_integrating, far_from_labour_market_share, certifications,
         search_parts, search_parts_version)
       SELECT r.organization_id, r.description, r.services, r.cpv_codes, r.sdgs, r.nationwide, r.municipality_codes, r.county_codes,
         r.employees, r.annual_turnover_sek, r.max_contract_sek, r.legal_form, r.ideburen, r.work_integrating, r.far_from_labour_market_share, r.certifications,
         r.search_parts, r.search_parts_version
       FROM jsonb_populate_recordset(NULL::enterprise_profile, $1::jsonb) AS r`,
      [JSON.stringify(rows.map(({ profile }, i) => profileRecord(ids[i], profile)))],
    );
    return ids;
  }

  /** Appends audit events in bulk (one statement), in the caller's transaction. */
  async audit(
    events: readonly { action: string; entityType: string; entityId: string; data: Record<string, unknown> }[],
    actor: { kind: AuditActorKind; userId: string | null },
    manager: EntityManager,
  ): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, actor_kind, action, entity_type, entity_id, data)
       SELECT $1, $2, r.action, r.entity_type, r.entity_id, r.data FROM jsonb_to_recordset($3::jsonb) AS r(action text, entity_type text, entity_id text, data jsonb)`,
      [actor.userId, actor.kind, JSON.stringify(events.map((e) => ({ action: e.action, entity_type: e.entityType, entity_id: e.entityId, data: e.data })))],
    );
  }
}

/** Why a run failed, in a language (Swedish unless asked), with the line it names. */
export function failureText(failure: ImportFailure, language?: Language): string {
  const { line, ...detail } = failure;
  const text = textOf(detail as ErrorDetail, language);
  return line === null || line === undefined ? text : t('importExport.atLine', { line, problem: text }, language);
}

/** A profile as a row of enterprise_profile, for jsonb_populate_recordset. */
function profileRecord(organizationId: string, p: ProfileFields) {
  const parts = profileSearchParts(p);
  return {
    organization_id: organizationId,
    description: p.description,
    services: p.services,
    cpv_codes: p.cpvCodes,
    sdgs: p.sdgs,
    nationwide: p.nationwide,
    municipality_codes: p.municipalityCodes,
    county_codes: p.countyCodes,
    employees: p.employees,
    annual_turnover_sek: p.annualTurnoverSek,
    max_contract_sek: p.maxContractSek,
    legal_form: p.legalForm,
    ideburen: p.ideburen,
    work_integrating: p.workIntegrating,
    far_from_labour_market_share: p.farFromLabourMarketShare,
    certifications: p.certifications,
    search_parts: parts.searchParts,
    search_parts_version: parts.searchPartsVersion,
  };
}
