import 'reflect-metadata';
import fs from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configFromEnvironment, type AppConfig } from '@samverka/config';
import { Database } from '@samverka/database';
import { exitOnStartupFailure, PlatformModule, StartupError } from '@samverka/platform';
import { CommonModule } from '../common/common.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { demoPassword } from '../demo/demo-password.js';
import { DemoSeeder } from '../demo/demo-seeder.js';
import { loadSkaneScenario } from '../demo/skane-scenario.js';

const USAGE = `usage: npm run demo -- seed    seeds the Skåne demo into an empty embedded database
       npm run demo -- reset   deletes the embedded database (DATA_DIR) and seeds the demo anew
Stop the API first: the embedded database is opened by one process at a time.`;

@Module({})
class DemoCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: DemoCliModule, imports: [PlatformModule.forRoot(config, { processName: 'api', consume: false }), CommonModule, DemoModule] };
  }
}

async function main(command: string | undefined): Promise<void> {
  if (command !== 'seed' && command !== 'reset') {
    console.error(USAGE);
    process.exit(2);
  }
  const config = configFromEnvironment();
  if (config.env === 'production') throw new StartupError('The demo is never seeded in production');
  // Read first: a broken scenario file must not cost the database a reset.
  const scenario = loadSkaneScenario();
  if (command === 'reset') {
    if (config.database.driver !== 'pglite') throw new StartupError('reset only deletes the embedded database: unset DATABASE_URL, or clear your PostgreSQL database yourself');
    // Opening it first proves no other process has it open.
    await (await Database.open(config.database, { migrate: false })).close();
    fs.rmSync(config.database.dataDir, { recursive: true, force: true });
    console.log(`deleted the embedded database in ${config.database.dataDir}`);
  }
  const app = await NestFactory.createApplicationContext(DemoCliModule.forRoot({ ...config, demo: false }), { logger: ['error', 'warn'], abortOnError: false });
  try {
    const seeder = app.get(DemoSeeder);
    if (!(await seeder.isEmpty())) throw new StartupError('The database already has organisations: use `npm run demo -- reset` (embedded mode) to start over');
    const password = demoPassword(config, true)!;
    await seeder.seed(scenario, password);
    console.log(`seeded the Skåne demo; password for every login: ${password}`);
    for (const login of seeder.logins(scenario)) console.log(`  ${login.email}  ${login.role}`);
  } finally {
    await app.close();
  }
}

main(process.argv[2]).catch(exitOnStartupFailure('The demo command'));
