import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, StartupError } from '@samverka/engine';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

/** Builds the worker: an application context that takes jobs from Redis until SIGTERM. */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  if (config.queue.driver !== 'bullmq') {
    throw new StartupError('The worker needs REDIS_URL (and DATABASE_URL): without them jobs run inside the API process, ' + 'and no separate worker is needed.');
  }
  if (config.database.driver !== 'postgres') {
    throw new StartupError('The worker needs DATABASE_URL: the embedded database belongs to the API process alone.');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  return app;
}
