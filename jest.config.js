/** Jest on native ESM: run through `node --experimental-vm-modules` (see package.json). */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/**/*.{spec,e2e-spec,int-spec}.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    '^@samverka/(domain|scoring|engine|schema)$': '<rootDir>/libs/$1/src/index.ts',
    '^@samverka/features$': '<rootDir>/libs/features/index.ts',
    '^@samverka/([a-z-]+)$': '<rootDir>/libs/features/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['<rootDir>/test/support/quiet-logs.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 60_000,
  // Each suite starts databases, Redis connections and processes; two at a time fits a 2-core machine.
  maxWorkers: 2,
};
