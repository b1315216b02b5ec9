import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../testing.js';
import { cacheControlFor } from './home.js';

describe('what crosses a slow network', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer('sqlite');
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps hashed assets for a year and checks everything else on every visit', () => {
    expect(cacheControlFor('/srv/dist/web/assets/index-DPQ1VEas.js')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlFor('/srv/dist/web/assets/index-DPQ1VEas.js.br')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlFor('/srv/dist/web/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/web/index.html.br')).toBe('no-cache');
  });

  it('compresses API answers with Brotli when the browser accepts it', async () => {
    const plain = await server.app.inject({ method: 'GET', url: '/api/channels' });
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/channels',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    const body = brotliDecompressSync(response.rawPayload).toString('utf8');
    expect(JSON.parse(body)).toEqual(plain.json());
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('serves the page of the app so that the browser asks again', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/cases/abc' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/u);
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});
