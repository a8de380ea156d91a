import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import boundaries of eslint.config.js, checked on a small tree laid out by feature
 * (fixtures/target: apps, the pure libs, engine, schema and two features, with the @samverka/* aliases in
 * its tsconfig.json). The importing files are virtual; what they import exists, so the resolver finds it.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const TARGET = path.join(import.meta.dirname, 'fixtures/target');

let eslint: ESLint;

beforeAll(() => {
  process.env.SAMVERKA_LINT_ROOT = TARGET;
  eslint = new ESLint({ cwd: TARGET, overrideConfigFile: path.join(REPO, 'eslint.config.js') });
});

afterAll(() => {
  delete process.env.SAMVERKA_LINT_ROOT;
});

/** The rules that fail for `code` in a file at `file` of the target tree, with their messages. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(TARGET, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('import boundaries', () => {
  it.each([
    ['a pure lib importing Nest', 'libs/domain/src/rule.ts', `import { Injectable } from '@nestjs/common';${use('Injectable')}`],
    ['a pure lib importing TypeORM', 'libs/scoring/src/model.ts', `import { Entity } from 'typeorm';${use('Entity')}`],
    ['a pure lib reading files', 'libs/scoring/src/model.ts', `import { readFileSync } from 'node:fs';${use('readFileSync')}`],
    ['a pure lib using Redis', 'libs/domain/src/rule.ts', `import { Redis } from 'ioredis';${use('Redis')}`],
    ['the domain importing scoring', 'libs/domain/src/rule.ts', `import { placeholder } from '@samverka/scoring';${use('placeholder')}`],
    ['a pure lib importing the engine', 'libs/scoring/src/model.ts', `import { placeholder } from '@samverka/engine';${use('placeholder')}`],
    ['the schema importing a domain value', 'libs/schema/src/need.entity.ts', `import { placeholder } from '@samverka/domain';${use('placeholder')}`],
    ['the schema importing pg', 'libs/schema/src/need.entity.ts', `import pg from 'pg';${use('pg')}`],
    ['the engine importing a feature', 'libs/engine/src/queue.ts', `import { placeholder } from '@samverka/accounts';${use('placeholder')}`],
    [
      'a feature importing another feature’s file by relative path',
      'libs/features/matching/match.resolver.ts',
      `import { placeholder } from '../accounts/account.service.js';${use('placeholder')}`,
    ],
    [
      'a feature importing another feature’s index by relative path',
      'libs/features/matching/match.resolver.ts',
      `import { placeholder } from '../accounts/index.js';${use('placeholder')}`,
    ],
    ['a feature importing a deep path of the engine', 'libs/features/matching/match.resolver.ts', `import { placeholder } from '../../engine/src/clock.js';${use('placeholder')}`],
    ['a feature importing an app', 'libs/features/matching/match.resolver.ts', `import { placeholder } from '../../../apps/api/src/main.js';${use('placeholder')}`],
    ['a lib importing an app', 'libs/engine/src/queue.ts', `import { placeholder } from '../../../apps/worker/src/main.js';${use('placeholder')}`],
    ['the API importing the worker', 'apps/api/src/app.module.ts', `import { placeholder } from '../../worker/src/main.js';${use('placeholder')}`],
    ['the worker re-exporting the API', 'apps/worker/src/worker.module.ts', `export { placeholder } from '../../api/src/main.js';\n`],
  ])('refuses %s', async (_case, file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^boundaries\/dependencies: /);
  });

  it.each([
    ['a feature importing another feature through its alias', 'libs/features/matching/match.resolver.ts', `import { placeholder } from '@samverka/accounts';${use('placeholder')}`],
    [
      'a feature importing the engine, the schema, the pure libs and Nest',
      'libs/features/matching/match.resolver.ts',
      `import { placeholder as e } from '@samverka/engine';\nimport { placeholder as s } from '@samverka/schema';\nimport { placeholder as d } from '@samverka/domain';\nimport { placeholder as k } from '@samverka/scoring';\nimport { Injectable } from '@nestjs/common';${use('[e, s, d, k, Injectable]')}`,
    ],
    ['a feature importing its own files', 'libs/features/matching/match.resolver.ts', `import { placeholder } from './match.service.js';${use('placeholder')}`],
    ['scoring importing the domain', 'libs/scoring/src/model.ts', `import { placeholder } from '@samverka/domain';${use('placeholder')}`],
    [
      'the schema importing TypeORM and domain types',
      'libs/schema/src/need.entity.ts',
      `import type { placeholder } from '@samverka/domain';\nimport { Entity } from 'typeorm';\nexport const kind: typeof placeholder = 'x';${use('Entity')}`,
    ],
    [
      'the engine importing the schema, the domain and I/O',
      'libs/engine/src/queue.ts',
      `import { placeholder as s } from '@samverka/schema';\nimport { placeholder as d } from '@samverka/domain';\nimport { Redis } from 'ioredis';\nimport { readFileSync } from 'node:fs';${use('[s, d, Redis, readFileSync]')}`,
    ],
    [
      'an app importing features and the engine',
      'apps/api/src/app.module.ts',
      `import { placeholder as m } from '@samverka/matching';\nimport { placeholder as e } from '@samverka/engine';${use('[m, e]')}`,
    ],
    [
      'a test importing anything',
      'test/e2e/matching.e2e-spec.ts',
      `import { placeholder as a } from '../../apps/worker/src/main.js';\nimport { placeholder as f } from '../../libs/features/accounts/account.service.js';${use('[a, f]')}`,
    ],
    [
      'a spec beside a feature importing another feature’s internals',
      'libs/features/matching/match.service.spec.ts',
      `import { placeholder } from '../accounts/account.service.js';${use('placeholder')}`,
    ],
    ['test helpers of a pure lib reading files', 'libs/scoring/src/testing/reference.ts', `import { readFileSync } from 'node:fs';${use('readFileSync')}`],
  ])('allows %s', async (_case, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  // On disk, brokering's index re-exports impact's.
  it('refuses a feature importing a feature that imports it back', async () => {
    const messages = await lint('libs/features/impact/index.ts', `import { placeholder as b } from '@samverka/brokering';${use('b')}`);
    expect(messages).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
  });

  it('allows the same import where nothing imports back', async () => {
    expect(await lint('libs/features/impact/index.ts', `import { placeholder as a } from '@samverka/accounts';${use('a')}`)).toEqual([]);
  });
});

describe('typescript-eslint', () => {
  it('reports an unused import', async () => {
    expect(await lint('libs/domain/src/rule.ts', `import { placeholder } from './index.js';\nexport const x = 1;\n`)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-unused-vars: /),
    ]);
  });
});
