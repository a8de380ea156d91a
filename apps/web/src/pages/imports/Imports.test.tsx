import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, signIn, signOut, staffMock } from '../organisations/test-support';
import { messagesCsv, parseExchangeRates } from './import-formats';
import { Component as ImportRunPage, IMPORT_MESSAGES, IMPORT_RUN } from './ImportRunPage';
import { Component as ImportsPage, IMPORT_RUNS } from './ImportsPage';

const runs = {
  request: { query: IMPORT_RUNS, variables: {} },
  result: {
    data: {
      importRuns: {
        __typename: 'ImportRunConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes: [
          { __typename: 'ImportRun', id: 'r0', fileName: 'foretag.csv', kind: 'ENTERPRISES', status: 'DONE', createdAt: '2026-12-01T10:00:00.000Z', rowsRead: 12, rejected: 2 },
        ],
      },
    },
  },
};

const run = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'ImportRun',
  id: 'r1',
  fileName: 'foretag.csv',
  kind: 'ENTERPRISES',
  format: 'CSV',
  source: 'enterprises',
  status: 'DONE',
  rowsRead: 3,
  created: 1,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  rejected: 2,
  warnings: 0,
  failure: null,
  startedAt: '2026-12-07T10:00:00.000Z',
  finishedAt: '2026-12-07T10:00:02.000Z',
  ...overrides,
});

const messages = {
  request: { query: IMPORT_MESSAGES, variables: { id: 'r1', severity: null, first: 20 } },
  result: {
    data: {
      importRun: {
        __typename: 'ImportRun',
        id: 'r1',
        messages: {
          __typename: 'ImportMessageConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [
            {
              __typename: 'ImportMessage',
              seq: 1,
              line: 3,
              item: null,
              field: 'organisationsnummer',
              externalId: 'X-2',
              severity: 'ERROR',
              message: 'Kontrollsiffran stämmer inte.',
            },
            {
              __typename: 'ImportMessage',
              seq: 2,
              line: 4,
              item: null,
              field: null,
              externalId: null,
              severity: 'ERROR',
              message: 'Raden har 3 värden, men rubrikraden har 4 kolumner.',
            },
          ],
        },
      },
    },
  },
  maxUsageCount: 5,
};

beforeEach(() => signIn());
afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('imports', () => {
  it('asks for a file, then shows the API’s refusal on the file field in Swedish', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const body = init.body as FormData;
      expect(JSON.parse(body.get('map') as string)).toEqual({ 0: ['variables.input.file'] });
      expect(JSON.parse(body.get('operations') as string).variables.input).toEqual({ kind: 'ENTERPRISES', file: null });
      expect((init.headers as Record<string, string>)['apollo-require-preflight']).toBe('true');
      return new Response(
        JSON.stringify({
          errors: [{ message: 'Ogiltig fil', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'file'], message: 'Filen är tom.' }] } }],
          data: null,
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/importer', [{ path: '/importer', element: <ImportsPage /> }], [staffMock(), runs]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Import' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'foretag.csv' })).toHaveAttribute('href', '/importer/r0');

    await user.click(screen.getByRole('button', { name: 'Starta importen' }));
    expect(await screen.findAllByText('Välj en fil att importera.')).not.toHaveLength(0);
    expect(fetchMock).not.toHaveBeenCalled();

    await user.upload(screen.getByLabelText('Fil'), new File([''], 'tom.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Starta importen' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await screen.findAllByText('Filen är tom.')).not.toHaveLength(0);
    expect(screen.getByLabelText('Fil')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a finished run’s counts and its rejected rows by line and field', async () => {
    renderAt(
      '/importer/r1',
      [{ path: '/importer/:runId', element: <ImportRunPage /> }],
      [staffMock(), { request: { query: IMPORT_RUN, variables: { id: 'r1' } }, result: { data: { importRun: run() } } }, messages],
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Import av foretag.csv' })).toBeInTheDocument();
    expect(screen.getByText('Importen är klar: 1 skapade, 0 uppdaterade, 2 avvisade.').closest('[role="status"]')).not.toBeNull();
    const table = await screen.findByRole('table', { name: 'Problem i filen' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'Avvisad', 'organisationsnummer', 'X-2', 'Kontrollsiffran stämmer inte.']);
    expect(within(rows[2]).getAllByRole('cell')[2]).toHaveTextContent('Hela raden');
    expect(screen.getByRole('button', { name: 'Ladda ned de avvisade raderna (CSV)' })).toBeInTheDocument();
  });

  it('writes the messages as a CSV Excel reads, and reads exchange rates', () => {
    expect(messagesCsv('rad;fält;id;meddelande', [{ line: 3, field: 'name', externalId: null, message: 'Skriv "ett" namn; 2–200 tecken.' }])).toBe(
      '\uFEFFrad;fält;id;meddelande\r\n3;name;;"Skriv ""ett"" namn; 2–200 tecken."\r\n',
    );
    expect(parseExchangeRates('gbp=13.4, EUR = 11.5')).toEqual([
      { currency: 'GBP', sekPerUnit: 13.4 },
      { currency: 'EUR', sekPerUnit: 11.5 },
    ]);
    expect(parseExchangeRates('GBP 13')).toBeNull();
  });
});
