import { bearer, gql } from '../support/graphql.js';
import { API_MAIN, freePort, NodeProcess, waitForHttp } from '../support/processes.js';
import { tempDir } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const OPS_TOKEN = 'embedded-operations-token-0123456789';

describe('the built API started as a newcomer would, in the embedded mode', () => {
  const folder = tempDir('embedded-start');
  let env: Record<string, string>;
  let url: string;
  let api: NodeProcess | undefined;

  beforeAll(async () => {
    const port = await freePort();
    env = { PORT: String(port), DATA_DIR: folder.dir, OPS_TOKEN, DEMO_DATA: 'off' };
    url = `http://localhost:${port}`;
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    folder.remove();
  });

  it('starts with no database settings, says where to open it, and keeps its data across a restart', async () => {
    api = new NodeProcess(API_MAIN, env);
    await waitForHttp(`${url}/health/ready`, api);
    // The readable log is written by a separate thread: it may trail the first answer a little.
    // The web app when it is built (npm start builds it), else the API's GraphQL page.
    await api.waitForLog(new RegExp(`Open ${url.replace(/[.:/]/g, '\\$&')}/`));
    expect(await gql(url, '{ __typename }')).toMatchObject({ data: { __typename: 'Query' } });

    const { data } = await gql<{ requestQueueProbe: { queueProbe: { id: string } } }>(
      url,
      'mutation { requestQueueProbe(input: {}) { queueProbe { id } } }',
      {},
      bearer(OPS_TOKEN),
    );
    const id = data!.requestQueueProbe.queueProbe.id;
    const read = async () =>
      (await gql<{ queueProbe: { processedAt: string | null } }>(url, `query($id: ID!) { queueProbe(id: $id) { processedAt } }`, { id }, bearer(OPS_TOKEN))).data?.queueProbe;
    const before = await waitFor('the probe to be processed', async () => (await read())?.processedAt ?? undefined);

    expect((await api.stop('SIGTERM')).code).toBe(0);
    api = new NodeProcess(API_MAIN, env);
    await waitForHttp(`${url}/health/ready`, api);
    expect((await read())?.processedAt).toBe(before);
  });

  it('refuses a second API on the same data folder with a plain message', async () => {
    const second = new NodeProcess(API_MAIN, { ...env, PORT: String(await freePort()) });
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.log).toMatch(/The embedded database in .* is in use by process \d+/);
  });

  it('stops start-up on a wrong setting, naming the variable and the rule', async () => {
    const wrong = new NodeProcess(API_MAIN, { PORT: 'abc', DATA_DIR: folder.dir });
    expect((await wrong.exited).code).toBe(1);
    expect(wrong.log).toContain('Invalid configuration');
    expect(wrong.log).toContain('PORT must be a whole number from 1 to 65535 (got "abc")');
  });
});
