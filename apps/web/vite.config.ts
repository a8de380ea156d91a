import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const api = process.env.SAMVERKA_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The web app: built into dist/web, which the API process serves (apps/api/src/web-app.ts). `npm run dev`
 * serves it with hot reload on :5173 and passes the API's routes on to the API on :3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The budget is checked by test/web/budget.ts; this only warns while building.
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
});
