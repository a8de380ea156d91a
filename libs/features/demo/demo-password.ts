import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@samverka/engine';

/**
 * The demo logins' password: made up for each installation, never a value from the repository, so a
 * demo reachable from a network is not open to whoever reads the code. The embedded mode keeps it in
 * the data folder (to print it at every start); on PostgreSQL it is shown once, when the demo is seeded.
 */
export function demoPassword(config: AppConfig, create: boolean): string | undefined {
  const fresh = () => randomBytes(12).toString('base64url');
  if (config.database.driver !== 'pglite') return create ? fresh() : undefined;
  const file = path.join(config.database.dataDir, 'demo-password');
  if (!fs.existsSync(file)) {
    if (!create) return undefined;
    fs.writeFileSync(file, fresh(), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
