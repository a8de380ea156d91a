import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configFromEnvironment, closeOnSignals, exitOnStartupFailure } from '@samverka/engine';
import { Logger } from 'nestjs-pino';
import { createApi } from './bootstrap.js';
import { QUEUE_DASHBOARD_PATH } from '@samverka/ops';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  // The web app, built by `npm run build:web` into dist/web (and its server render into dist/web-server) beside the API's dist/apps.
  const webDirectory = fileURLToPath(new URL('../../../web', import.meta.url));
  const webServerEntry = fileURLToPath(new URL('../../../web-server/entry-server.js', import.meta.url));
  const app = await createApi(config, { webDirectory, webServerEntry });
  const logger = app.get(Logger);
  closeOnSignals(app, logger);
  await app.listen(config.http.port, config.http.host);
  const mode = config.production ? 'PostgreSQL + Redis' : 'embedded mode: PGlite and the in-process queue';
  const web = existsSync(`${webDirectory}/index.html`);
  logger.log(`Samverka is running (${mode}). Open ${config.http.publicUrl}/${web ? '' : 'graphql (the web app is not built: npm run build:web)'}`, 'Samverka');
  if (config.production) {
    logger.log(`Queue dashboard: ${config.http.publicUrl}${QUEUE_DASHBOARD_PATH}`, 'Samverka');
  }
}

main().catch(exitOnStartupFailure('Samverka'));
