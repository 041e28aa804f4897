import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Every page the server sends reaches the browser compressed: brotli when accepted, else gzip, else as is, with
 * `Vary: Accept-Encoding`, the same (weak) ETag whatever the encoding, 304s and HEADs without a body, and the
 * precompressed widget files sent as they are (never compressed twice).
 */

const DEMO = join(import.meta.dirname, '..', '..', 'demo');

type Encoding = 'br' | 'gzip' | 'identity';
const decode = (encoding: string | undefined, raw: Buffer): Buffer =>
  encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
const varies = (headers: Record<string, unknown>) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(String(headers.vary ?? ''));

describe('compression of pages, styles and scripts', () => {
  let server: TestServer;
  // Big enough to be compressed; the precompressed copies are recognisable (their own content), so a test can
  // tell "sent the .br file" from "compressed the .js on the fly".
  const entry = `export const widgets = ${JSON.stringify('spp '.repeat(800))};\n`;
  const entryBr = brotliCompressSync(Buffer.from(entry));
  const entryGz = gzipSync(Buffer.from(entry), { level: 9 });

  before(async () => {
    server = await startTestServer({ dist: { 'spp-widgets.js': entry, 'spp-widgets.js.br': entryBr, 'spp-widgets.js.gz': entryGz } });
  });
  after(() => server.close());

  const get = (url: string, encoding: Encoding, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers: { ...(encoding === 'identity' ? {} : { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' }), ...headers } });

  // One of each kind of page: static demo files (streamed from disk), pages built per request, the agent page.
  const pages: { url: string; type: RegExp; file?: string; contains: string }[] = [
    // The demo pages with their elements' fragments included (server/routes/fragment-pages.ts).
    { url: '/', type: /^text\/html/, contains: '<template shadowroot' },
    { url: '/mairie', type: /^text\/html/, contains: 'MAIRIE-ANNECY' },
    { url: '/configurator', type: /^text\/html/, file: 'configurator.html', contains: '<html' },
    { url: '/demo.css', type: /^text\/css/, file: 'demo.css', contains: '{' },
    { url: '/configurator.js', type: /javascript/, file: 'configurator.js', contains: 'import' },
    { url: '/kit/CAF-69', type: /^text\/html/, contains: 'CAF' },
    { url: '/api/v1/structures/CAF-69/results', type: /json/, contains: '"indicators"' },
  ];

  for (const page of pages) {
    it(`${page.url}: brotli, gzip or as is depending on Accept-Encoding, the same content and ETag`, async () => {
      const plain = await get(page.url, 'identity');
      assert.equal(plain.statusCode, 200, plain.body.slice(0, 200));
      assert.match(String(plain.headers['content-type']), page.type);
      assert.equal(plain.headers['content-encoding'], undefined, 'a client that accepts no encoding gets the bytes as they are');
      assert.ok(varies(plain.headers), `Vary names Accept-Encoding even uncompressed (got ${plain.headers.vary})`);
      assert.ok(plain.body.includes(page.contains));
      if (page.file) assert.equal(plain.body, readFileSync(join(DEMO, page.file), 'utf8'));
      assert.ok(plain.rawPayload.length >= 1024, 'every page here is worth compressing');

      for (const encoding of ['br', 'gzip'] as const) {
        const res = await get(page.url, encoding);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-encoding'], encoding, `${page.url} with Accept-Encoding ${encoding}`);
        assert.ok(varies(res.headers), `Vary: ${res.headers.vary}`);
        assert.match(String(res.headers['content-type']), page.type);
        assert.ok(res.rawPayload.length < plain.rawPayload.length * 0.7, `${encoding}: ${res.rawPayload.length} of ${plain.rawPayload.length} bytes`);
        assert.equal(decode(encoding, res.rawPayload).toString('utf8'), plain.body, 'decodes to exactly the uncompressed answer (compressed once)');
        if (res.headers['content-length'] !== undefined) assert.equal(Number(res.headers['content-length']), res.rawPayload.length);
        assert.equal(res.headers.etag, plain.headers.etag, 'the validator does not depend on the encoding');
      }
    });
  }

  it('answers a matching If-None-Match with an empty 304 in each encoding', async () => {
    // The widget files' .br and .gz copies are files of their own, with their own ETag; a browser revalidates
    // with the Accept-Encoding it fetched with, so each encoding is checked against its own validator.
    for (const url of ['/', '/demo.css', '/configurator.js', '/widgets/spp-widgets.js', '/api/v1/structures/CAF-69/results']) {
      for (const encoding of ['br', 'gzip', 'identity'] as const) {
        const first = await get(url, encoding);
        const etag = String(first.headers.etag ?? '');
        assert.ok(etag, `${url} has an ETag`);
        const again = await get(url, encoding, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, `${url} (${encoding})`);
        assert.equal(again.rawPayload.length, 0, `${url} (${encoding}): a 304 has no body, compressed or not`);
        assert.ok(varies(again.headers), `${url} (${encoding}): Vary on the 304 too`);
      }
    }
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    for (const url of ['/', '/mairie', '/demo.css', '/form/CAF-69', '/widgets/spp-widgets.js']) {
      const head = await server.app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'br' } });
      assert.equal(head.statusCode, 200, url);
      assert.equal(head.rawPayload.length, 0, `${url}: HEAD has no body`);
      assert.equal(head.headers.etag ?? null, (await get(url, 'br')).headers.etag ?? null, `${url}: the GET's validator`);
      assert.match(String(head.headers['content-type']), /^(text\/|application\/javascript|text\/javascript)/);
      assert.ok(varies(head.headers), `${url}: Vary: ${head.headers.vary}`);
    }
  });

  it('sends the precompressed widget files as they are, never compressed a second time', async () => {
    for (const prefix of ['/widgets/', `/widgets/v${(await server.app.inject('/widgets/manifest.json')).json().version}/`]) {
      const br = await get(`${prefix}spp-widgets.js`, 'br');
      assert.equal(br.statusCode, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.deepEqual(br.rawPayload, entryBr, 'the .br file, byte for byte');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), entry);
      assert.ok(varies(br.headers));

      const gz = await get(`${prefix}spp-widgets.js`, 'gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(gz.rawPayload, entryGz, 'the .gz file, byte for byte');

      const plain = await get(`${prefix}spp-widgets.js`, 'identity');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body, entry);
      assert.ok(varies(plain.headers));
    }
  });

  it('leaves small answers and binary files alone, and still says the answer varies', async () => {
    // The agent page, its CSS and the form page are each under 1 KB: not worth compressing.
    for (const url of ['/agent', '/agent/page.css', '/form/CAF-69']) {
      const small = await get(url, 'br');
      assert.equal(small.statusCode, 200, url);
      assert.ok(small.rawPayload.length < 1024, `${url}: ${small.rawPayload.length} bytes`);
      assert.equal(small.headers['content-encoding'], undefined, `${url}: under 1 KB, not compressed`);
      assert.ok(varies(small.headers), url);
    }

    const png = await get('/kit/CAF-69/social/1.png', 'br');
    assert.equal(png.statusCode, 200);
    assert.match(String(png.headers['content-type']), /^image\/png/);
    assert.equal(png.headers['content-encoding'], undefined, 'a PNG is already compressed');
    assert.equal(png.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('keeps a streamed answer whole when compressed (a large static file)', async () => {
    // configurator.strings.js is over 16 KB: @fastify/static streams it, and the compressor works on the stream.
    const res = await get('/configurator.strings.js', 'br');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(res.rawPayload).toString('utf8'), readFileSync(join(DEMO, 'configurator.strings.js'), 'utf8'));
  });
});
