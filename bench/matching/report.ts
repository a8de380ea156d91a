import os from 'node:os';

/**
 * Results of the matching benchmark: what sections return, the targets from the issue, the console
 * table and the section of docs/performance.md between the bench:matching markers.
 *
 * A section returns `{ rows }`. A row that measures one of TARGETS names it with `targetId` (and sets
 * `target` and `pass`); every target that no row of the run answered is shown as "not run". A section
 * added later (rebuild, e2e) only has to return rows with targetId 'rebuild.full' or 'e2e.p95'.
 */
export interface ResultRow {
  measurement: string;
  /** Already formatted, with its unit. */
  value: string;
  /** The target from the issue, as text ("≤ 50 ms p50"). */
  target?: string;
  /** True PASS, false MISS, undefined: no verdict (informational, or not comparable at these sizes). */
  pass?: boolean;
  /** One of TARGETS' ids, when the row is the measurement for that target. */
  targetId?: string;
  /** Why there is no verdict, or anything else to read next to the value. */
  note?: string;
}

export interface SectionResult {
  rows: ResultRow[];
  /** Free-text observations, shown under the section's table. */
  notes?: string[];
  /** Set by the runner. */
  durationMs?: number;
}

export interface Target {
  id: string;
  measurement: string;
  target: string;
  /** The section that measures it. */
  section: string;
}

/** The performance targets of the matching issue. */
export const TARGETS: readonly Target[] = [
  { id: 'kernel.pairsPerSecond', measurement: 'Pairs scored per second per core (median over needs)', target: '≥ 5 000 000 pairs/s', section: 'kernel' },
  { id: 'kernel.needVsAll', measurement: 'One need vs 100 000 enterprises (features + rankProfiles top 50), p50', target: '≤ 50 ms p50', section: 'kernel' },
  { id: 'rebuild.full', measurement: 'Full rebuild of all matches', target: '≤ 5 min', section: 'rebuild' },
  { id: 'e2e.p95', measurement: 'End-to-end latency at 100 000 enterprises, p95', target: '≤ 2 s p95', section: 'e2e' },
];

export interface RunInfo {
  date: Date;
  enterprises: number;
  needs: number;
  seed: number;
  algorithmVersion: string;
  command: string;
  sections: string[];
  durationMs: number;
}

export function status(pass: boolean | undefined): string {
  return pass === true ? 'PASS' : pass === false ? 'MISS' : '–';
}

export function machine(): { cpu: string; cores: number; memory: string; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    platform: `${process.platform} ${process.arch} (${os.release()})`,
  };
}

/** One row per target: the row that answered it, or "not run". */
function targetRows(results: ReadonlyMap<string, SectionResult>): { target: Target; row: ResultRow | null }[] {
  const rows = [...results.values()].flatMap((r) => r.rows);
  return TARGETS.map((target) => ({ target, row: rows.find((r) => r.targetId === target.id) ?? null }));
}

// ------------------------------------------------------------------ console

function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderConsole(info: RunInfo, results: ReadonlyMap<string, SectionResult>): string {
  const out: string[] = [];
  const m = machine();
  out.push(`Matching benchmark: ${info.enterprises} enterprises, ${info.needs} open needs, seed ${info.seed}, ${info.algorithmVersion}`);
  out.push(`${m.cpu}, ${m.cores} cores, ${m.memory}, Node ${m.node}, ${m.platform}`);
  for (const [name, result] of results) {
    out.push('', `[${name}] (${((result.durationMs ?? 0) / 1000).toFixed(1)} s)`);
    out.push(
      textTable(
        ['Measurement', 'Value', 'Target', 'Status'],
        result.rows.map((r) => [r.measurement, r.value + (r.note ? ` (${r.note})` : ''), r.target ?? '', r.target ? status(r.pass) : '']),
      ),
    );
    for (const note of result.notes ?? []) out.push(`  * ${note}`);
  }
  out.push('', 'Targets');
  out.push(
    textTable(
      ['Target', 'Goal', 'Result', 'Status'],
      targetRows(results).map(({ target, row }) => [
        target.measurement,
        target.target,
        row ? row.value + (row.note ? ` (${row.note})` : '') : 'not run',
        row ? status(row.pass) : 'not run',
      ]),
    ),
  );
  out.push('', `Total ${(info.durationMs / 1000).toFixed(1)} s`);
  return out.join('\n');
}

// ------------------------------------------------------------------ markdown

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(info: RunInfo, results: ReadonlyMap<string, SectionResult>, titles: ReadonlyMap<string, string>): string {
  const m = machine();
  const lines: string[] = [];
  lines.push('## Matching benchmark', '');
  lines.push(`Measured ${info.date.toISOString()} with \`${info.command}\` (sections: ${info.sections.join(', ')}; ${(info.durationMs / 1000).toFixed(0)} s in all).`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Machine | ${cell(m.cpu)}, ${m.cores} cores, ${m.memory} RAM |`);
  lines.push(`| Runtime | Node ${m.node}, ${cell(m.platform)} |`);
  lines.push(
    `| Sizes | ${info.enterprises.toLocaleString('sv-SE')} enterprises, ${info.needs.toLocaleString('sv-SE')} open needs (synthetic, seed ${info.seed}: \`bench/matching/synthetic.ts\`) |`,
  );
  lines.push(`| Algorithm | \`${info.algorithmVersion}\` |`);
  lines.push(`| Reproduce | \`${info.command}\` |`);
  lines.push('');
  lines.push('### Targets', '');
  lines.push('| Measurement | Target | Result | Status |', '|---|---|---|---|');
  for (const { target, row } of targetRows(results)) {
    const result = row ? row.value + (row.note ? ` (${row.note})` : '') : 'not run';
    lines.push(`| ${cell(target.measurement)} | ${cell(target.target)} | ${cell(result)} | ${row ? status(row.pass) : `not run (section \`${target.section}\`)`} |`);
  }
  for (const [name, result] of results) {
    lines.push('', `### ${titles.get(name) ?? name} (\`${name}\`, ${((result.durationMs ?? 0) / 1000).toFixed(0)} s)`, '');
    lines.push('| Measurement | Value | Target | Status |', '|---|---|---|---|');
    for (const r of result.rows) {
      lines.push(`| ${cell(r.measurement)} | ${cell(r.value + (r.note ? ` (${r.note})` : ''))} | ${cell(r.target ?? '')} | ${r.target ? status(r.pass) : ''} |`);
    }
    if (result.notes?.length) {
      lines.push('');
      for (const note of result.notes) lines.push(`- ${note}`);
    }
  }
  return lines.join('\n');
}
