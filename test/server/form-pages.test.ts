import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('pages the API hosts: /form/{structure} and /suivi/{reference}', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('serves the full-page form of a structure, with the widget script, under a strict CSP', async () => {
    const res = await server.app.inject('/form/CAF-69');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<spp-testimony-form structure="CAF-69" heading-level="2"><\/spp-testimony-form>/);
    assert.match(res.body, /<script type="module" src="\/widgets\/spp-widgets\.js"><\/script>/);
    assert.match(res.body, /<h1>Votre avis sur CAF du Rhône<\/h1>/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!/<script>|style="/.test(res.body), 'no inline script or style');
  });

  it('serves the form in English, and a search-first form without a structure', async () => {
    const en = await server.app.inject('/form/CAF-69?lang=en');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /lang="en"><\/spp-testimony-form>/);
    const search = await server.app.inject('/form');
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /<spp-testimony-form heading-level="2"><\/spp-testimony-form>/);
  });

  it('answers 404 with a way forward for an unknown structure, never echoing markup', async () => {
    const unknown = await server.app.inject('/form/NOPE-1');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /href="\/form"/);
    const hostile = await server.app.inject('/form/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(hostile.statusCode, 404);
    assert.ok(!hostile.body.includes('<script>alert'));
  });

  it('serves the tracking page uncached, without referrer, the token left to the fragment', async () => {
    const res = await server.app.inject('/suivi/SPP-7K3F-9QXM');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<spp-testimony-tracking reference="SPP-7K3F-9QXM" heading-level="2">/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const junk = await server.app.inject('/suivi/%22%3E%3Cimg%20src%3Dx%3E');
    assert.equal(junk.statusCode, 404);
    assert.ok(!junk.body.includes('<img'));
  });
});
