import { createHash } from 'node:crypto';
import type { ImportMessage, ImportSeverity } from './import.repository.js';
import { DomainError } from '@samverka/domain';
import type { EntityManager } from 'typeorm';
import type { FieldProblem } from './rows/field-reader.js';

interface Place {
  line: number;
  item: string | null;
  externalId: string | null;
}

/** A row's problem as a message; a problem of the whole row (field "(row)") names no field. */
export function message(place: Place, severity: ImportSeverity, problem: FieldProblem): ImportMessage {
  const whole = problem.field.startsWith('(');
  return {
    severity,
    line: place.line,
    item: place.item,
    externalId: place.externalId,
    field: whole ? null : problem.field,
    message: whole ? `the ${problem.field.slice(1, -1)} ${problem.message}` : `${problem.field} ${problem.message}`,
  };
}

/**
 * A thrown error as a row's problem: a DomainError keeps its field (renamed to the file's name for it,
 * when the file calls it otherwise) and its message; anything else is the database refusing the row.
 */
export function problemOf(error: unknown, fieldNames: Partial<Record<string, string>> = {}): FieldProblem {
  if (error instanceof DomainError) {
    const field = error.field ? (fieldNames[error.field] ?? fieldNames[error.field.replace(/\.\d+$/, '')] ?? error.field) : '(row)';
    const text = error.field && error.message.startsWith(`${error.field} `) ? error.message.slice(error.field.length + 1) : error.message;
    return { field, message: text };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { field: '(row)', message: `could not be saved: ${detail}` };
}

/** Why a coordinator's row is refused: it lies outside the counties they coordinate. */
export function outsideRegion(county: string, counties: readonly string[]): string {
  return `is in county ${county}, outside the regions you coordinate (${counties.join(', ')}): coordinators import only into their own regions`;
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
