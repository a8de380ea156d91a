import { registerEnumType } from '@nestjs/graphql';

/** A list's values as an enum object (each name its own value), typed exactly as the list's union. */
export type EnumOf<V extends string> = { readonly [K in V]: K };

/**
 * Registers a GraphQL enum built from one of the domain's lists (`NEED_STATUSES`…), so the API has no
 * copy of the list to keep up: a value added to the domain appears in the schema, and code that maps
 * every value (a `Record<NeedStatus, …>`) stops compiling until it handles it. `valuesMap` describes
 * single values, keyed by the union, so a misspelt value does not compile either.
 */
export function enumFromList<const V extends string>(
  list: readonly V[],
  options: { name: string; description?: string; valuesMap?: Partial<Record<V, { description?: string; deprecationReason?: string }>> },
): EnumOf<V> {
  const values = Object.freeze(Object.fromEntries(list.map((value) => [value, value]))) as EnumOf<V>;
  registerEnumType(values, options);
  return values;
}
