import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { publishInStore } from '../helpers/database.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

const RESULTS = '/api/v1/structures/CAF-69/results';
const varyFields = (header: unknown) =>
  String(header ?? '')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);

describe('caching for a CDN: ETag, 304, HEAD, Vary, compression, no-store', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dist: { 'spp-widgets.js': 'export {};', 'assets/spp-results-AbCd1234.js': 'export {};' } });
  });
  after(() => server.close());

  it('answers HEAD on public GETs with the same validators and no body, and 304 when they match', async () => {
    const get = await server.app.inject(RESULTS);
    const head = await server.app.inject({ method: 'HEAD', url: RESULTS });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers.etag, get.headers.etag);
    assert.equal(head.headers['cache-control'], get.headers['cache-control']);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(get.body));
    const revalidated = await server.app.inject({ method: 'HEAD', url: RESULTS, headers: { 'if-none-match': String(get.headers.etag) } });
    assert.equal(revalidated.statusCode, 304);
  });

  it('matches ETags weakly and in a list, as a CDN sends them', async () => {
    const { etag } = (await server.app.inject(RESULTS)).headers;
    const strong = String(etag).replace(/^W\//, '');
    for (const ifNoneMatch of [strong, `"other", ${etag}`, '*']) {
      const res = await server.app.inject({ url: RESULTS, headers: { 'if-none-match': ifNoneMatch } });
      assert.equal(res.statusCode, 304, ifNoneMatch);
      assert.equal(res.headers.etag, etag, 'a 304 carries the validator again');
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+, stale-while-revalidate=\d+$/);
    }
    const stale = await server.app.inject({ url: RESULTS, headers: { 'if-none-match': 'W/"stale"' } });
    assert.equal(stale.statusCode, 200);
  });

  it('changes the ETag when the data changes (a newly published testimony)', async () => {
    const url = '/api/v1/structures/CAF-69/testimonies';
    const before = await server.app.inject(url);
    const posted = await postTestimony(server.app, validSubmission());
    const reference = posted.json().reference as string;
    await publishInStore(server.store.db, reference);
    const after = await server.app.inject({ url, headers: { 'if-none-match': String(before.headers.etag) } });
    assert.equal(after.statusCode, 200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(after.json().items[0].reference, reference);
  });

  it('compresses large JSON when the client accepts it, with the same ETag as the plain body', async () => {
    const plain = await server.app.inject(RESULTS);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await server.app.inject({ url: RESULTS, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8')), plain.json());
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `${br.rawPayload.length} bytes vs ${plain.rawPayload.length}`);
    assert.equal(br.headers.etag, plain.headers.etag);
    const gzip = await server.app.inject({ url: RESULTS, headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8')), plain.json());
    const refused = await server.app.inject({ url: RESULTS, headers: { 'accept-encoding': 'identity, gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.deepEqual(refused.json(), plain.json());
    for (const res of [plain, br, gzip]) assert.ok(varyFields(res.headers.vary).includes('accept-encoding'));
  });

  it('leaves small bodies uncompressed', async () => {
    const res = await server.app.inject({ url: '/api/v1/structures/CAF-69', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.rawPayload.length < 1024);
    assert.equal(res.headers['content-encoding'], undefined);
  });

  it('varies by Accept-Language only where the body follows it', async () => {
    const english = await server.app.inject({ url: '/api/v1/engagements', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    assert.equal(english.json().lang, 'en');
    assert.ok(varyFields(english.headers.vary).includes('accept-language'));
    const french = await server.app.inject('/api/v1/engagements');
    assert.equal(french.json().lang, 'fr');
    assert.notEqual(french.headers.etag, english.headers.etag);
    // With ?lang= the URL alone decides: a CDN must not split its cache on every browser's language list.
    const explicit = await server.app.inject({ url: '/api/v1/engagements?lang=fr', headers: { 'accept-language': 'en' } });
    assert.equal(explicit.json().lang, 'fr');
    assert.ok(!varyFields(explicit.headers.vary).includes('accept-language'));
    const results = await server.app.inject({ url: RESULTS, headers: { 'accept-language': 'en' } });
    assert.ok(!varyFields(results.headers.vary).includes('accept-language'));
  });

  it('never lets a shared cache store errors, submissions, tracking pages or authenticated reads', async () => {
    const cases = [
      await server.app.inject('/api/v1/structures/NOPE-1'),
      await server.app.inject('/api/v1/structures?limit=0'),
      await server.app.inject('/api/v2/nothing'),
      await server.app.inject('/widgets/assets/spp-missing-0000.js'),
      await postTestimony(server.app, validSubmission()),
      await server.app.inject('/api/health'),
      await server.app.inject({ url: RESULTS, headers: { authorization: 'Bearer some-token' } }),
    ];
    const accepted = cases[4]!.json();
    cases.push(await server.app.inject(`/api/v1/testimonies/${accepted.reference}?token=${accepted.token}`));
    for (const res of cases) {
      assert.equal(res.headers['cache-control'], 'no-store', `${res.statusCode} ${res.body.slice(0, 80)}`);
      assert.equal(res.headers.etag, undefined);
    }
    assert.deepEqual(
      cases.map((c) => c.statusCode),
      [404, 400, 404, 404, 201, 200, 200, 200],
    );
  });

  it('serves hashed widget files as immutable and the entry script with a short cache, on GET and HEAD', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const entry = await server.app.inject({ method, url: '/widgets/spp-widgets.js' });
      assert.equal(entry.statusCode, 200);
      const entryCache = String(entry.headers['cache-control']);
      assert.match(entryCache, /^public, max-age=(\d+)/);
      assert.ok(Number(/max-age=(\d+)/.exec(entryCache)![1]) <= 300, 'a new release reaches pages within minutes');
      assert.doesNotMatch(entryCache, /immutable/);
      const hashed = await server.app.inject({ method, url: '/widgets/assets/spp-results-AbCd1234.js' });
      assert.equal(hashed.statusCode, 200);
      assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(hashed.headers['access-control-allow-origin'], '*');
    }
  });
});
