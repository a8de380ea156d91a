import 'reflect-metadata';
import { configFromEnvironment, closeOnSignals, exitOnStartupFailure } from '@samverka/engine';
import { Logger } from 'nestjs-pino';
import { createApi } from './bootstrap.js';
import { QUEUE_DASHBOARD_PATH } from '@samverka/ops';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  const app = await createApi(config);
  const logger = app.get(Logger);
  closeOnSignals(app, logger);
  await app.listen(config.http.port, config.http.host);
  const mode = config.production ? 'PostgreSQL + Redis' : 'embedded mode: PGlite and the in-process queue';
  logger.log(`Samverka is running (${mode}). Open ${config.http.publicUrl}/graphql`, 'Samverka');
  if (config.production) {
    logger.log(`Queue dashboard: ${config.http.publicUrl}${QUEUE_DASHBOARD_PATH}`, 'Samverka');
  }
}

main().catch(exitOnStartupFailure('Samverka'));
