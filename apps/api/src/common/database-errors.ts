/** What PostgreSQL said when it refused a statement, wherever TypeORM put it. */
export function postgresError(error: unknown): { code?: string; constraint?: string; message?: string } {
  const e = error as { code?: string; constraint?: string; message?: string; driverError?: { code?: string; constraint?: string; message?: string } } | null;
  return { code: e?.driverError?.code ?? e?.code, constraint: e?.driverError?.constraint ?? e?.constraint, message: e?.driverError?.message ?? e?.message };
}

/** A unique index refused the row: any, or the one named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const refused = postgresError(error);
  return refused.code === '23505' && (constraint === undefined || refused.constraint === constraint);
}
