import { parse } from 'graphql';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const FRAGMENT_SPREAD = /\.\.\.\s*(?!on\b)[A-Za-z_]/;

/**
 * Replaces each `graphql(\`query Name …\`)` call by the parsed document itself, at build time. The
 * client preset's `graphql()` looks documents up in one map of every document in the app, and its
 * generated module holds them all; either way every page's queries would ship in the first chunk. With
 * this, each document ships with the module that uses it. The types still come from the generated
 * module (this runs after type checking, on the build only; the tests and the dev server use the map).
 */
export function graphqlDocuments(): Plugin {
  return {
    name: 'samverka-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const replaced = code.replace(CALL, (_call, document: string) => {
        if (FRAGMENT_SPREAD.test(document)) throw new Error(`${id}: documents with named fragments are not inlined; write the fields out`);
        return `(${JSON.stringify(parse(document, { noLocation: true }))} as any)`;
      });
      return { code: replaced, map: null };
    },
  };
}
