import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('GET /agent: the agent page', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('serves the page under a strict policy: own scripts, styles and API only, no framing, never cached', async () => {
    const res = await server.app.inject({ url: '/agent' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}`);
    }
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  });

  it('holds no inline script or style (the policy would block them) and loads the agent module, not the widgets', async () => {
    const page = (await server.app.inject({ url: '/agent' })).body;
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /<script type="module" src="\/widgets\/spp-agent\.js"><\/script>/);
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(page), 'no inline <script>');
    assert.ok(!/<style\b/.test(page) && !/\sstyle=/.test(page), 'no inline style');
    assert.ok(!page.includes('spp-widgets.js'));
    const css = await server.app.inject({ url: '/agent/page.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });
});
