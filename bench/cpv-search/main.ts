/**
 * Evaluation of the CPV search (`npm run eval:cpv-search`): each everyday term of bench/eval/cpv-terms.csv
 * searched with the index the API uses (labels and data/cpv-synonyms.csv), and where the expected code
 * comes. Reports top-1 and top-5 for the ranked search and for the search before ranking (code order),
 * lists the misses, and writes the result between the eval:cpv-search markers of docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readCpvIndexCodes, readCpvSearchIndex } from '@samverka/reference-data';
import { findProjectRoot } from '../eval/dataset.js';
import { writeMarkedSection } from '../performance-doc.js';
import { previousSearch } from './previous-search.js';

const COMMAND = 'npm run eval:cpv-search';

interface Term {
  term: string;
  expected: string;
  kind: string;
}

interface Outcome {
  term: Term;
  /** 1-based rank of the expected code, or null when it is not found. */
  rank: number | null;
  previousRank: number | null;
  first: string | undefined;
}

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

function main(): void {
  const root = findProjectRoot(import.meta.dirname);
  const dataDir = path.join(root, 'data');
  const terms = (parse(fs.readFileSync(path.join(root, 'bench', 'eval', 'cpv-terms.csv')), { columns: true, skip_empty_lines: true }) as Term[]).map((t) => ({
    term: t.term.trim(),
    expected: t.expected.trim(),
    kind: t.kind.trim(),
  }));
  const codes = readCpvIndexCodes(dataDir);
  const labels = new Map(codes.map((c) => [c.code, c.labelSv]));
  const unknown = terms.filter((t) => !labels.has(t.expected));
  if (unknown.length > 0) throw new Error(`bench/eval/cpv-terms.csv: unknown expected codes: ${unknown.map((t) => `${t.term} → ${t.expected}`).join(', ')}`);

  const buildStarted = performance.now();
  const index = readCpvSearchIndex(dataDir);
  const buildMs = performance.now() - buildStarted;
  const timings: number[] = [];
  const outcomes: Outcome[] = terms.map((term) => {
    const started = performance.now();
    const ranked = index.search(term.term).map((r) => r.code);
    timings.push(performance.now() - started);
    const at = ranked.indexOf(term.expected);
    const previousAt = previousSearch(codes, term.term).indexOf(term.expected);
    return { term, rank: at === -1 ? null : at + 1, previousRank: previousAt === -1 ? null : previousAt + 1, first: ranked[0] };
  });

  const n = outcomes.length;
  const top = (k: number, rank: (o: Outcome) => number | null) =>
    outcomes.filter((o) => {
      const r = rank(o);
      return r !== null && r <= k;
    }).length;
  const sorted = [...timings].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(n / 2)];
  const p95 = sorted[Math.min(n - 1, Math.floor(n * 0.95))];
  const kinds = [...new Set(terms.map((t) => t.kind))];
  const misses = outcomes.filter((o) => o.rank !== 1);

  const lines = [
    '## CPV search by relevance (`npm run eval:cpv-search`)',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} · reproduce with \`${COMMAND}\` (code in \`bench/cpv-search/\`, terms in \`bench/eval/cpv-terms.csv\`, everyday terms in \`data/cpv-synonyms.csv\`).`,
    `${n} everyday search terms, each with the CPV code a person typing it means; where does that code come in \`cpvCodes(search:)\`?`,
    '',
    '| Search | Top-1 | Top-5 | Found at all |',
    '|---|---:|---:|---:|',
    `| Ranked (labels, stems, compounds, everyday terms) | ${percent(
      top(1, (o) => o.rank),
      n,
    )} | ${percent(
      top(5, (o) => o.rank),
      n,
    )} | ${percent(
      top(Infinity, (o) => o.rank),
      n,
    )} |`,
    `| Before: label text and word starts, code order | ${percent(
      top(1, (o) => o.previousRank),
      n,
    )} | ${percent(
      top(5, (o) => o.previousRank),
      n,
    )} | ${percent(
      top(Infinity, (o) => o.previousRank),
      n,
    )} |`,
    '',
    '| Kind of term | Terms | Top-1 | Top-5 |',
    '|---|---:|---:|---:|',
    ...kinds.map((kind) => {
      const of = outcomes.filter((o) => o.term.kind === kind);
      const hits = (k: number) => of.filter((o) => o.rank !== null && o.rank <= k).length;
      return `| ${kind} | ${of.length} | ${percent(hits(1), of.length)} | ${percent(hits(5), of.length)} |`;
    }),
    '',
    `Index built in ${Math.round(buildMs)} ms (once per process); a search takes p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms on this machine (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} when measured).`,
    '',
    misses.length === 0 ? 'Every expected code came first.' : 'Terms whose expected code did not come first:',
    '',
    ...misses.map((o) =>
      `- "${o.term.term}" (${o.term.kind}): ${o.term.expected} ${labels.get(o.term.expected)} at ${o.rank ?? 'not found'}; first ${o.first ?? '(nothing)'} ${o.first ? labels.get(o.first) : ''}`.trimEnd(),
    ),
  ];
  const body = lines.join('\n');
  const file = writeMarkedSection(root, 'eval:cpv-search', body);
  console.log(body);
  console.log(`\nWritten to ${path.relative(root, file)}`);
}

main();
