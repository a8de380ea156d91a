import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import { currentLanguage } from '../i18n';
import { accessToken, CSRF_HEADERS, refreshSession } from './tokens';

/**
 * A GraphQL request with one file, as a multipart request (github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` (the query and its variables, the file as null), `map` (which variable the file is), and the file.
 * Apollo's HTTP link sends JSON only, so this sends it with `fetch`, with what every request of the app carries
 * (the access token, the reader's language, the CSRF header) and the header the API's CSRF prevention asks of
 * a multipart request. An expired access token is renewed once, as the Apollo link does.
 *
 * It answers with the data, or throws what Apollo would throw, so that `problemsOf` reads it the same way:
 * `CombinedGraphQLErrors` for the API's errors, `ServerError` for an answer that is not GraphQL (413: too large).
 */
export async function uploadFile<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  /** Where the file goes among the variables: `input.file`. */
  filePath: string,
  file: File,
  fetchImpl: typeof fetch = fetch,
): Promise<TData> {
  const send = () => {
    const body = new FormData();
    body.append('operations', JSON.stringify({ query: print(document), variables: withNull(variables, filePath) }));
    body.append('map', JSON.stringify({ 0: [`variables.${filePath}`] }));
    body.append('0', file, file.name);
    const token = accessToken();
    return fetchImpl('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      body,
      headers: {
        'Accept-Language': currentLanguage(),
        'apollo-require-preflight': 'true',
        ...CSRF_HEADERS,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  };

  let response = await send();
  let result = await readResult<TData>(response);
  if (result && isUnauthenticated(result) && (await refreshSession())) {
    response = await send();
    result = await readResult<TData>(response);
  }
  if (!result) throw new ServerError(`The API answered ${response.status}`, { response, bodyText: '' });
  if (result.errors?.length) throw new CombinedGraphQLErrors(result);
  if (!result.data) throw new ServerError('The API answered without data', { response, bodyText: '' });
  return result.data;
}

async function readResult<TData>(response: Response): Promise<FormattedExecutionResult<TData> | null> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    return (await response.json()) as FormattedExecutionResult<TData>;
  } catch {
    return null;
  }
}

function isUnauthenticated(result: FormattedExecutionResult<unknown>): boolean {
  return result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/** The variables with the file's place set to null, as the spec wants. */
function withNull(variables: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...variables, [head]: null };
  return { ...variables, [head]: withNull((variables[head] ?? {}) as Record<string, unknown>, rest.join('.')) };
}
