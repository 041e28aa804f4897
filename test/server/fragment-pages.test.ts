import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { warmUpFragments } from '../../server/fragments/render.js';
import { registerPagesWithFragments } from '../../server/routes/fragment-pages.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

/** A host page of the demo folder, as a webmaster writes it: element tags, no fragment. */
const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Démo</title></head><body>
<spp-results structure="CAF-69" id="chiffres" feedback-href="#avis"></spp-results>
<spp-results structure="CAF-69" source="opendata"></spp-results>
<spp-improvements structure="CAF-69" heading-level="9"></spp-improvements>
<spp-testimony-form structure="CAF-69" heading-level="3"></spp-testimony-form>
<spp-unknown structure="CAF-69"></spp-unknown>
</body></html>`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('pages that include fragments server-side (the demo pages / and /mairie)', () => {
  let server: TestServer;
  let demoDir: string;
  before(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'spp-demo-'));
    writeFileSync(join(demoDir, 'index.html'), PAGE);
    writeFileSync(join(demoDir, 'mairie.html'), PAGE.replaceAll('CAF-69', 'NOPE-00'));
    server = await startTestServer({ demoDir, rateLimit: { max: 2, windowMs: 60_000 } });
    // As `npm start` does once listening: load the renderer first. Without `dist-ssr/` (the tests run before the build)
    // its first load compiles the elements from source, which a busy machine can take longer than the page's 3 s
    // render limit, and the page would then rightly be sent with bare elements (tested below).
    await warmUpFragments();
  });
  after(async () => {
    await server.close();
    rmSync(demoDir, { recursive: true, force: true });
  });

  it('replaces each element it can render by its fragment, keeps the others as written, and allows the fragments’ styles by hash', async () => {
    const res = await server.app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    // Rendered, with the host's own `id` kept and the element's attributes written out.
    assert.match(res.body, /<spp-results id="chiffres"[^>]* structure="CAF-69"[^>]*><template [^>]*shadowrootmode="open">/);
    assert.match(res.body, /Appels décrochés par un agent/);
    // An attribute the fragment does not take (the script's `source`), a value it refuses, a tag it does not serve: as written.
    assert.ok(res.body.includes('<spp-results structure="CAF-69" source="opendata"></spp-results>'));
    assert.ok(res.body.includes('<spp-improvements structure="CAF-69" heading-level="9"></spp-improvements>'));
    assert.ok(res.body.includes('<spp-unknown structure="CAF-69"></spp-unknown>'));
    // The form: its link to the full-page form, on this server's origin.
    assert.match(res.body, /<spp-testimony-form [^>]*heading-level="3"[^>]*><a href="http:\/\/localhost(:[0-9]+)?\/form\/CAF-69">Donner votre avis sur ce service<\/a>/);
    // Every <style> of the page is allowed by the page's CSP by its hash; nothing else inline is.
    const csp = String(res.headers['content-security-policy']);
    const styles = [...res.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
    assert.ok(styles.length > 0);
    const styleSrc = csp.split('; ').find((d) => d.startsWith('style-src '))!;
    for (const css of styles) assert.ok(styleSrc.includes(sha256(css)), `${sha256(css)} in ${styleSrc}`);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /script-src 'self';/);
  });

  it('is cached like the fragments: ETag, 304 (with the same CSP), brotli', async () => {
    const first = await server.app.inject({ url: '/mairie', headers: { 'accept-encoding': 'br' } });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.match(String(first.headers['cache-control']), /public, max-age=60/);
    const etag = String(first.headers.etag);
    const again = await server.app.inject({ url: '/mairie', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    // From the response cache (the handler does not run): the page still allows its fragments' styles.
    const cached = await server.app.inject({ url: '/mairie', headers: { 'accept-encoding': 'identity' } });
    assert.equal(cached.headers.etag, etag);
    assert.match(String(cached.headers['content-security-policy']), /style-src 'self' 'sha256-/);
    // An unknown structure on the page: the element's own "unknown" state, the page itself is fine.
    assert.match(cached.body, /<spp-results id="chiffres"[^>]*><template /);
  });

  it('a fragment opened on its own carries a CSP that allows its own style block', async () => {
    const res = await server.app.inject({ url: '/fragments/spp-testimonies?structure=CAF-69', headers: { 'accept-encoding': 'identity' } });
    assert.equal(res.statusCode, 200);
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
    assert.ok(String(res.headers['content-security-policy']).includes(sha256(css)));
    assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline/);
  });

  it('rendering pages in-process does not use up the submissions limit of 127.0.0.1', async () => {
    // The limit is 2 submissions a minute here; each page below is rendered afresh (a new URL) with several data requests.
    for (let i = 0; i < 4; i++) assert.equal((await server.app.inject(`/?render=${i}`)).statusCode, 200);
    assert.equal((await postTestimony(server.app, validSubmission())).statusCode, 201);
    assert.equal((await postTestimony(server.app, validSubmission())).statusCode, 201);
    assert.equal((await postTestimony(server.app, validSubmission())).statusCode, 429, 'the limit itself still holds');
  });
});

describe('a page whose fragments cannot be rendered', () => {
  let demoDir: string;
  before(() => {
    demoDir = mkdtempSync(join(tmpdir(), 'spp-demo-'));
    writeFileSync(join(demoDir, 'index.html'), PAGE);
  });
  after(() => rmSync(demoDir, { recursive: true, force: true }));

  for (const [how, render] of [
    ['the renderer fails', async () => Promise.reject(new Error('renderer down'))],
    ['the renderer does not answer in time', () => new Promise<never>(() => undefined)],
  ] as const) {
    it(`${how}: the page is still sent, with the bare elements the script renders`, async () => {
      const app = Fastify();
      registerPagesWithFragments(app, demoDir, 'https://spp.example', render);
      const started = performance.now();
      const res = await app.inject('/');
      assert.ok(performance.now() - started < 6000);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('<spp-results structure="CAF-69" id="chiffres" feedback-href="#avis"></spp-results>'), res.body);
      assert.doesNotMatch(res.body, /<template/);
      // The form's link needs no renderer.
      assert.match(res.body, /<a href="https:\/\/spp\.example\/form\/CAF-69">/);
      await app.close();
    });
  }
});
