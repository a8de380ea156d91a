import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { graphqlDocuments } from './graphql-documents';

const api = process.env.SAMVERKA_API_URL ?? 'http://127.0.0.1:3000';

const source = fileURLToPath(new URL('./src', import.meta.url));

/**
 * Writes routes.json next to index.html: for each route of app/routes.tsx, the chunk files its page loads
 * (the page's lazy chunk, the chunks it imports and its Swedish texts) and style sheets. The API puts them into index.html as modulepreloads
 * for the path asked for, so a page's code comes with the entry instead of one round trip after it.
 */
/** A chunk holding nothing but style sheets. */
function cssOnly(chunk: { moduleIds: readonly string[] } | undefined): boolean {
  return !!chunk && chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => /\.css($|\?)/.test(id));
}

function routePreloads(): Plugin {
  return {
    name: 'samverka-route-preloads',
    apply: 'build',
    generateBundle(_, bundle) {
      const routesSource = readFileSync(join(source, 'app', 'routes.tsx'), 'utf8');
      const routes = [...routesSource.matchAll(/(index: true|path: '([^']*)'),\s*(?:handle: \w+,\s*)?lazy: \(\) => (?:page\()?import\('([^']+)'\)(?:, \[([^\]]*)\])?/g)].map(
        (m) => ({
          path: m[1] === 'index: true' ? '/' : `/${m[2]}`,
          module: resolve(join(source, 'app'), `${m[3]}.tsx`),
          // The Swedish texts of the page's areas (Swedish is the default language).
          texts: [...(m[4] ?? '').matchAll(/'([a-z-]+)'/g)].map((a) => join(source, 'i18n', 'sv', `${a[1]}.ts`)),
        }),
      );
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const preloads = routes
        .filter((route) => route.path !== '/*')
        .map((route) => {
          const chunk = chunks.find((c) => c.facadeModuleId === route.module);
          if (!chunk) throw new Error(`no chunk for ${route.module}`);
          const entry = chunks.find((c) => c.isEntry);
          const texts = route.texts.map((module) => chunks.find((c) => c.facadeModuleId === module)?.fileName ?? `${module} has no chunk`);
          // A chunk of style sheets only is dropped from the bundle after this hook (Vite's CSS plugin):
          // its style sheets are preloaded below, its file would be a 404.
          const scripts = chunk.imports.filter((f) => f !== entry?.fileName && !cssOnly(chunks.find((c) => c.fileName === f)));
          const files = [...new Set([chunk.fileName, ...scripts, ...texts])];
          // The style sheets of the page's chunk and of every chunk it imports (a picker's own), so the
          // page the server renders is drawn styled before any script runs.
          const css = [...new Set([chunk, ...chunk.imports.map((f) => chunks.find((c) => c.fileName === f))].flatMap((c) => [...(c?.viteMetadata?.importedCss ?? [])]))].filter(
            (file) => !entry?.viteMetadata?.importedCss.has(file),
          );
          return { path: route.path, files, css };
        });
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: JSON.stringify(preloads, null, 2) });
    },
  };
}

/**
 * The app itself (src/app/start.tsx) is a chunk the first script imports when the app starts; it is named
 * in index.html so the browser fetches it (without running it) with the page.
 */
function preloadApp(): Plugin {
  return {
    name: 'samverka-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId === join(source, 'app', 'start.tsx'));
        if (!app) throw new Error('no chunk for src/app/start.tsx');
        const entry = chunks.find((c) => c.isEntry);
        return [app.fileName, ...app.imports.filter((file) => file !== entry?.fileName)].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** Writes a Brotli copy (.br) of every script, style sheet and SVG, which the API sends to browsers that accept it. */
function brotli(): Plugin {
  return {
    name: 'samverka-brotli',
    apply: 'build',
    writeBundle({ dir }) {
      if (!dir) return;
      const assets = join(dir, 'assets');
      for (const file of readdirSync(assets).filter((f) => /\.(js|css|svg)$/.test(f))) {
        const compressed = brotliCompressSync(readFileSync(join(assets, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        writeFileSync(join(assets, `${file}.br`), compressed);
      }
    },
  };
}

/**
 * The web app: built into dist/web, which the API process serves (apps/api/src/web-app.ts). `npm run dev`
 * serves it with hot reload on :5173 and passes the API's routes on to the API on :3000.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: isSsrBuild ? [graphqlDocuments(), react()] : [graphqlDocuments(), react(), routePreloads(), preloadApp(), brotli()],
  resolve: {
    // Only the custom elements the app uses (src/design-system-elements.ts), not all of them.
    alias: [{ find: /^@digdir\/designsystemet-web$/, replacement: join(source, 'design-system-elements.ts') }],
  },
  // The server's render (src/entry-server.tsx, `vite build --ssr`) is one self-contained module for Node,
  // with React's production build whatever NODE_ENV the API runs under (the development build renders
  // several times slower).
  ssr: { noExternal: true, target: 'node' },
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: fileURLToPath(new URL(isSsrBuild ? '../../dist/web-server' : '../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads, read by the bundle budget (test/web/budget.e2e.test.ts).
    manifest: !isSsrBuild,
    target: 'es2022',
    // The budget is checked by test/web/budget.e2e.test.ts; this only warns while building.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // Designsystemet's React package declares no sideEffects, so every component would ship with the
      // first; its modules have none (the custom elements register in @digdir/designsystemet-web).
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/@digdir/designsystemet-react/') },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/auth': api,
      '/export': api,
      '/health': api,
    },
  },
  test: {
    environment: 'happy-dom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
}));
