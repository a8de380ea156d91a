import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Logger, type Provider } from '@nestjs/common';
import { APP_CONFIG, Database, type AppConfig } from '@samverka/engine';

export const JWT_KEY = Symbol('JWT_KEY');

/**
 * The signing key: JWT_SECRET when set (required in production). In the embedded mode without it, a
 * random secret kept in the data folder, so sessions survive a restart of the same installation.
 */
export const jwtKeyProvider: Provider = {
  provide: JWT_KEY,
  // After the database: the embedded one creates the data folder the key is kept in.
  inject: [APP_CONFIG, Database],
  useFactory: (config: AppConfig): Uint8Array => {
    if (config.auth.jwtSecret) return new TextEncoder().encode(config.auth.jwtSecret);
    if (config.database.driver !== 'pglite') {
      throw new Error('JWT_SECRET must be set when DATABASE_URL is: every API process needs the same signing key');
    }
    const file = path.join(config.database.dataDir, 'jwt-secret');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      new Logger('Auth').log(`generated a signing key in ${file} (set JWT_SECRET to choose one)`);
    }
    return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
  },
};
