/** A GraphQL request over HTTP, as a client would send it. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A mutation as a client sends it: its one argument `input`, of type `<Name>Input`, and the fields wanted
 * from its payload (`selection`). Without `input`, a mutation that takes none.
 */
export async function mutate<T = Record<string, unknown>>(
  baseUrl: string,
  name: string,
  input: Record<string, unknown> | undefined,
  selection: string,
  headers: Record<string, string> = {},
) {
  const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  const query = input === undefined ? `mutation { ${name} { ${selection} } }` : `mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`;
  return gql<T>(baseUrl, query, input === undefined ? {} : { input }, headers);
}
