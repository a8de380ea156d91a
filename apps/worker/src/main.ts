import 'reflect-metadata';
import { configFromEnvironment, ConfigError } from '@samverka/config';
import { Logger } from 'nestjs-pino';
import { createWorker, WorkerModeError } from './bootstrap.js';

async function main(): Promise<void> {
  const app = await createWorker(configFromEnvironment());
  app.get(Logger).log('Samverka worker is taking jobs', 'Samverka');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof WorkerModeError ? error.message : error);
  process.exit(1);
});
