import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** One problem with one field, as the API names it (`extensions.fields`) or as the form's own check finds it. */
export interface FieldProblem {
  /** The field's path in the input: `email`, `values[1].value`. */
  path: string;
  message: string;
}

export interface ApiProblems {
  /** Problems of single fields, to place on them. */
  fields: FieldProblem[];
  /** What the API said that belongs to no field (or the form's own text when it said nothing useful). */
  general: string | null;
  /** The API's error code, such as BAD_USER_INPUT, FORBIDDEN, STALE. */
  code: string | null;
}

interface ErrorExtensions {
  code?: string;
  /** The API writes a path as a list (`["filter", "budgetFromSek"]`, `["ids", 3]`, docs/api.md); a dotted string is read too. */
  fields?: { path: string | readonly (string | number)[]; code?: string; message: string }[];
}

/**
 * Reads an error from the API into what a form shows: each field's problem in the reader's language (the
 * API writes its texts in the Accept-Language the app sends) and anything else as one general message.
 */
export function problemsOf(error: unknown, fallback: string): ApiProblems {
  if (CombinedGraphQLErrors.is(error)) {
    const fields: FieldProblem[] = [];
    const general: string[] = [];
    let code: string | null = null;
    for (const e of error.errors) {
      const extensions = (e.extensions ?? {}) as ErrorExtensions;
      code ??= extensions.code ?? null;
      if (extensions.fields?.length) fields.push(...extensions.fields.map((f) => ({ path: stripInput(f.path), message: f.message })));
      else if (e.message) general.push(e.message);
    }
    return { fields, general: general.length ? general.join(' ') : null, code };
  }
  if (ServerError.is(error) && error.statusCode === 413) return { fields: [], general: fallback, code: 'PAYLOAD_TOO_LARGE' };
  return { fields: [], general: fallback, code: null };
}

/** The API names fields from the mutation's input; the forms name them the same without `input.`. */
function stripInput(path: string | readonly (string | number)[]): string {
  const dotted = typeof path === 'string' ? path : path.reduce<string>((at, part) => (typeof part === 'number' ? `${at}[${part}]` : at ? `${at}.${part}` : part), '');
  return dotted.replace(/^input\./, '');
}

/** The id of a field's element, so the error summary can link to it. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
