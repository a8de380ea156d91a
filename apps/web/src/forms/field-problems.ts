import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { FieldProblem } from './api-errors';

/** A form's problems (as react-hook-form holds them) in the order of its fields, for the error summary. */
export function fieldProblems<T extends FieldValues>(errors: FieldErrors<T>, order: readonly (keyof T & string)[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const path of order) {
    const message = errors[path]?.message;
    if (typeof message === 'string' && message) problems.push({ path, message });
  }
  return problems;
}
