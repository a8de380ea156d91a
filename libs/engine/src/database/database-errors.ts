import { DomainError } from '@samverka/domain';

/** The SQLSTATE codes of the refusals the repositories translate (PostgreSQL, Appendix A). */
export const SQLSTATE = {
  integrityConstraintViolation: '23000',
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  raiseException: 'P0001',
} as const;

/** What PostgreSQL said when it refused a statement: the fields `pg` gives, wherever TypeORM put them. */
export interface PostgresRefusal {
  /** The SQLSTATE code, e.g. 23505. */
  code: string;
  /** The constraint (or the trigger's `CONSTRAINT =`) that refused, when PostgreSQL names one. */
  constraint: string | null;
  message: string;
  /** The DETAIL line; the repositories' triggers put what the translation needs there. */
  detail: string | null;
}

/** A repository's own refusals: each constraint (or trigger) name it knows, with the error a user gets. */
export type RefusalMap = Readonly<Record<string, (refusal: PostgresRefusal) => DomainError>>;

type DriverFields = { code?: unknown; constraint?: unknown; message?: unknown; detail?: unknown };

/** The refusal in a TypeORM QueryFailedError (its driverError) or a bare `pg` error; null for anything else. */
export function postgresRefusal(error: unknown): PostgresRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const outer = error as DriverFields & { driverError?: DriverFields };
  const fields = typeof outer.driverError === 'object' && outer.driverError !== null ? outer.driverError : outer;
  if (typeof fields.code !== 'string' || !/^[0-9A-Z]{5}$/.test(fields.code)) return null;
  return {
    code: fields.code,
    constraint: typeof fields.constraint === 'string' ? fields.constraint : null,
    message: typeof fields.message === 'string' ? fields.message : '',
    detail: typeof fields.detail === 'string' ? fields.detail : null,
  };
}

/**
 * The DomainError for a refusal of one of the constraints in `map` (unique, check, foreign key,
 * exclusion, or a trigger's RAISE naming a constraint); any other error comes back as it is. Meant as
 * `throw translate(error, REFUSALS)`, so constraint names and trigger texts stay in the repository.
 */
export function translate(error: unknown, map: RefusalMap): unknown {
  const refusal = postgresRefusal(error);
  if (!refusal?.constraint || !Object.hasOwn(map, refusal.constraint)) return error;
  return map[refusal.constraint]!(refusal);
}

/** Runs a write and translates its refusal (see translate). */
export async function translating<T>(map: RefusalMap, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translate(error, map);
  }
}
