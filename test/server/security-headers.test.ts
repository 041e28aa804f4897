import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Problem } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The CSP's directives as a map: `frame-ancestors` → `'none'`. */
const directives = (csp: unknown) =>
  new Map(String(csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));

describe('security headers on every page and every answer', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const url of ['/', '/mairie', '/configurator', '/form', '/form/CAF-69', '/suivi/SPP-ABCD-EFGH', '/agent']) {
    it(`${url}: a strict CSP that forbids framing, nosniff, no inline code allowed`, async () => {
      const res = await server.app.inject({ url });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      const csp = directives(res.headers['content-security-policy']);
      assert.equal(csp.get('frame-ancestors'), "'none'", String(res.headers['content-security-policy']));
      assert.equal(csp.get('script-src'), "'self'");
      assert.ok(csp.has('default-src'));
      assert.ok(!String(res.headers['content-security-policy']).includes('unsafe'), 'no unsafe-inline / unsafe-eval');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'DENY');
    });
  }

  it('each page keeps its own policy: the form page may post its form, the agent page nothing', async () => {
    const form = directives((await server.app.inject({ url: '/form/CAF-69' })).headers['content-security-policy']);
    const agent = directives((await server.app.inject({ url: '/agent' })).headers['content-security-policy']);
    assert.equal(form.get('form-action'), "'self'");
    assert.equal(agent.get('form-action'), "'none'");
    assert.equal(agent.get('default-src'), "'none'");
  });

  it('the configurator may also read the open-data portal (its results preview does), and only it', async () => {
    for (const url of ['/configurator', '/configurator.html', '/configurator?element=spp-results&o-source=opendata']) {
      const csp = directives((await server.app.inject({ url })).headers['content-security-policy']);
      assert.equal(csp.get('connect-src'), "'self' https://opendata.plus.transformation.gouv.fr", url);
      assert.equal(csp.get('frame-ancestors'), "'none'", url);
    }
    assert.equal(directives((await server.app.inject({ url: '/' })).headers['content-security-policy']).get('connect-src'), "'self'");
  });

  it('JSON answers: nosniff, a CSP that runs nothing, still readable from any site (CORS, CORP)', async () => {
    const res = await server.app.inject({ url: '/api/v1/structures/CAF-69', headers: { origin: 'https://www.mairie-exemple.fr' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(directives(res.headers['content-security-policy']).get('default-src'), "'none'");
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
  });

  it('OPTIONS without Origin: a problem+json error, not text/plain', async () => {
    const res = await server.app.inject({ method: 'OPTIONS', url: '/api/v1/testimonies' });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const problem = Problem.parse(res.json());
    assert.equal(problem.status, 400);
    assert.match(problem.detail ?? '', /Origin/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('a real preflight still works', async () => {
    const res = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/testimonies',
      headers: { origin: 'https://www.mairie-exemple.fr', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  for (const [what, request] of [
    ['an unknown address', { url: '/api/v1/nothing-here' }],
    ['a text/plain body', { method: 'POST' as const, url: '/api/v1/testimonies', headers: { 'content-type': 'text/plain' }, payload: 'hello' }],
    ['a missing widget file', { url: '/widgets/nothing.js' }],
  ] as const) {
    it(`${what}: problem+json with nosniff`, async () => {
      const res = await server.app.inject(request);
      assert.ok(res.statusCode >= 400);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      Problem.parse(res.json());
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });
  }
});
