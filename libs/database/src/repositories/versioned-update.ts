import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Applies `changes` to the record only if it still has `expectedVersion`, moving the version on; false
 * when someone changed it first. One statement, so two writers cannot both pass the check.
 */
export async function updateIfVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: { column: string; value: string },
  expectedVersion: number,
  changes: ObjectLiteral,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where(`${where.column} = :key AND version = :expectedVersion`, { key: where.value, expectedVersion })
    .execute();
  return (result.affected ?? 0) === 1;
}
