/** Ends the run with one plain line, `Summary: N passed, N failed, N skipped`, for any CI log reader. */
export default async function globalTeardown() {
  const summary = globalThis.__samverkaTestSummary;
  if (!summary) return;
  // After Jest's own summary, which it writes to stderr when the run ends.
  process.on('exit', () => {
    process.stderr.write(`Summary: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
  });
}
