import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@samverka/engine';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { Logger } from 'nestjs-pino';
import { AppModule, type ApiOptions } from './app.module.js';
import { mountQueueDashboard } from '@samverka/ops';

/** Builds the API application (not yet listening), for main.ts and for the tests. */
export async function createApi(config: AppConfig, options: ApiOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  mountQueueDashboard(app, config);
  // Multipart GraphQL requests (file uploads for startImport), before Apollo reads the body. Apollo's CSRF
  // prevention still applies: a multipart request must carry a non-simple header (apollo-require-preflight).
  app.use('/graphql', graphqlUploadExpress({ maxFileSize: config.imports.maxUploadBytes, maxFiles: 1 }));
  return app;
}
