import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { assignRequestId, type AppConfig } from '@samverka/engine';
import { Logger } from 'nestjs-pino';
import { AppModule, type ApiOptions } from './app.module.js';
import { mountQueueDashboard } from '@samverka/ops';
import { mountWebApp } from './web-app.js';

/** Builds the API application (not yet listening), for main.ts and for the tests. */
export async function createApi(config: AppConfig, options: ApiOptions = {}): Promise<NestExpressApplication> {
  // No body parser for every route: the GraphQL endpoint reads its own body with its limits and
  // answers a body over them as a GraphQL error (graphqlBodyMiddleware); no other route takes a body.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  // Before everything else, so that every log line and every answer of the request carry its id.
  app.use(assignRequestId);
  mountQueueDashboard(app, config);
  if (options.webDirectory) mountWebApp(app, options.webDirectory, options.webServerEntry);
  return app;
}
