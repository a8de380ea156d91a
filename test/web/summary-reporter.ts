import { existsSync, readFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { SERVER_LOG } from './global-setup';

/** One line at the end of the run: "web e2e: N passed, N failed". */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
    }
    if (failed > 0 && existsSync(SERVER_LOG)) {
      const problems = readFileSync(SERVER_LOG, 'utf8')
        .split('\n')
        .filter((line) => /\b(WARN|ERROR|FATAL)\b/.test(line));
      console.log(`The server's last warnings and errors (${SERVER_LOG}):\n${problems.slice(-30).join('\n')}`);
    }
    console.log(`web e2e: ${passed} passed, ${failed} failed`);
  }
}
