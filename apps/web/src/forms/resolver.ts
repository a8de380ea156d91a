import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

/** What a form's own check found: a message per field name (react-hook-form's field path), in the reader's language. */
export type Problems<Name extends string = string> = Partial<Record<Name, { type: string; message: string }>>;

/**
 * A react-hook-form resolver from a plain check: the values pass when the check finds no problem.
 * Every form checks in the browser what the API will check, so the reader hears of it before sending.
 */
export function resolverOf<V extends FieldValues>(check: (values: V) => Problems): Resolver<V> {
  return async (values) => {
    const errors = check(values);
    return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<V> } : { values, errors: {} };
  };
}
