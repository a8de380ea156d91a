import { registerEnumType } from '@nestjs/graphql';

/** A list's values as an enum object (each name its own value), typed exactly as the list's union. */
export type EnumOf<V extends string> = { readonly [K in V]: K };

/** What a value, or a name, may say of itself in the schema. */
type ValueOptions = { description?: string; deprecationReason?: string };

/** The names of `names` that share their value with another name. */
type SharedNames<N extends Record<string, string>> = { [K in keyof N]: N[K] extends N[Exclude<keyof N, K>] ? K : never }[keyof N];

/**
 * `unknown` when `names` gives every value of `V` exactly one name; otherwise a property that `names`
 * lacks, whose key says which values have no name or which names share one, so the call does not compile.
 */
export type NamesCover<N extends Record<string, string>, V extends string> = [Exclude<V, N[keyof N]>] extends [never]
  ? [SharedNames<N>] extends [never]
    ? unknown
    : { [K in `these names share a value: ${SharedNames<N> & string}`]: never }
  : { [K in `this value has no name: ${Exclude<V, N[keyof N]>}`]: never };

/**
 * Registers a GraphQL enum built from one of the domain's lists (`NEED_STATUSES`…), so the API has no
 * copy of the list to keep up: a value added to the domain appears in the schema, and code that maps
 * every value (a `Record<NeedStatus, …>`) stops compiling until it handles it. `valuesMap` describes
 * single values, keyed by the union, so a misspelt value does not compile either.
 *
 * When the schema names the values otherwise than the list spells them (`ENTERPRISES` for
 * `enterprises`), `names` maps each GraphQL name to its value; it must name every value of the list
 * exactly once, or the call does not compile (a value added to the list included), and `valuesMap` is
 * then keyed by the names.
 */
export function enumFromList<const V extends string, const N extends Record<string, NoInfer<V>> = EnumOf<V>>(
  list: readonly V[],
  options: { name: string; description?: string; names?: N & NamesCover<N, NoInfer<V>>; valuesMap?: Partial<Record<NoInfer<keyof N>, ValueOptions>> },
): Readonly<N> {
  const { names, ...enumOptions } = options;
  const entries = names ? Object.entries(names) : list.map((value) => [value, value] as const);
  const named = entries.map(([, value]) => value);
  // The types check this already; a list widened to string[] would slip past them, not past this.
  if (named.length !== list.length || !list.every((value) => named.includes(value)))
    throw new Error(`GraphQL enum ${options.name} must name each of ${list.join(', ')} once (names ${named.join(', ')})`);
  const values = Object.freeze(Object.fromEntries(entries)) as Readonly<N>;
  registerEnumType(values, enumOptions);
  return values;
}
