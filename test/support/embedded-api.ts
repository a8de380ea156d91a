import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@samverka/engine';
import type { ApiOptions } from '../../apps/api/src/app.module.js';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { tempDir } from './services.js';

export interface EmbeddedApi {
  app: INestApplication;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The API in this process on a fresh embedded database, listening on a free loopback port. */
export async function startEmbeddedApi(label: string, env: Record<string, string> = {}, options: ApiOptions = {}): Promise<EmbeddedApi> {
  const folder = tempDir(label);
  try {
    const app = await createApi(loadConfig({ DATA_DIR: folder.dir, LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...env }), options);
    await app.listen(0, '127.0.0.1');
    return {
      app,
      url: await app.getUrl(),
      dataDir: folder.dir,
      async stop() {
        await app.close();
        folder.remove();
      },
    };
  } catch (error) {
    folder.remove();
    throw error;
  }
}
