import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_VERSION } from '../../server/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const sri = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

describe('widgets: stable and versioned bundle URLs, Subresource Integrity manifest', () => {
  let server: TestServer;
  let dist: string;
  const entry = 'const l={"spp-engagements":()=>import("./assets/spp-engagements-Ab12.js"),"spp-results":()=>import("./assets/spp-results-Cd34.js")};export{l};';

  before(async () => {
    server = await startTestServer({
      seed: false,
      dist: {
        'spp-widgets.js': entry,
        'assets/spp-results-Cd34.js': 'export const results = 1;',
        'custom-elements.json': '{"schemaVersion":"1.0.0","modules":[]}',
      },
    });
    dist = server.distDir!;
  });
  after(() => server.close());

  it('keeps the pasted URL working, revalidated after minutes, readable from any origin', async () => {
    const res = await server.app.inject('/widgets/spp-widgets.js');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, entry);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.match(String(res.headers['cache-control']), /max-age=300\b/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  it('serves the same files under /widgets/v{version}/, immutable, and nothing for another version', async () => {
    const res = await server.app.inject(`/widgets/v${PACKAGE_VERSION}/spp-widgets.js`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, entry);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const chunk = await server.app.inject(`/widgets/v${PACKAGE_VERSION}/assets/spp-results-Cd34.js`);
    assert.equal(chunk.statusCode, 200, 'the entry imports its chunks relative to its own URL');
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const other = await server.app.inject('/widgets/v0.0.0-old/spp-widgets.js');
    assert.equal(other.statusCode, 404);
  });

  it('publishes the release, its URLs and the SRI hash of the entry in /widgets/manifest.json', async () => {
    const res = await server.app.inject('/widgets/manifest.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.deepEqual(res.json(), {
      version: PACKAGE_VERSION,
      script: '/widgets/spp-widgets.js',
      versionedScript: `/widgets/v${PACKAGE_VERSION}/spp-widgets.js`,
      integrity: sri(entry),
      elements: ['spp-engagements', 'spp-results'],
      customElements: `/widgets/v${PACKAGE_VERSION}/custom-elements.json`,
    });
  });

  it('hashes the entry again when it is rebuilt while the server runs', async () => {
    const rebuilt = `${entry}/*rebuilt*/`;
    writeFileSync(join(dist, 'spp-widgets.js'), rebuilt);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dist, 'spp-widgets.js'), later, later);
    const res = await server.app.inject('/widgets/manifest.json');
    assert.equal(res.json().integrity, sri(rebuilt));
    writeFileSync(join(dist, 'spp-widgets.js'), entry);
  });

  it('answers 404 for the manifest when the widgets are not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'spp-dist-empty-'));
    const bare = await startTestServer({ distDir: empty, seed: false });
    try {
      const res = await bare.app.inject('/widgets/manifest.json');
      assert.equal(res.statusCode, 404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
