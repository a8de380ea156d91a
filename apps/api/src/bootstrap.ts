import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@samverka/config';
import { Logger } from 'nestjs-pino';
import { AppModule, type ApiOptions } from './app.module.js';
import { mountQueueDashboard } from './ops/queue-dashboard.js';

/** Builds the API application (not yet listening), for main.ts and for the tests. */
export async function createApi(config: AppConfig, options: ApiOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  mountQueueDashboard(app, config);
  return app;
}
