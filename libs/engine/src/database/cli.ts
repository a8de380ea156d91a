import { configFromEnvironment, ConfigError } from '../config/app-config.js';
import { Database } from './database.js';

const USAGE = 'usage: migrate <up|down|status>';

/** Migrations from the command line, on DATABASE_URL or, without it, the embedded database. */
async function main(command: string | undefined): Promise<void> {
  if (!command || !['up', 'down', 'status'].includes(command)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const database = await Database.open(configFromEnvironment().database, { migrate: false, applicationName: 'samverka-migrate' });
  try {
    if (command === 'up') {
      const applied = await database.migrate();
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the schema is up to date');
    } else if (command === 'down') {
      const reverted = await database.revertLast();
      console.log(reverted ? `reverted: ${reverted}` : 'nothing to revert');
    } else {
      const applied = await database.appliedMigrations();
      console.log(applied.length ? `applied (newest first): ${applied.join(', ')}` : 'no migration applied');
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
