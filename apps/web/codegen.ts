import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents from the committed schema: no server needed. Run from the repository's root (npm run codegen). */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Kronor: 'number', Date: 'string', DateTime: 'string' },
      },
    },
  },
};
export default config;
