import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/** Every named fragment written in the app's sources (`graphql(\`fragment Name on Type …\`)`), by name. */
function fragmentsIn(sourceDir: string): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file) || file.startsWith(`gql${path.sep}`)) continue;
    const code = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const [, document] of code.matchAll(CALL)) {
      for (const definition of parse(document, { noLocation: true }).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
  }
  return fragments;
}

/** The names of the fragments a node spreads, directly. */
function spreadsOf(node: DocumentNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** The document with the definitions of every fragment it spreads (and they spread) appended, as codegen's map has it. */
function withFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>, id: string): DocumentNode {
  const own = new Set(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : [])));
  const added: FragmentDefinitionNode[] = [];
  const pending = spreadsOf(document);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (own.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`${id}: the fragment ${name} is not defined in any graphql() call of the app`);
    own.add(name);
    added.push(fragment);
    pending.push(...spreadsOf(fragment));
  }
  return added.length === 0 ? document : { ...document, definitions: [...document.definitions, ...added] };
}

/**
 * Replaces each `graphql(\`query Name …\`)` call by the parsed document itself, at build time. The
 * client preset's `graphql()` looks documents up in one map of every document in the app, and its
 * generated module holds them all; either way every page's queries would ship in the first chunk. With
 * this, each document ships with the module that uses it, with the named fragments it spreads (defined
 * anywhere in the app, as codegen allows) appended. The types still come from the generated module (this
 * runs after type checking, on the build only; the tests and the dev server use the map).
 */
export function graphqlDocuments(): Plugin {
  let fragments = new Map<string, FragmentDefinitionNode>();
  return {
    name: 'samverka-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      fragments = fragmentsIn(path.join(config.root, 'src'));
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const replaced = code.replace(CALL, (_call, document: string) => {
        const parsed = withFragments(parse(document, { noLocation: true }), fragments, id);
        return `(${JSON.stringify(parsed)} as any)`;
      });
      return { code: replaced, map: null };
    },
  };
}
