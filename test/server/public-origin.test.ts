import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

/**
 * `PUBLIC_URL` is how an operator behind a proxy or a CDN tells the server its address: every address the server
 * writes for others to follow (a citizen's tracking link, a fragment's script, the form fragment's link) starts
 * with it, however it was written; without it, with the address the request came to.
 */
for (const [written, expected] of [
  ['https://avis.example.fr/', 'https://avis.example.fr'],
  ['https://avis.example.fr//', 'https://avis.example.fr'],
  ['https://example.fr/avis', 'https://example.fr/avis'],
  ['', 'http://service.example:8080'],
] as const) {
  describe(`addresses the server writes, PUBLIC_URL=${JSON.stringify(written)}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ publicUrl: written });
    });
    after(() => server.close());
    const headers = { host: 'service.example:8080', 'accept-encoding': 'identity' };

    it('the tracking link given after a testimony is sent', async () => {
      const res = await postTestimony(server.app, validSubmission(), undefined, headers);
      assert.equal(res.statusCode, 201);
      const { trackingUrl, reference } = res.json() as { trackingUrl: string; reference: string };
      assert.ok(trackingUrl.startsWith(`${expected}/suivi/${reference}#token=`), trackingUrl);
    });

    it('the script a fragment brings and the form fragment’s link', async () => {
      const results = await server.app.inject({ url: '/fragments/spp-results?structure=CAF-69', headers });
      assert.equal(results.statusCode, 200);
      assert.ok(results.body.includes(`<script type="module" src="${expected}/widgets/spp-widgets.js"></script></template>`));
      const form = await server.app.inject({ url: '/fragments/spp-testimony-form?structure=CAF-69', headers });
      assert.ok(form.body.includes(`<a href="${expected}/form/CAF-69">`), form.body);
    });
  });
}
