import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlDocuments } from '../graphql-documents';

/** The plugin set up on an app whose sources are `files`, and a function that inlines one module's documents. */
function pluginOn(files: Record<string, string>): (code: string) => DocumentNode[] {
  const root = mkdtempSync(path.join(tmpdir(), 'graphql-documents-'));
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'src', name)), { recursive: true });
    writeFileSync(path.join(root, 'src', name), code);
  }
  const plugin = graphqlDocuments() as unknown as { configResolved(config: { root: string }): void; transform(code: string, id: string): { code: string } | null };
  plugin.configResolved({ root });
  return (code) => {
    const out = plugin.transform(code, path.join(root, 'src', 'page.tsx'))!.code;
    return [...out.matchAll(/\((\{.*?\}) as any\)/g)].map(([, json]) => JSON.parse(json) as DocumentNode);
  };
}

const definitionsOf = (document: DocumentNode) => document.definitions.map((definition) => ('name' in definition ? definition.name?.value : undefined));

describe('the build-time document inliner', () => {
  const fragments = {
    'shared/fields.ts': 'export const A = graphql(`fragment NeedFields on Need { id title ...NeedPlace }`);',
    'shared/place.ts': 'export const B = graphql(`fragment NeedPlace on Need { countyCode }`);',
  };

  it('appends the fragments a document spreads, and the ones they spread, wherever they are defined', () => {
    const inline = pluginOn(fragments);
    const [document] = inline('const Q = graphql(`query Page { need(id: "1") { ...NeedFields } }`);');
    expect(definitionsOf(document!)).toEqual(['Page', 'NeedFields', 'NeedPlace']);
  });

  it('leaves a document without spreads as it is', () => {
    const [document] = pluginOn(fragments)('const Q = graphql(`query Page { need(id: "1") { id ... on Need { title } } }`);');
    expect(definitionsOf(document!)).toEqual(['Page']);
  });

  it('fails the build on a fragment that no source defines', () => {
    expect(() => pluginOn(fragments)('const Q = graphql(`query Page { need(id: "1") { ...Missing } }`);')).toThrow(/fragment Missing is not defined/);
  });
});
