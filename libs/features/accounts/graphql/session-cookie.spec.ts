import { isSecureContext } from './session-cookie.js';

describe('isSecureContext (whether the session cookie is Secure)', () => {
  it.each([
    ['https://samverka.se', true],
    ['https://192.168.1.20:8443', true],
    ['http://localhost:3000', true],
    ['http://app.localhost:5173', true],
    ['http://127.0.0.1:3000', true],
    ['http://[::1]:3000', true],
    ['http://192.168.1.20:3000', false],
    ['http://samverka.se', false],
    ['http://localhost.samverka.se', false],
  ])('%s: %s', (url, secure) => {
    expect(isSecureContext(url)).toBe(secure);
  });
});
