import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { renderSchema } from '../../libs/engine/src/graphql/render-schema.js';
import { bearer, gql, mutate } from '../support/graphql.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { waitFor } from '../support/wait.js';

const OPS_TOKEN = 'test-operations-token-0123456789';
const PROBE_FIELDS = 'id holdMs attempts requestedAt processedAt processedBy';

describe('API in the embedded mode (PGlite + in-process queue)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    api = await startEmbeddedApi('api-embedded', { OPS_TOKEN });
    ({ app, url } = api);
  });
  afterAll(async () => api?.stop());

  it('serves exactly the schema committed in schema.gql (run `npm run schema` after changing the API)', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../schema.gql'), 'utf8');
    expect(renderSchema(app)).toBe(committed);
  });

  it('gives every mutation one argument, input: <Name>Input!, and a payload of its own, <Name>Payload!, naming ids after their type (docs/api.md, Mutations)', async () => {
    type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
    const { data } = await gql<{
      __schema: {
        mutationType: { fields: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }[] };
        types: { name: string; inputFields: { name: string; type: TypeRef }[] | null }[];
      };
    }>(
      url,
      `{ __schema {
          mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { kind name } } } }
          types { name inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
        } }`,
    );
    const written = (type: TypeRef): string => (type.kind === 'NON_NULL' ? `${written(type.ofType!)}!` : type.kind === 'LIST' ? `[${written(type.ofType!)}]` : type.name!);
    const withoutInput = ['markAllNotificationsRead', 'rebuildMatches'];
    const mutations = data!.__schema.mutationType.fields;
    const shapes = mutations.map((m) => ({ mutation: m.name, args: m.args.map((a) => `${a.name}: ${written(a.type)}`), returns: written(m.type) }));
    const expected = mutations.map(({ name }) => {
      const type = `${name[0].toUpperCase()}${name.slice(1)}`;
      return { mutation: name, args: withoutInput.includes(name) ? [] : [`input: ${type}Input!`], returns: `${type}Payload!` };
    });
    expect(shapes).toEqual(expected);

    const inputs = new Set(shapes.flatMap((s) => s.args.map((a) => a.slice('input: '.length, -1))));
    const idFields = data!.__schema.types
      .filter((t) => inputs.has(t.name))
      .flatMap((t) => t.inputFields!.filter((f) => written(f.type).replace(/[[\]!]/g, '') === 'ID').map((f) => `${t.name}.${f.name}`));
    expect(idFields.length).toBeGreaterThan(30);
    expect(idFields.filter((f) => !/\.\w+Ids?$/.test(f))).toEqual([]);
  });

  it('answers GraphQL at /graphql', async () => {
    expect(await gql(url, '{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('reports liveness and readiness with the embedded drivers', async () => {
    const live = await fetch(`${url}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up', driver: 'pglite' }, queue: { status: 'up', driver: 'in-process' } },
    });
  });

  it('runs a job in this process once the transaction that caused it commits', async () => {
    const requested = await mutate<{ requestQueueProbe: { queueProbe: { id: string; attempts: number } } }>(
      url,
      'requestQueueProbe',
      { holdMs: 0 },
      `queueProbe { ${PROBE_FIELDS} }`,
      bearer(OPS_TOKEN),
    );
    expect(requested.errors).toBeUndefined();
    const { id } = requested.data!.requestQueueProbe.queueProbe;
    const processed = await waitFor('the probe to be processed', async () => {
      const { data } = await gql<{ queueProbe: { processedAt: string | null; processedBy: string; attempts: number } }>(
        url,
        `query($id: ID!) { queueProbe(id: $id) { ${PROBE_FIELDS} } }`,
        { id },
        bearer(OPS_TOKEN),
      );
      return data?.queueProbe.processedAt ? data.queueProbe : undefined;
    });
    expect(processed).toMatchObject({ attempts: 1, processedBy: `${os.hostname()}:${process.pid}` });
  });

  it('refuses operations without the operations token or an administrator', async () => {
    const mutation = 'mutation { requestQueueProbe(input: {}) { queueProbe { id } } }';
    const missing = await gql(url, mutation);
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(missing.errors?.[0].message).toBe('Det här kräver driftens token (OPS_TOKEN) eller en inloggad administratör.');
    const wrong = await gql(url, mutation, {}, bearer(`${OPS_TOKEN}-wrong`));
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Åtkomsttoken gäller inte. Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(missing.data ?? null).toBeNull();
  });

  it.each([-1, 600_001])('refuses holdMs %d, naming the field and the rule', async (holdMs) => {
    const result = await mutate(url, 'requestQueueProbe', { holdMs }, 'queueProbe { id }', bearer(OPS_TOKEN));
    expect(result.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['holdMs'], code: 'OUT_OF_RANGE', message: 'Ange hur länge jobbet ska hållas: ett heltal från 0 till 600\u00a0000 millisekunder.' }],
      },
    });
  });

  it('answers null for an unknown probe, and for a probe to those who may not see it', async () => {
    const unknown = await gql(url, `{ queueProbe(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, bearer(OPS_TOKEN));
    expect(unknown).toEqual({ status: 200, data: { queueProbe: null } });
    const probe = (await mutate<{ requestQueueProbe: { queueProbe: { id: string } } }>(url, 'requestQueueProbe', {}, 'queueProbe { id }', bearer(OPS_TOKEN))).data!
      .requestQueueProbe.queueProbe;
    expect((await gql(url, `{ queueProbe(id: "${probe.id}") { id } }`, {}, bearer(OPS_TOKEN))).data).toEqual({ queueProbe: { id: probe.id } });
    expect(await gql(url, `{ queueProbe(id: "${probe.id}") { id } }`)).toEqual({ status: 200, data: { queueProbe: null } });
  });

  it('blocks GraphQL requests that a browser could send cross-site (CSRF prevention)', async () => {
    const response = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe('API without an operations token', () => {
  let api: EmbeddedApi;
  let url: string;

  beforeAll(async () => {
    api = await startEmbeddedApi('api-no-ops');
    ({ url } = api);
  });
  afterAll(async () => api?.stop());

  it('takes no bearer token as the operations token', async () => {
    const result = await gql(url, 'mutation { requestQueueProbe(input: {}) { queueProbe { id } } }', {}, bearer('anything-at-all-0123456789'));
    expect(result.errors?.[0]).toMatchObject({ message: 'Åtkomsttoken gäller inte. Logga in igen.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
