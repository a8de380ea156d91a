import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, renderSchema } from '@samverka/engine';
import { createApi } from './bootstrap.js';

/** Writes schema.gql (or the path given) from the code-first types, booting on a throw-away database. */
async function main(target = 'schema.gql'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-schema-'));
  const app = await createApi(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_DATA: 'off' }));
  try {
    await app.init();
    fs.writeFileSync(target, renderSchema(app));
    console.log(`wrote ${target}`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
