import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import request from 'supertest';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { tempDir } from '../support/services.js';

/** The API serving a built web app: its files, its paths, and the API's own routes left alone. */
describe('the web app served by the API', () => {
  const web = tempDir('web-dist');
  let api: EmbeddedApi;

  beforeAll(async () => {
    mkdirSync(path.join(web.dir, 'assets'));
    writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><html lang="sv"><head><title>Samverka</title></head><body><div id="root"></div></body></html>');
    writeFileSync(path.join(web.dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
    writeFileSync(path.join(web.dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(web.dir, 'assets', 'NeedPage-def456.js'), 'export const Component = () => null;');
    writeFileSync(path.join(web.dir, 'assets', 'NeedPage-def456.js.br'), brotliCompressSync('export const Component = () => null;'));
    writeFileSync(
      path.join(web.dir, 'routes.json'),
      JSON.stringify([
        { path: '/', files: ['assets/StartPage-aaa.js'], css: [] },
        { path: '/behov/:needId', files: ['assets/NeedPage-def456.js', 'assets/chunk-x.js'], css: ['assets/NeedPage-def456.css'] },
      ]),
    );
    api = await startEmbeddedApi('web-app', {}, { webDirectory: web.dir });
  });

  afterAll(async () => {
    await api?.stop();
    web.remove();
  });

  it('answers the app’s paths with index.html, revalidated, under a policy that keeps every request on this origin', async () => {
    for (const route of ['/', '/behov', '/behov/3f1c', '/foretag?lan=12&q=st%C3%A4d']) {
      const response = await request(api.url).get(route).set('Accept', 'text/html').expect(200);
      expect(response.type).toBe('text/html');
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('serves the hashed files for a year, compressed, and a missing one as 404, not as the page', async () => {
    const asset = await request(api.url).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.type).toBe('text/javascript');
    const missing = await request(api.url).get('/assets/index-old.js').expect(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('names the chunks of the page asked for in index.html, so they load with the entry', async () => {
    const need = await request(api.url).get('/behov/3f1c').set('Accept', 'text/html').expect(200);
    expect(need.text).toContain('<link rel="modulepreload" crossorigin href="/assets/NeedPage-def456.js">');
    expect(need.text).toContain('<link rel="modulepreload" crossorigin href="/assets/chunk-x.js">');
    expect(need.text).toContain('<link rel="stylesheet" crossorigin href="/assets/NeedPage-def456.css">');
    expect(need.text.indexOf('NeedPage-def456.js')).toBeLessThan(need.text.indexOf('</head>'));
    const start = await request(api.url).get('/').set('Accept', 'text/html').expect(200);
    expect(start.text).toContain('/assets/StartPage-aaa.js');
    expect(start.text).not.toContain('NeedPage');
    const other = await request(api.url).get('/konto').set('Accept', 'text/html').expect(200);
    expect(other.text).not.toContain('modulepreload');
  });

  it('sends the build’s Brotli copy to a browser that accepts it, and the file itself to one that does not', async () => {
    const br = await request(api.url)
      .get('/assets/NeedPage-def456.js')
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    const plain = await request(api.url).get('/assets/NeedPage-def456.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('export const Component = () => null;');
    await request(api.url)
      .get('/assets/..%2f..%2froutes.json')
      .set('Accept-Encoding', 'br')
      .expect((res) => expect([403, 404]).toContain(res.status));
    // A malformed escape is the client's mistake, not the server's.
    await request(api.url).get('/assets/%E0%A4%A.js').set('Accept-Encoding', 'br').expect(400);
  });

  it('serves the other files of the build, cached for a while', async () => {
    const icon = await request(api.url).get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves the API’s routes to the API', async () => {
    const graphql = await request(api.url).post('/graphql').send({ query: '{ __typename }' }).expect(200);
    expect(graphql.body).toEqual({ data: { __typename: 'Query' } });
    expect(graphql.headers['content-encoding']).toBeUndefined();
    await request(api.url).get('/health').expect(200);
    const refresh = await request(api.url).get('/auth/refresh').set('Accept', 'text/html');
    expect(refresh.text).not.toContain('<div id="root">');
    const exported = await request(api.url).get('/export/nothing').set('Accept', 'text/html');
    expect(exported.status).toBe(404);
    expect(exported.text).not.toContain('<div id="root">');
  });

  it('does not answer other methods, or a request for data, with the page', async () => {
    await request(api.url).post('/behov').expect(404);
    const json = await request(api.url).get('/behov').set('Accept', 'application/json');
    expect(json.status).toBe(404);
  });
});

/** The same, with the web app's server render: pages come rendered with their data, or bare when the render cannot help. */
describe('the web app served by the API, rendered on the server', () => {
  const web = tempDir('web-dist-rendered');
  let api: EmbeddedApi;

  beforeAll(async () => {
    mkdirSync(path.join(web.dir, 'dist'));
    writeFileSync(
      path.join(web.dir, 'dist', 'index.html'),
      '<!doctype html><html lang="sv"><head><title>Samverka</title><script type="module" src="/assets/index.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/start.js"></head><body><div id="root"></div></body></html>',
    );
    // Stands for dist/web-server/entry-server.js: asks GraphQL where it is told to, as the real render does.
    writeFileSync(
      path.join(web.dir, 'entry-server.js'),
      `export async function render({ url, origin, language, mayBeSignedIn, graphqlUrl, signal }) {
        const page = new URL(url, 'http://x').pathname;
        if (page === '/konto') return null;
        if (page === '/fel') throw new Error('the render failed');
        const answer = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }), signal });
        const { data } = await answer.json();
        return {
          status: page === '/saknas' ? 404 : 200,
          html: '<main><h1>' + url + '</h1><p>' + [origin.startsWith('http://127.0.0.1:'), language, mayBeSignedIn, data.__typename].join(' ') + '</p></main>',
          title: 'Behov & <mer> – Samverka',
          language,
          state: { ROOT_QUERY: { note: '</script><script>alert(1)</script>' } },
        };
      }`,
    );
    api = await startEmbeddedApi('web-app-rendered', {}, { webDirectory: path.join(web.dir, 'dist'), webServerEntry: path.join(web.dir, 'entry-server.js') });
  });

  afterAll(async () => {
    await api?.stop();
    web.remove();
  });

  it('sends the page rendered, in the reader’s language, with its title and its data for the app to start from', async () => {
    const page = await request(api.url).get('/behov?q=st%C3%A4d').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<div id="root"><main><h1>/behov?q=st%C3%A4d</h1><p>true sv false Query</p></main></div>');
    expect(page.text).toContain('<title>Behov &amp; &lt;mer&gt; – Samverka</title>');
    expect(page.text).toContain('<html lang="sv">');
    expect(page.headers['vary']).toContain('Cookie');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The data cannot end its script element early, and reads back as it was.
    const data = /<script type="application\/json" id="samverka-data">(.*?)<\/script>/.exec(page.text)?.[1];
    expect(data).not.toContain('</script>');
    expect(JSON.parse(data!)).toEqual({ ROOT_QUERY: { note: '</script><script>alert(1)</script>' } });
    // The app's code is fetched after the page, not with it: the first script takes it from the template.
    expect(page.text).toContain('<template id="samverka-preloads"><link rel="modulepreload" crossorigin href="/assets/start.js"></template>');
    expect(page.text.slice(0, page.text.indexOf('</head>'))).not.toContain('modulepreload');

    const english = await request(api.url).get('/behov').set('Accept', 'text/html').set('Cookie', 'other=1; samverka-language=en; samverka-signed-in=1').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('<p>true en true Query</p>');
  });

  it('answers a path the app does not have with 404, rendered', async () => {
    const missing = await request(api.url).get('/saknas').set('Accept', 'text/html').expect(404);
    expect(missing.text).toContain('<h1>/saknas</h1>');
  });

  it('sends the bare app for a page only the browser can show, or when the render fails', async () => {
    for (const route of ['/konto', '/fel']) {
      const page = await request(api.url).get(route).set('Accept', 'text/html').expect(200);
      expect(page.text).toContain('<div id="root"></div>');
      expect(page.text).not.toContain('samverka-data');
      expect(page.text.slice(0, page.text.indexOf('</head>'))).toContain('modulepreload');
    }
  });
});
