import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnvironment, textOf, UsageError, type OpenCommandContext } from '@samverka/engine';
import { failureText, IMPORT_KINDS, ImportRepository, type ImportFormat, type ImportKind } from '../import/import.repository.js';
import { ImportRunner, summary as importSummary } from '../import/import-runner.js';
import { normaliseImportOptions, parseExchangeRates } from '../import/import-options.js';
import { DomainError } from '@samverka/domain';

const USAGE = `usage: npm run import -- <enterprises|needs|ocds> <file> [options]

  enterprises   social enterprises with their profiles, from CSV (.csv) or JSON Lines (.jsonl)
  needs         needs of municipalities and regions, from JSON Lines (.jsonl) or CSV (.csv)
  ocds          needs from an OCDS release package or record package (.json)

options:
  --format csv|jsonl|json     when the file name does not say
  --source NAME               the system the rows' ids come from (default: the kind)
  --status DRAFT|PUBLISHED    needs: the status of new needs when a row does not say (default DRAFT)
  --buyer ID|ORGNR            needs: the buyer of rows that name none (an organisation id or organisationsnummer)
  --exchange-rate GBP=13.4    OCDS: kronor per unit of another currency (several: GBP=13.4,EUR=11.5)
  --quiet                     no progress lines

Exit codes: 0 every row was imported (or skipped: OCDS releases past their tender); 3 some rows were
rejected (the messages are printed); 4 the file could not be read to the end; 2 a wrong command line;
1 Samverka could not start.
See docs/import.md.`;

const FORMATS: Record<ImportKind, readonly ImportFormat[]> = { enterprises: ['csv', 'jsonl'], needs: ['jsonl', 'csv'], ocds: ['json'] };
/** Messages printed at the end; the rest are in the run (GraphQL importRun). */
const PRINTED_MESSAGES = 50;

function formatOf(kind: ImportKind, file: string, given: string | undefined): ImportFormat {
  const extension = path.extname(file).toLowerCase();
  const format = (given?.toLowerCase() ??
    (extension === '.csv' ? 'csv' : extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : extension === '.json' ? 'json' : undefined)) as ImportFormat | undefined;
  if (!format) throw new UsageError(`cannot tell the format of ${file} from its name: give --format ${FORMATS[kind].join('|')}`);
  if (!FORMATS[kind].includes(format)) throw new UsageError(`${kind} are imported from ${FORMATS[kind].join(' or ')}, not ${format}`);
  return format;
}

/** `npm run import`: imports a file in this process, prints the progress and the rejected rows; sets the exit code. */
export async function importCommand(args: string[], open: OpenCommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      source: { type: 'string' },
      status: { type: 'string' },
      buyer: { type: 'string' },
      'exchange-rate': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [kind, file] = positionals as [ImportKind | undefined, string | undefined];
  if (!kind || !IMPORT_KINDS.includes(kind) || !file || positionals.length > 2) throw new UsageError(USAGE);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
  const format = formatOf(kind, file, values.format);
  let options;
  try {
    options = normaliseImportOptions(kind, {
      source: values.source,
      status: values.status,
      buyer: values.buyer,
      exchangeRates: values['exchange-rate'] ? parseExchangeRates(values['exchange-rate']) : undefined,
    });
  } catch (error) {
    // The command line speaks English, as its usage does.
    if (error instanceof DomainError) {
      throw new UsageError(error.fields.map((f) => `--${f.path[0] === 'exchangeRates' ? 'exchange-rate' : f.path.join('.')}: ${textOf(f.message, 'en')}`).join('\n'));
    }
    throw error;
  }

  const config = configFromEnvironment();
  const app = await open(config, { logger: ['error', 'warn'] });
  try {
    const imports = app.get(ImportRepository);
    const run = await imports.createRun({
      kind,
      format,
      source: options.source,
      options: { ...options },
      fileId: null,
      fileName: path.basename(file),
      sizeBytes: fs.statSync(file).size,
      via: 'cli',
      requestedBy: null,
      scopeCounties: null,
    });
    console.error(`import ${run.id}: ${kind} from ${file} (${format}, source "${options.source}")`);
    const started = Date.now();
    let lastPrinted = 0;
    const finished = await app.get(ImportRunner).run(run.id, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>, {
      // With BullMQ the workers take the matching jobs now; in the embedded mode the API's sweep does when it runs.
      notifyMatching: config.queue.driver === 'bullmq',
      // Nobody retries a command: an unexpected failure ends the run as FAILED, with its reason.
      lastAttempt: true,
      onProgress: (progress) => {
        if (values.quiet || Date.now() - lastPrinted < 2_000) return;
        lastPrinted = Date.now();
        console.error(`  … ${importSummary(progress)}`);
      },
    });
    if (!finished) throw new Error(`import ${run.id} disappeared`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${finished.status === 'DONE' ? 'Done' : 'Failed'} in ${seconds} s: ${importSummary(finished)}`);
    const { rows: messages } = await imports.messages(run.id, { limit: PRINTED_MESSAGES });
    for (const m of messages.slice(0, PRINTED_MESSAGES)) {
      const where = [m.line !== null ? `line ${m.line}` : null, m.item, m.externalId ? `(${m.externalId})` : null].filter(Boolean).join(' ');
      // A message of the catalogue leaves the field to be named; a text from before it names the field itself.
      const field = m.field && m.detail && 'key' in m.detail ? `${m.field}: ` : '';
      console.log(`  ${m.severity === 'ERROR' ? 'rejected' : 'warning '} ${where}: ${field}${m.detail ? textOf(m.detail, 'en') : m.text}`);
    }
    if (finished.messagesKept > PRINTED_MESSAGES) console.log(`  … and ${finished.messagesKept - PRINTED_MESSAGES} more: query importRun(id: "${run.id}") { messages }`);
    if (finished.status === 'FAILED') {
      console.log(`The file could not be read to the end: ${finished.failureDetail ? failureText(finished.failureDetail, 'en') : finished.failure}`);
    }
    if (!notifyNote(config.queue.driver, finished.created + finished.updated))
      console.log('Matching follows when the API runs (its outbox sweep picks up the changed profiles and needs).');
    process.exitCode = finished.status === 'FAILED' ? 4 : finished.rejected > 0 ? 3 : 0;
  } finally {
    await app.close();
  }
}

/** Whether the workers were told about the changes (else the embedded API's sweep will find them). */
function notifyNote(driver: 'bullmq' | 'in-process', changed: number): boolean {
  return driver === 'bullmq' || changed === 0;
}
