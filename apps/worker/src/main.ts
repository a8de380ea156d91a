import 'reflect-metadata';
import { configFromEnvironment, closeOnSignals, exitOnStartupFailure } from '@samverka/engine';
import { Logger } from 'nestjs-pino';
import { createWorker } from './bootstrap.js';

async function main(): Promise<void> {
  const app = await createWorker(configFromEnvironment());
  const logger = app.get(Logger);
  closeOnSignals(app, logger);
  logger.log('Samverka worker is taking jobs', 'Samverka');
}

main().catch(exitOnStartupFailure('The Samverka worker'));
