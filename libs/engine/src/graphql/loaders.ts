import { Injectable } from '@nestjs/common';

/**
 * Per-request batch loaders, so nested fields cost one query per level, not one per row. They live in
 * the request's GraphQL context: nothing is cached across requests. Each feature adds its loaders to
 * the global `SamverkaLoaders` interface and registers how to make them at start, in a `*.loaders.ts`
 * file of its own.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SamverkaLoaders {}
}
export type Loaders = SamverkaLoaders;

type LoaderMakers = { [K in keyof Loaders]?: () => Loaders[K] };

/** Collects the features' loaders and makes a fresh set for each request. */
@Injectable()
export class LoaderFactory {
  private readonly makers: LoaderMakers = {};

  register<K extends keyof Loaders>(name: K, make: () => Loaders[K]): void {
    if (this.makers[name]) throw new Error(`Two features register the loader "${String(name)}"`);
    (this.makers as Record<K, () => Loaders[K]>)[name] = make;
  }

  create(): Loaders {
    const loaders: Partial<Loaders> = {};
    for (const [name, make] of Object.entries(this.makers) as [keyof Loaders, () => Loaders[keyof Loaders]][]) {
      (loaders as Record<string, unknown>)[name] = make();
    }
    return loaders as Loaders;
  }
}

/** The rows in the order of their keys, null for a key without a row. */
export const byKey = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] => {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
};
export const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] => byKey(ids, rows, (row) => row.id);
/** Rows grouped under their keys, in the order they came; an empty list for a key without rows. */
export const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
};

/** Loads every key, throwing the first error instead of returning it in the list as `loadMany` does. */
export async function loadAll<K, V>(loader: { loadMany(keys: readonly K[]): Promise<(V | Error)[]> }, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const error = values.find((value): value is Error => value instanceof Error);
  if (error) throw error;
  return values as V[];
}
