import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { tempDir } from '../support/services.js';

/** The API serving a built web app: its files, its paths, and the API's own routes left alone. */
describe('the web app served by the API', () => {
  const web = tempDir('web-dist');
  let api: EmbeddedApi;

  beforeAll(async () => {
    mkdirSync(path.join(web.dir, 'assets'));
    writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><html lang="sv"><title>Samverka</title><div id="root"></div></html>');
    writeFileSync(path.join(web.dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
    writeFileSync(path.join(web.dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
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
