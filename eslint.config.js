import path from 'node:path';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * Lint rules, and the import boundaries of the layout by feature:
 *
 *   apps/<app>/src          composition roots (api, worker); apps/web is left to its own tooling
 *   libs/domain, scoring    pure rules and the scoring kernel: no Nest, TypeORM, I/O or Node built-ins
 *   libs/engine             config, database, queue drivers, outbox, logging, GraphQL/HTTP plumbing
 *   libs/schema             TypeORM entities and migrations
 *   libs/features/<name>    one folder per feature, its public API in index.ts (@samverka/<name>)
 *
 * Dependencies point one way: apps → features → engine, schema → domain, scoring. Tests and benchmarks
 * may import anything, so the boundary rules are not applied to them. Folders that match no element
 * (the libs of the layout before the move) are not checked.
 */

/**
 * The tree whose boundaries are checked: this repository, or another laid out the same way (the lint
 * config's test points SAMVERKA_LINT_ROOT at a small fixture tree of the layout by feature).
 */
const ROOT = process.env.SAMVERKA_LINT_ROOT ? path.resolve(process.env.SAMVERKA_LINT_ROOT) : import.meta.dirname;

const TESTS = ['test/**', 'bench/**', '**/*.spec.ts', '**/testing/**'];

/** Packages that bring a framework, a database, a queue or the network: not for the pure libs. */
const IMPURE_PACKAGES = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  '@electric-sql/*',
  'ioredis',
  'bullmq',
  'nodemailer',
  'express',
  'graphql',
  'graphql-*',
  '@apollo/*',
  'pino',
  'pino-*',
  'nestjs-pino',
  'dictionary-sv',
];

const PURE = ['domain', 'scoring'];

const boundaryPolicies = [
  // Packages and Node built-ins are open to every element, except as restricted below.
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  {
    from: { element: { type: PURE } },
    disallow: { to: [{ module: { origin: 'external', source: IMPURE_PACKAGES } }, { module: { origin: 'core' } }] },
    message:
      'libs/{{ from.element.type }} is pure: it imports no framework, database, queue, network or Node built-in ({{ dependency.source }}); do the I/O in the engine or a feature and pass the data in',
  },
  {
    from: { element: { type: 'schema' } },
    disallow: { to: { module: { origin: ['external', 'core'] } } },
    message: 'libs/schema imports only typeorm and the types of the domain, not {{ dependency.source }}',
  },
  { from: { element: { type: 'schema' } }, allow: { to: { module: { origin: 'external', source: 'typeorm' } } } },

  // Local code.
  { from: { element: { type: 'scoring' } }, allow: { to: { element: { type: 'domain' } } } },
  {
    from: { element: { type: 'schema' } },
    allow: { to: { element: { type: 'domain' } }, dependency: { kind: 'type' } },
  },
  { from: { element: { type: 'engine' } }, allow: { to: { element: { type: ['domain', 'schema'] } } } },
  {
    from: { element: { type: 'feature' } },
    allow: { to: { element: { type: ['domain', 'scoring', 'engine', 'schema'] } } },
  },
  {
    // Another feature only through its public API: the alias, which resolves to its index.ts.
    from: { element: { type: 'feature' } },
    allow: {
      to: { element: { type: 'feature', fileInternalPath: 'index.ts' } },
      dependency: { source: '@samverka/*' },
    },
  },
  {
    from: { element: { type: 'app' } },
    allow: { to: { element: { type: ['domain', 'scoring', 'engine', 'schema', 'feature'] } } },
  },
  {
    // Whoever imports a lib or a feature goes through its index (@samverka/<name>), never a deep path.
    disallow: {
      to: [{ element: { type: ['domain', 'scoring', 'engine', 'schema'], fileInternalPath: '!src/index.ts' } }, { element: { type: 'feature', fileInternalPath: '!index.ts' } }],
    },
    message: '{{ dependency.source }} is a deep path into another lib or feature: import its index (@samverka/<name>)',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'docs/**', 'coverage/**', '.samverka/**', 'apps/web/src/gql/**'] },
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // Names starting with _ are unused on purpose (a parameter a signature requires).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': ROOT,
      'boundaries/elements': [
        { type: 'app', pattern: 'apps/*', capture: ['app'], partialMatch: false },
        { type: 'domain', pattern: 'libs/domain', partialMatch: false },
        { type: 'scoring', pattern: 'libs/scoring', partialMatch: false },
        { type: 'engine', pattern: 'libs/engine', partialMatch: false },
        { type: 'schema', pattern: 'libs/schema', partialMatch: false },
        { type: 'feature', pattern: 'libs/features/*', capture: ['feature'], partialMatch: false },
      ],
      'boundaries/ignore': ['apps/web/**'],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // The @samverka/* aliases, as tsconfig.json maps them.
      'import/resolver': { typescript: { project: path.join(ROOT, 'tsconfig.json'), alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: boundaryPolicies,
          message: '{{ from.element.type }} ({{ from.element.path }}) may not import {{ dependency.source }}: see the boundaries in eslint.config.js',
        },
      ],
    },
  },
  {
    // No import cycles in a feature or between features. It costs: run over all of apps and libs today
    // (about 30 000 lines) it took 13 s of the lint's 20 s, so it is kept to the features.
    files: ['libs/features/**/*.ts'],
    ignores: TESTS,
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // One import statement per module: `import { A, type B } from '…'`, not one line each.
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-duplicates': ['error', { 'prefer-inline': true }] },
  },
);
