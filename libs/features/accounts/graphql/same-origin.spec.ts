import { crossSiteRefusal } from './same-origin.js';

const OURS = 'https://samverka.se';

describe('crossSiteRefusal', () => {
  it.each([
    ['our page', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'same-origin', origin: OURS }, null],
    ['our page behind a development server proxying the API (its own origin)', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' }, null],
    ['a browser without Fetch Metadata, from our origin', { 'x-samverka-csrf': '1', origin: OURS }, null],
    ['a script (no Origin, no Sec-Fetch-Site)', { 'x-samverka-csrf': '1' }, null],
    ['our page served from the public address, the API elsewhere', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'same-site', origin: OURS }, null],
    ['no header', { 'sec-fetch-site': 'same-origin', origin: OURS }, 'accounts.csrfHeaderMissing'],
    ['a header with another value', { 'x-samverka-csrf': '0', 'sec-fetch-site': 'same-origin', origin: OURS }, 'accounts.csrfHeaderMissing'],
    ['a cross-site form', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'accounts.csrfHeaderMissing'],
    ['a foreign origin', { 'x-samverka-csrf': '1', origin: 'https://evil.example' }, 'accounts.crossSiteRequest'],
    ['a sibling site', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'same-site', origin: 'https://evil.samverka.se' }, 'accounts.crossSiteRequest'],
    ['a cross-site request without Origin', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'cross-site' }, 'accounts.crossSiteRequest'],
    ['a navigation typed by the user', { 'x-samverka-csrf': '1', 'sec-fetch-site': 'none' }, 'accounts.crossSiteRequest'],
    ['an opaque origin (sandboxed frame)', { 'x-samverka-csrf': '1', origin: 'null' }, 'accounts.crossSiteRequest'],
    ['our origin over http', { 'x-samverka-csrf': '1', origin: 'http://samverka.se' }, 'accounts.crossSiteRequest'],
  ] as const)('%s', (_case, headers, expected) => {
    expect(crossSiteRefusal(headers, OURS)).toBe(expected);
  });
});
