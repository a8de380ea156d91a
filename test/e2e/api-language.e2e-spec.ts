import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';

// Errors are put into the asker's language at the edge: Swedish unless Accept-Language prefers English;
// the code stays the same in every language.
describe('the language of the API (embedded mode)', () => {
  let api: EmbeddedApi;

  beforeAll(async () => {
    api = await startEmbeddedApi('api-language');
  });

  afterAll(async () => {
    await api?.stop();
  });

  const needs = (headers: Record<string, string>) => gql(api.url, `query { needs(first: 5000) { totalCount } }`, {}, headers);

  it('answers in Swedish by default', async () => {
    const result = await needs({});
    expect(result.errors?.[0]).toMatchObject({
      message: 'En uppgift behöver rättas.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['first'], code: 'OUT_OF_RANGE', message: 'Ange ett heltal från 1 till 100.' }] },
    });
  });

  it('answers in English when Accept-Language prefers it, with the same code', async () => {
    const result = await needs({ 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'One field needs correcting.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['first'], code: 'OUT_OF_RANGE', message: 'Give a whole number from 1 to 100.' }] },
    });
  });
});
