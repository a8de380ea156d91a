import fs from 'node:fs';
import { configFromEnvironment, type OpenCommandContext, Database, StartupError } from '@samverka/engine';
import { demoPassword } from '../demo-password.js';
import { DemoSeeder } from '../demo-seeder.js';
import { loadSkaneScenario } from '../skane-scenario.js';

const USAGE = `usage: npm run demo -- seed    seeds the Skåne demo into an empty embedded database
       npm run demo -- reset   deletes the embedded database (DATA_DIR) and seeds the demo anew
Stop the API first: the embedded database is opened by one process at a time.`;

/** `npm run demo -- seed|reset`: seeds the Skåne demo into an empty (or emptied) embedded database. */
export async function demoCommand(args: string[], open: OpenCommandContext): Promise<void> {
  const [command] = args;
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
  const app = await open({ ...config, demo: false }, { logger: ['error', 'warn'] });
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
