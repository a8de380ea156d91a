import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DomainError, FieldProblems } from '@samverka/domain';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay-style page arguments; `first` is capped at MAX_PAGE_SIZE. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items on the page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string;
}

/** A validated page request: how many, and the decoded cursor (undefined for the first page). */
export interface PageRequest {
  limit: number;
  after?: string;
}

export function pageRequest(args: PageArgs): PageRequest {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  const problems = new FieldProblems();
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    problems.add('first', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 1, max: MAX_PAGE_SIZE });
  }
  let after: string | undefined;
  if (args.after !== undefined && args.after !== null) problems.absorb(() => (after = decodeCursor(args.after!)));
  problems.throwIfAny();
  return { limit, after };
}

/** Cursors are opaque to clients: base64url of the sort key the repository pages by. */
export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('c:') || encodeCursor(decoded.slice(2)) !== cursor) {
    throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
  }
  return decoded.slice(2);
}

/**
 * Relay's PageInfo. Pages go forward only (`first`/`after`, on keyset cursors): `hasPreviousPage` says
 * whether the page was asked for after a cursor, i.e. whether an earlier page exists (the row the
 * cursor names came before it).
 */
@ObjectType({ description: 'Where the page lies in the whole list; pages go forward with first and after' })
export class PageInfo {
  @Field({ description: 'More items follow the last one of this page: ask for them with after: endCursor' })
  hasNextPage: boolean;

  @Field({ description: 'The page was asked for after a cursor, so items come before it' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null for an empty page" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as after for the next page; null for an empty page" })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds a page from `rows` fetched with LIMIT `limit + 1` (the extra row says whether a next page
 * exists); `keyOf` gives the sort key each cursor encodes.
 */
export function toConnection<T>(rows: T[], request: PageRequest, totalCount: number, keyOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > request.limit,
      hasPreviousPage: request.after !== undefined,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The GraphQL type of a connection of `T`, named `<T>Connection` with its `<T>Edge`. */
export function ConnectionType<T>(item: Type<T>): Type<Connection<T>> {
  @ObjectType(`${item.name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => item)
    node: T;
  }

  @ObjectType(`${item.name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [item])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Query cost of a paged field: its children once per requested item. */
export const pagedComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }): number =>
  1 + (args.first ?? DEFAULT_PAGE_SIZE) * childComplexity;

/** Query cost of an unpaged list field, counted as `expected` items. */
export const listComplexity =
  (expected: number) =>
  ({ childComplexity }: { childComplexity: number }): number =>
    1 + expected * childComplexity;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key a keyset cursor encodes: the row's sort value (as text) and its id. */
export function keysetKey(value: string, id: string): string {
  return JSON.stringify([value, id]);
}

/** What a sort value of each SQL type looks like as PostgreSQL prints it. */
const SORT_VALUE_SHAPES: Record<string, RegExp> = {
  timestamptz: /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?|-?infinity)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  bigint: /^-?\d{1,18}$/,
  real: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
  text: /^[\s\S]{0,1000}$/,
};

/**
 * The position an `after` cursor names, checked against the SQL type of the sort it must belong to (a
 * cursor from another sort, or a forged one, is refused before it reaches the database).
 */
export function parseKeysetKey(key: string | undefined, sqlType: string): { value: string; id: string } | undefined {
  if (key === undefined) return undefined;
  try {
    const [value, id] = JSON.parse(key) as unknown[];
    if (typeof value === 'string' && SORT_VALUE_SHAPES[sqlType]?.test(value) && typeof id === 'string' && UUID.test(id)) return { value, id };
  } catch {
    // falls through to the error below
  }
  throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
}

/** A connection from rows fetched with their sort values (see the repositories' search methods). */
export function keysetConnection<E, T>(
  result: { rows: E[]; sortValues: string[]; total: number },
  request: PageRequest,
  idOf: (row: E) => string,
  map: (row: E) => T,
): Connection<T> {
  const keys = new Map(result.rows.map((row, i) => [row, keysetKey(result.sortValues[i], idOf(row))]));
  const mapped = result.rows.map((row) => ({ row, node: map(row) }));
  const connection = toConnection(mapped, request, result.total, (m) => keys.get(m.row)!);
  return { ...connection, nodes: connection.nodes.map((m) => m.node), edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })) };
}
