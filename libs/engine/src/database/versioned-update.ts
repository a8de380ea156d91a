import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Applies `changes` to the record only if it still has `expectedVersion`, moving the version on, and
 * returns the record as the update left it (UPDATE … RETURNING, so no second read); null when someone
 * changed it first. One statement, so two writers cannot both pass the check.
 */
export async function updateIfVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: { column: string; value: string },
  expectedVersion: number,
  changes: ObjectLiteral,
): Promise<T | null> {
  const metadata = manager.connection.getMetadata(target);
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where(`${where.column} = :key AND version = :expectedVersion`, { key: where.value, expectedVersion })
    .returning(metadata.columns.map((column) => column.propertyPath))
    .execute();
  const [row] = result.raw as Record<string, unknown>[];
  if (!row) return null;
  // Hydrated as a SELECT would be: the driver's conversions and the columns' transformers (bigint).
  const record = metadata.create() as T;
  for (const column of metadata.columns) column.setEntityValue(record, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  return record;
}
