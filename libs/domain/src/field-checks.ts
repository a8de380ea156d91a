import type { FieldProblems } from './domain-error.js';

/**
 * Runs the check of one part of an input and returns what it gives; when the check refuses the part as
 * bad input, its field problems join `problems` and the result is undefined, so the caller goes on to
 * check the other parts and reports them all at once (`problems.throwIfAny()`). Any other error is
 * thrown on.
 */
export function checked<T>(problems: FieldProblems, check: () => T): T | undefined {
  let result: T | undefined;
  problems.absorb(() => {
    result = check();
  });
  return result;
}

/** `checked` for a check that reads (code lists, the database). */
export async function checkedAsync<T>(problems: FieldProblems, check: () => Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    problems.absorb(() => {
      throw error;
    });
    return undefined;
  }
}
