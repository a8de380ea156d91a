import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '@samverka/engine';
import type { z } from 'zod';
import { demoScenarioSchema, type DemoScenario } from './demo-scenario.types.js';

/** A scenario file that cannot be read, is not JSON, or does not have the scenario's shape. */
export class DemoScenarioError extends StartupError {
  override name = 'DemoScenarioError';
}

/**
 * Reads a scenario file and checks it against the scenario's schema. Every problem is reported at once,
 * each with its place in the data (`needs[3].status`), so a broken file is fixed in one go.
 */
export function loadDemoScenario(file: string): DemoScenario {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DemoScenarioError(`The demo scenario ${file} cannot be read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DemoScenarioError(`The demo scenario ${name} is not valid JSON: ${(error as Error).message}`);
  }
  return parseDemoScenario(data, name);
}

/** Checks data against the scenario's schema; `source` names it in the message. */
export function parseDemoScenario(data: unknown, source: string): DemoScenario {
  const parsed = demoScenarioSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => problemsOf(issue, []));
  throw new DemoScenarioError(`The demo scenario ${source} does not have the scenario's shape:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

type Issue = z.core.$ZodIssue;

/**
 * One line per problem. A value that fits none of a union's forms (a partnership's source) is reported
 * through the form it came closest to, the one whose problems lie deepest: `{ agreement: … }` with a bad
 * date says which date, not only that the source is invalid.
 */
function problemsOf(issue: Issue, base: PropertyKey[]): string[] {
  const at = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const depth = (branch: Issue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const [closest, next] = [...issue.errors].sort((a, b) => depth(b) - depth(a));
    if (!next || depth(closest) > depth(next)) return closest.flatMap((i) => problemsOf(i, at));
  }
  return [`${dataPath(at) || '(the whole file)'}: ${issue.message}`];
}

/** `partnerships[2].reports[0].values`: the path as one would write it in JavaScript. */
function dataPath(segments: PropertyKey[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');
}
