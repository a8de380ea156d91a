import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import { BenchContext, findRepoRoot } from './context.js';
import { e2eSection } from './e2e.js';
import { kernelSection } from './kernel.js';
import { rebuildSection } from './rebuild.js';
import { writeMarkedSection } from '../performance-doc.js';
import { renderConsole, renderMarkdown, type SectionResult } from './report.js';
import { baselineSection } from './sql-baseline.js';

/**
 * `npm run bench:matching -- [--enterprises N] [--needs M] [--sections a,b] [--seed S] [--no-write]`
 *
 * Runs the selected sections (all by default) in registry order, prints a table and writes the results
 * between the bench:matching markers of docs/performance.md.
 */
export interface Section {
  /** Heading of the section in the report. */
  title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

/**
 * Every section this script knows, in the order they run. A section's rows that name one of report.ts's
 * TARGETS with targetId ('kernel.…', 'rebuild.full', 'e2e.p95') replace that target's "not run" row.
 */
export const SECTIONS: Record<string, Section> = {
  kernel: { title: 'Kernel, in process', run: kernelSection },
  baseline: { title: 'Naive PostgreSQL baseline', run: baselineSection },
  rebuild: { title: 'Full rebuild by worker processes (PostgreSQL + Redis)', run: rebuildSection },
  e2e: { title: 'End to end: publish → matches readable (API + worker)', run: e2eSection },
};

/** A bad command line: printed without a stack trace. */
class UsageError extends Error {}

interface Args {
  enterprises: number;
  needs: number;
  seed: number;
  sections: string[];
  write: boolean;
}

const USAGE = `Usage: npm run bench:matching -- [--enterprises N] [--needs M] [--sections ${Object.keys(SECTIONS).join(',')}] [--seed S] [--no-write]`;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { enterprises: 100_000, needs: 10_000, seed: 20_260_101, sections: Object.keys(SECTIONS), write: true };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq !== -1) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const next = () => {
      const v = value ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const positive = (v: string) => {
      const x = Number(v.replace(/[_ ]/g, ''));
      if (!Number.isInteger(x) || x < 1) throw new UsageError(`${flag} must be a positive integer, got ${v}`);
      return x;
    };
    switch (flag) {
      case '--enterprises':
        args.enterprises = positive(next());
        break;
      case '--needs':
        args.needs = positive(next());
        break;
      case '--seed':
        args.seed = positive(next());
        break;
      case '--sections': {
        const names = next()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = names.filter((s) => !(s in SECTIONS));
        if (unknown.length > 0) throw new UsageError(`Unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
        args.sections = Object.keys(SECTIONS).filter((s) => names.includes(s));
        break;
      }
      case '--no-write':
        args.write = false;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`Unknown argument ${argv[i]}\n${USAGE}`);
    }
  }
  return args;
}

function reproduceCommand(args: Args): string {
  const parts = ['npm run bench:matching --', `--enterprises ${args.enterprises}`, `--needs ${args.needs}`];
  if (args.seed !== 20_260_101) parts.push(`--seed ${args.seed}`);
  if (args.sections.length !== Object.keys(SECTIONS).length) parts.push(`--sections ${args.sections.join(',')}`);
  return parts.join(' ');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const date = new Date();
  const ctx = BenchContext.create({ enterprises: args.enterprises, needs: args.needs, seed: args.seed });
  for (const name of args.sections) {
    const section = SECTIONS[name];
    console.error(`[bench:matching] ${name}: ${section.title}…`);
    const sectionStarted = performance.now();
    const result = await section.run(ctx);
    result.durationMs = performance.now() - sectionStarted;
    ctx.results.set(name, result);
  }
  const info = {
    date,
    enterprises: args.enterprises,
    needs: args.needs,
    seed: args.seed,
    algorithmVersion: ALGORITHM_VERSION,
    command: reproduceCommand(args),
    sections: args.sections,
    durationMs: performance.now() - started,
  };
  console.log(renderConsole(info, ctx.results));
  if (args.write) {
    const titles = new Map(Object.entries(SECTIONS).map(([name, s]) => [name, s.title]));
    const file = writeMarkedSection(findRepoRoot(), 'bench:matching', renderMarkdown(info, ctx.results, titles));
    console.log(`\nWrote ${file}`);
  }
}

// Run when executed, not when imported (another script may import SECTIONS or parseArgs).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
