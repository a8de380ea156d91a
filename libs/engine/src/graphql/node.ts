import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Args, Context, Field, ID, InterfaceType, Query, Resolver } from '@nestjs/graphql';
import { assertId, DomainError } from '@samverka/domain';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Database } from '../database/database.js';
import { Public } from './authorize.decorator.js';
import { byKey, LoaderFactory } from './loaders.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import type { RequestContext } from './request-context.js';

declare global {
  interface SamverkaLoaders {
    /** The node type an id belongs to (null for an id no node has), found in one statement per batch. */
    nodeType: DataLoader<string, string | null>;
  }
}

/** An object with an id of its own (a UUID, the database's), which `node` and `nodes` find. */
@InterfaceType('Node', { description: 'An object with an id of its own, unique across all types: fetch it again with node(id:)' })
export abstract class Node {
  @Field(() => ID, { description: "The record's id (a UUID), as in exports and URLs" })
  id: string;
}

/**
 * A node type as a feature registers it: its GraphQL name, the table whose `id` column (uuid) holds its
 * ids, and how to load the nodes the request's actor may see, through the request's loaders and with
 * the same rule as the type's own lookup (null where the id is unknown or the record hidden).
 */
export interface NodeType {
  name: string;
  table: string;
  load(ids: readonly string[], context: RequestContext): Promise<(Node | null)[]>;
}

/** The most ids `nodes` takes at once, as many as a page holds. */
export const MAX_NODES = MAX_PAGE_SIZE;

/** Finds which registered table holds each id: one statement for all tables, an index probe each. */
export class NodeTableRepository {
  constructor(private readonly dataSource: DataSource) {}

  async typesOf(ids: readonly string[], types: readonly NodeType[]): Promise<{ id: string; type: string }[]> {
    if (ids.length === 0 || types.length === 0) return [];
    const union = types.map((type, i) => `SELECT id::text AS id, $${i + 2}::text AS type FROM ${type.table} WHERE id = ANY($1::uuid[])`).join(' UNION ALL ');
    return this.dataSource.query(union, [ids, ...types.map((type) => type.name)]);
  }
}

/**
 * The node types of every feature (each registers its own at start, as with the loaders), and the
 * loading of nodes by id: the type of each id is found in one statement, then each type loads its ids
 * in one batch, all types at once.
 */
@Injectable()
export class NodeRegistry implements OnModuleInit {
  private readonly types = new Map<string, NodeType>();
  private readonly tables: NodeTableRepository;

  constructor(
    database: Database,
    private readonly loaders: LoaderFactory,
  ) {
    this.tables = new NodeTableRepository(database.dataSource);
  }

  onModuleInit(): void {
    this.loaders.register(
      'nodeType',
      () => new DataLoader(async (ids) => byKey(ids, await this.tables.typesOf(ids, [...this.types.values()]), (row) => row.id).map((row) => row?.type ?? null)),
    );
  }

  register(type: NodeType): void {
    if (this.types.has(type.name)) throw new Error(`Two features register the node type "${type.name}"`);
    this.types.set(type.name, type);
  }

  /** The nodes of these (valid, lower-case) ids, whatever their types, in order; null where unknown or hidden. */
  async load(ids: readonly string[], context: RequestContext): Promise<(Node | null)[]> {
    const typeNames = await context.loaders.nodeType.loadMany(ids);
    const idsByType = new Map<string, string[]>();
    ids.forEach((id, i) => {
      const name = typeNames[i];
      if (name instanceof Error) throw name;
      if (name) idsByType.set(name, [...(idsByType.get(name) ?? []), id]);
    });
    const found = new Map<string, Node | null>();
    await Promise.all(
      [...idsByType].map(async ([name, idsOfType]) => {
        const nodes = await this.type(name).load(idsOfType, context);
        idsOfType.forEach((id, i) => found.set(id, nodes[i]));
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  /** One node of a known type, by an id as the client gave it: BAD_USER_INPUT when it is not a UUID, null when unknown or hidden. */
  async loadOne<T extends Node>(name: string, id: string, context: RequestContext, field = 'id'): Promise<T | null> {
    const [node] = await this.type(name).load([assertId(id, field)], context);
    return (node as T | null) ?? null;
  }

  private type(name: string): NodeType {
    const type = this.types.get(name);
    if (!type) throw new Error(`No feature registers the node type "${name}"`);
    return type;
  }
}

/** `node` and `nodes`: any object by its id, as the object's own lookup would show it. */
@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  // Open to everyone: each type's load applies that type's rule, and answers null for what it hides.
  @Public()
  @Query(() => Node, { nullable: true, description: 'Any object by its id; null when no object has it or the caller may not see it' })
  async node(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Node | null> {
    const [node] = await this.registry.load([assertId(id, 'id')], context);
    return node;
  }

  @Public()
  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their ids (at most ${MAX_NODES}), in the order of the ids; null for an id no object has or one the caller may not see`,
    complexity: ({ args, childComplexity }: { args: { ids?: unknown[] }; childComplexity: number }) => 1 + (args.ids?.length ?? 1) * childComplexity,
  })
  async nodes(@Args('ids', { type: () => [ID] }) ids: string[], @Context() context: RequestContext): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw DomainError.badInput('ids', 'TOO_MANY', 'validation.tooMany', { count: MAX_NODES });
    return this.registry.load(
      ids.map((id, i) => assertId(id, `ids.${i}`)),
      context,
    );
  }
}
