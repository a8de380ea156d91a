import fs from 'node:fs';
import path from 'node:path';
import { auth } from './accounts.js';
import { gql } from './graphql.js';
import { waitFor } from './wait.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const fixture = (...parts: string[]) => path.join(REPO, ...parts);

export const RUN_FIELDS = 'id kind format source status rowsRead created updated unchanged rejected skipped warnings failure fileName via requestedByUserId scopeCountyCodes';

export interface RunShape {
  id: string;
  kind: string;
  status: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  warnings: number;
  failure: string | null;
  scopeCountyCodes: string[] | null;
}

export interface MessageShape {
  severity: string;
  line: number | null;
  item: string | null;
  externalId: string | null;
  field: string | null;
  message: string;
}

/**
 * startImport as a client sends it: a GraphQL multipart request (operations, map, the file) with the
 * header Apollo's CSRF prevention asks for.
 */
export async function uploadImport(
  url: string,
  headers: Record<string, string>,
  input: Record<string, unknown>,
  file: { path: string } | { name: string; content: string | Buffer },
  options: { preflightHeader?: boolean } = {},
) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: `mutation($input: StartImportInput!) { startImport(input: $input) { importRun { ${RUN_FIELDS} } } }`,
      variables: { input: { ...input, file: null } },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  const name = 'path' in file ? path.basename(file.path) : file.name;
  const content = 'path' in file ? fs.readFileSync(file.path) : file.content;
  form.append('0', new Blob([content]), name);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...(options.preflightHeader === false ? {} : { 'apollo-require-preflight': 'true' }), ...headers },
    body: form,
  });
  const text = await response.text();
  let body: { data?: { startImport: { importRun: RunShape } }; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, ...body };
}

export async function importRun(url: string, token: string, id: string, messages = 100) {
  return gql<{ importRun: RunShape & { messages: { totalCount: number; nodes: MessageShape[] } } }>(
    url,
    `query($id: ID!, $n: Int) { importRun(id: $id) { ${RUN_FIELDS} messages(first: $n) { totalCount nodes { severity line item externalId field message } } } }`,
    { id, n: messages },
    auth(token),
  );
}

/** Waits for the run to finish (DONE or FAILED) and returns it with its first 100 messages. */
export async function finishedImport(url: string, token: string, id: string, timeoutMs = 60_000) {
  return waitFor(
    `import ${id} to finish`,
    async () => {
      const run = (await importRun(url, token, id)).data?.importRun;
      return run && (run.status === 'DONE' || run.status === 'FAILED') ? run : undefined;
    },
    timeoutMs,
    100,
  );
}

/** Starts an import and waits for it; fails the test with the answer when it was not accepted. */
export async function importAndWait(url: string, token: string, input: Record<string, unknown>, file: Parameters<typeof uploadImport>[3]) {
  const started = await uploadImport(url, auth(token), input, file);
  if (!started.data) throw new Error(`startImport was refused: ${JSON.stringify(started.errors)}`);
  return finishedImport(url, token, started.data.startImport.importRun.id);
}
