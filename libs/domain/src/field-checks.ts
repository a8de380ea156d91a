import { DomainError, type FieldProblems } from './domain-error.js';

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

/** Whether an error is a refusal of bad input naming fields: what `checked` gathers. */
export function isFieldRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.fields.length > 0;
}
