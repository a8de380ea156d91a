// One polling helper for the tests and the benchmarks.
export { waitFor } from '../../bench/support/polling.js';
