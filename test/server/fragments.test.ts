import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The text a reader sees: the shadow root's markup without Lit's markers, styles and the state block. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('GET /fragments/{tag}: elements rendered on the server as declarative shadow DOM', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('renders the banner with the structure’s local commitments inside a declarative shadow root', async () => {
    const res = await server.app.inject('/fragments/spp-engagements?structure=CAF-69');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /^<spp-engagements[^>]* structure="CAF-69"[^>]*><template shadowrootmode="open"|^<spp-engagements[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(res.body, /<\/template><\/spp-engagements>$/);
    const text = visibleText(res.body);
    assert.match(text, /Nos engagements Services Publics\+/);
    assert.match(text, /bienveillance/);
    assert.match(text, /Notre numéro 32 30 est gratuit/, 'a local commitment of CAF-69 from the store');
    assert.match(res.body, /<script type="application\/json" data-spp-state>\{/);
    // The attributes the client needs to render the same thing are written out.
    assert.match(res.body, /lang="fr"/);
    assert.match(res.body, /heading-level="2"/);
    assert.match(res.body, /theme="dsfr"/);
  });

  it('renders results, testimonies and the plan from the store, numbers and dates formatted in the language asked for', async () => {
    const results = await server.app.inject('/fragments/spp-results?structure=CAF-69');
    assert.equal(results.statusCode, 200);
    assert.match(visibleText(results.body), /CAF du Rhône/);
    assert.match(visibleText(results.body), /Appels décrochés par un agent/);
    assert.match(visibleText(results.body), /\d+ %|\d+,\d %/, 'percentages formatted the French way on the server');
    assert.match(visibleText(results.body), /15 octobre 2026/, 'the update date in words, in French');

    const english = await server.app.inject('/fragments/spp-results?structure=CAF-69&lang=en');
    assert.equal(english.statusCode, 200);
    assert.match(english.body, /lang="en"/);
    assert.match(visibleText(english.body), /15 October 2026/);
    assert.doesNotMatch(visibleText(english.body), /octobre/);

    const testimonies = await server.app.inject('/fragments/spp-testimonies?structure=CAF-69&page-size=5');
    assert.equal(testimonies.statusCode, 200);
    assert.match(visibleText(testimonies.body), /Trois semaines sans nouvelles de mon dossier/);

    const plan = await server.app.inject('/fragments/spp-improvements?structure=CAF-69&lang=en');
    assert.equal(plan.statusCode, 200);
    assert.match(visibleText(plan.body), /You told us/i);
  });

  it('brings the widgets’ script as its shadow root’s last node, from the address the server answers at', async () => {
    for (const tag of ['spp-engagements', 'spp-results', 'spp-testimonies', 'spp-improvements']) {
      const res = await server.app.inject({ url: `/fragments/${tag}?structure=CAF-69`, headers: { host: 'api.example' } });
      assert.equal(res.statusCode, 200, tag);
      // Inside the template, after the state block: the browser's preload scanner does not see it there.
      assert.match(res.body, /data-spp-state[^>]*>[^<]*<\/script><script type="module" src="http:\/\/api\.example\/widgets\/spp-widgets\.js"><\/script><\/template>/, tag);
      assert.equal(res.body.match(/<script type="module"/g)?.length, 1, `${tag}: one script`);
    }
    // Another host, same URL: not the first host's answer from the cache.
    const other = await server.app.inject({ url: '/fragments/spp-results?structure=CAF-69', headers: { host: 'widgets.example' } });
    assert.match(other.body, /<script type="module" src="http:\/\/widgets\.example\/widgets\/spp-widgets\.js">/);
  });

  it('answers an unknown structure with 404 and the element’s own "unknown" message, never cached', async () => {
    for (const tag of ['spp-results', 'spp-testimonies', 'spp-improvements']) {
      const res = await server.app.inject(`/fragments/${tag}?structure=NOPE-999`);
      assert.equal(res.statusCode, 404, tag);
      assert.match(String(res.headers['content-type']), /^text\/html/, tag);
      assert.match(res.body, new RegExp(`^<${tag}[^>]*><template`), tag);
      assert.match(visibleText(res.body), /NOPE-999/, `${tag} names the code it did not find`);
      assert.equal(res.headers['cache-control'], 'no-store', tag);
    }
  });

  it('answers the form as a link to its own page: what a reader without JavaScript can follow', async () => {
    const res = await server.app.inject({ url: '/fragments/spp-testimony-form?structure=CAF-69&lang=en', headers: { host: 'api.example' } });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /^<spp-testimony-form [^>]*structure="CAF-69"[^>]*><a href="http:\/\/api\.example\/form\/CAF-69\?lang=en">Give your opinion on this service<\/a><script type="module" src="http:\/\/api\.example\/widgets\/spp-widgets\.js"><\/script><\/spp-testimony-form>$/,
    );
    const page = await server.app.inject('/form/CAF-69?lang=en');
    assert.equal(page.statusCode, 200, 'the link leads to the full-page form');
    const bad = await server.app.inject('/fragments/spp-testimony-form?mode=floating');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field), ['mode']);
  });

  it('names the failing field in a problem+json 400: an element it does not serve, an attribute it does not take, a bad value', async () => {
    const cases: [string, string][] = [
      ['/fragments/spp-unknown?structure=CAF-69', 'tag'],
      ['/fragments/spp-results?structure=CAF-69&colour=red', 'colour'],
      ['/fragments/spp-results?structure=CAF-69&lang=de', 'lang'],
      ['/fragments/spp-results?structure=%3Cscript%3E', 'structure'],
      ['/fragments/spp-engagements?theme=pink', 'theme'],
      ['/fragments/spp-results?structure=CAF-69&network-href=javascript:alert(1)', 'network-href'],
    ];
    for (const [url, field] of cases) {
      const res = await server.app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        [field],
        url,
      );
    }
    const english = await server.app.inject('/fragments/spp-results?structure=CAF-69&lang=en&colour=red');
    assert.match(english.json().detail, /Check these fields: colour/);
  });

  it('is cached like the API: same ETag for the same data, 304 on revalidation, public Cache-Control, new body once data changes', async () => {
    const url = '/fragments/spp-results?structure=CAF-69';
    const first = await server.app.inject(url);
    assert.match(String(first.headers.etag), /^W\/"/);
    assert.match(String(first.headers['cache-control']), /public, max-age=60/);
    const second = await server.app.inject(url);
    assert.equal(second.headers.etag, first.headers.etag);
    const revalidated = await server.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');

    const compressed = await server.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(compressed.headers['content-encoding'], 'br');

    // A write moves the data version: the next fragment is read from the store again and shows the change.
    await server.store.db.updateTable('structures').set({ name: 'CAF du Rhône (Lyon)' }).where('code', '=', 'CAF-69').execute();
    const after = await server.app.inject(url);
    assert.notEqual(after.headers.etag, first.headers.etag);
    assert.match(visibleText(after.body), /CAF du Rhône \(Lyon\)/);
  });
});
