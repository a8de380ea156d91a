import { checkOpsToken } from './ops-token.js';

const TOKEN = 'a-long-operations-token-0123456789';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('checkOpsToken', () => {
  it.each([
    [undefined, undefined, 'disabled'],
    [`Bearer ${TOKEN}`, undefined, 'disabled'],
    [undefined, TOKEN, 'missing'],
    ['Bearer ', TOKEN, 'missing'],
    ['Digest abc', TOKEN, 'missing'],
    [`Bearer ${TOKEN}`, TOKEN, 'ok'],
    [`bearer ${TOKEN}`, TOKEN, 'ok'],
    [basic('ops', TOKEN), TOKEN, 'ok'],
    [basic('anyone', `${TOKEN}x`), TOKEN, 'wrong'],
    [`Bearer ${TOKEN.slice(0, -1)}`, TOKEN, 'wrong'],
  ])('%s against %s → %s', (header, token, expected) => {
    expect(checkOpsToken(header, token)).toBe(expected);
  });
});
