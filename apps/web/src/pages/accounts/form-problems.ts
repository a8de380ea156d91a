import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { FieldProblem } from '../../forms/api-errors';

/** The password rule the API applies (libs/domain/src/accounts/account-rules.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** The form's problems in the order of its fields, for the error summary. */
export function problemsOf<T extends FieldValues>(errors: FieldErrors<T>, order: readonly (keyof T & string)[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const path of order) {
    const message = errors[path]?.message;
    if (typeof message === 'string' && message) problems.push({ path, message });
  }
  return problems;
}

/** A same-site path to return to after signing in (`?till=`): it starts with one slash, never two or a backslash. */
export function safeReturnPath(value: string | null, fallback = '/start'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
