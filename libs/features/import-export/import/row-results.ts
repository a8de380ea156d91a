import { createHash } from 'node:crypto';
import type { ImportMessage, ImportSeverity } from './import.repository.js';
import { DomainError, message as catalogueMessage, type Message } from '@samverka/domain';
import type { EntityManager } from 'typeorm';
import { problem, type FieldProblem } from './rows/field-reader.js';

interface Place {
  line: number;
  item: string | null;
  externalId: string | null;
}

/** A row's problem as a message; a problem of the whole row (field "(row)") names no field. */
export function message(place: Place, severity: ImportSeverity, problem: FieldProblem): ImportMessage {
  const whole = problem.field.startsWith('(');
  return { severity, line: place.line, item: place.item, externalId: place.externalId, field: whole ? null : problem.field, message: problem.message };
}

/** The file's name for a field the rules name (`cpvCodes.2` → `tender.items[2].classification.id` in OCDS), else the field. */
export function fileFieldName(field: string, fieldNames: Partial<Record<string, string>>): string {
  return fieldNames[field] ?? fieldNames[field.replace(/\.\d+$/, '')] ?? field;
}

/**
 * A thrown error as the row's problems: a DomainError's every field problem (under the file's name for
 * the field, when the file calls it otherwise), or its message for the row as a whole; anything else is
 * the database refusing the row.
 */
export function problemsOf(error: unknown, fieldNames: Partial<Record<string, string>> = {}): FieldProblem[] {
  if (error instanceof DomainError) {
    if (error.fields.length === 0) return [{ field: '(row)', message: error.detail }];
    return error.fields.map((f) => ({ field: fileFieldName(f.path.join('.'), fieldNames), message: f.message }));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return [problem('(row)', 'importExport.rowNotSaved', { detail })];
}

/** Why a coordinator's row is refused: it lies outside the counties they coordinate (`name`: what lies there, when not the row's own place). */
export function outsideRegion(county: string, counties: readonly string[], name?: string): Message {
  const params = { county, counties: counties.join(', ') };
  return name === undefined ? catalogueMessage('importExport.outsideRegion', params) : catalogueMessage('importExport.namedOutsideRegion', { ...params, name });
}

/** Runs `work` under a savepoint: when it throws, what it wrote is rolled back and the transaction goes on. */
export async function withSavepoint<T>(manager: EntityManager, name: string, work: () => Promise<T>): Promise<T> {
  await manager.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await manager.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

/** A stable fingerprint of what a row says once checked: the same row imported again has the same hash. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

/** JSON with object keys sorted, so equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    return v;
  });
}
