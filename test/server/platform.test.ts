import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testDialect } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('platform: health, OpenAPI, CORS, caching, static files', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dist: { 'spp-widgets.js': 'export {};', 'assets/spp-results-AbCd1234.js': 'export {};' } });
  });
  after(() => server.close());

  it('reports health with the database dialect', async () => {
    const res = await server.app.inject('/api/health');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().database, testDialect);
  });

  it('documents every public route in /api/openapi.json, with schemas from the contract', async () => {
    const res = await server.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const [path, method] of [
      ['/api/v1/engagements', 'get'],
      ['/api/v1/structures', 'get'],
      ['/api/v1/structures/{code}', 'get'],
      ['/api/v1/structures/{code}/results', 'get'],
      ['/api/v1/testimonies', 'post'],
      ['/api/v1/testimonies/{reference}', 'get'],
      ['/api/v1/structures/{code}/testimonies', 'get'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
    }
    const post = doc.paths['/api/v1/testimonies'].post;
    assert.ok(post.parameters.some((p: { name: string; required: boolean }) => p.name === 'Idempotency-Key' && p.required));
    const body = doc.components.schemas.TestimonySubmissionInput;
    assert.equal(body.additionalProperties, false);
    assert.equal(body.properties.title.maxLength, 120);
    assert.equal(body.properties.body.minLength, 50);
    assert.ok(doc.components.schemas.Problem);
  });

  it('answers CORS preflights from any origin for the testimony POST', async () => {
    const res = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/testimonies',
      headers: {
        origin: 'https://www.mairie-exemple.fr',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(String(res.headers['access-control-allow-headers']), /Idempotency-Key/i);
  });

  it('sends ETag and Cache-Control on public GETs, and 304 on revalidation', async () => {
    const first = await server.app.inject('/api/v1/structures/CAF-69/results');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    assert.match(String(first.headers['cache-control']), /max-age=\d+.*stale-while-revalidate=\d+/);
    const again = await server.app.inject({ url: '/api/v1/structures/CAF-69/results', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await server.app.inject({ url: '/api/v1/structures/CAF-75/results', headers: { 'if-none-match': etag } });
    assert.equal(other.statusCode, 200);
  });

  it('never caches errors or submissions', async () => {
    const missing = await server.app.inject('/api/v1/structures/NOPE-1');
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal(missing.headers.etag, undefined);
  });

  it('answers unknown paths with a problem', async () => {
    const res = await server.app.inject('/api/v2/nothing');
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
  });

  it('serves hashed widget files as immutable and the entry with a short cache', async () => {
    const entry = await server.app.inject('/widgets/spp-widgets.js');
    assert.equal(entry.statusCode, 200);
    assert.match(String(entry.headers['content-type']), /javascript/);
    assert.match(String(entry.headers['cache-control']), /max-age=300/);
    assert.equal(entry.headers['access-control-allow-origin'], '*');
    const hashed = await server.app.inject('/widgets/assets/spp-results-AbCd1234.js');
    assert.equal(hashed.statusCode, 200);
    assert.match(String(hashed.headers['cache-control']), /immutable/);
  });

  it('serves the demo host page at /', async () => {
    const res = await server.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<script type="module" src="\/widgets\/spp-widgets\.js"><\/script>/);
  });
});
