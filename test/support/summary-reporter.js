/**
 * Keeps the run's counts for global-teardown.js, which prints them as the very last line (Jest's own
 * summary comes after every reporter). Plain JavaScript: Jest loads reporters without the TS transform.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    globalThis.__samverkaTestSummary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
  }
}
