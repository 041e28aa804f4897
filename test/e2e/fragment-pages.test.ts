import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loadInTwo, NO_SHIFT, recordShifts, shiftScore, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

/**
 * The demo pages `/` and `/mairie` as the real server sends them: each element's fragment included server-side
 * (server/routes/fragment-pages.ts). Without JavaScript the information is on the page; with it, the script
 * adopts the fragments: nothing twice, nothing moves, no request for what the page already holds, and the page's
 * own CSP (the fragments' styles allowed by hash, no 'unsafe-inline') refuses nothing.
 */

const PAGES = [
  { path: '/', structure: 'PREF-69' },
  { path: '/mairie', structure: 'MAIRIE-ANNECY' },
];

interface Api {
  indicators: { label: string }[];
  testimonies: { title: string }[];
  improvements: { weDid: string }[];
}

/** What a reader can count on the page: the nodes each element shows, read inside the shadow roots. */
type Counts = { engagements: number; indicators: number; testimonies: number; improvements: number; headings: number };
function counts(page: Page): Promise<Counts> {
  // A string: the test runner's transform would name an arrow function kept in a variable (`__name`), unknown in the page.
  return page.evaluate(`(() => {
    const inside = (tag, selector) =>
      [...document.querySelectorAll(tag)].reduce((n, host) => n + (host.shadowRoot?.querySelectorAll(selector).length ?? 0), 0);
    return {
      engagements: inside('spp-engagements', '[part~="engagement"]'),
      indicators: inside('spp-results', '[part~="indicator"]'),
      testimonies: inside('spp-testimonies', 'article'),
      improvements: inside('spp-improvements', '[part="item"]'),
      headings: inside('spp-engagements, spp-results, spp-testimonies, spp-improvements', 'h1, h2, h3, h4, [role="heading"]'),
    };
  })()`);
}

describe('the demo pages include the fragments server-side', () => {
  let server: ServerProcess;
  let browser: Browser;
  const api = new Map<string, Api>();
  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    for (const { structure } of PAGES) {
      const read = async (what: string) => (await fetch(`${server.url}/api/v1/structures/${structure}/${what}`)).json();
      api.set(structure, {
        indicators: ((await read('results')) as Api).indicators,
        testimonies: ((await read('testimonies')) as { items: Api['testimonies'] }).items,
        improvements: ((await read('improvements')) as { items: Api['improvements'] }).items,
      });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  for (const { path, structure } of PAGES) {
    it(`${path}: with JavaScript off, the banner's engagements, the results, the testimonies, the plan and the form's link are there`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), 200);
      const data = api.get(structure)!;
      const banner = page.locator('spp-engagements').first();
      assert.ok(await banner.getByText('Nos engagements Services Publics+').isVisible());
      assert.ok(await banner.getByText(/bienveillance/i).first().isVisible());
      const found = await counts(page);
      assert.ok(found.engagements >= 9, `engagements: ${found.engagements}`);
      assert.equal(found.indicators, data.indicators.length, 'every results card');
      assert.ok(await page.locator('spp-results').getByText(data.indicators[0]!.label).first().isVisible());
      assert.ok(data.testimonies.length > 0 && found.testimonies > 0);
      assert.ok(await page.locator('spp-testimonies').getByText(data.testimonies[0]!.title).isVisible());
      assert.equal(found.improvements, data.improvements.length, 'every item of the plan');
      assert.ok(await page.locator('spp-improvements').getByText(data.improvements[0]!.weDid).isVisible());
      assert.ok(await page.getByRole('link', { name: 'Donner votre avis sur ce service' }).isVisible());
      await context.close();
    });

    it(`${path}: with JavaScript, the script adopts it: nothing twice, no layout shift, no request for what the page holds, no CSP violation`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const asked: string[] = [];
      page.on('request', (r) => r.url().includes('/api/') && asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
      const shifts = await recordShifts(page);
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { violations: string[] }).violations = violations;
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
      });
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // The page's own policy: the fragments' <style> by hash, never 'unsafe-inline'.
      const csp = response!.headers()['content-security-policy']!;
      assert.match(csp, /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const before = await counts(page);
      // A key press loads every element found at once (the autoloader: a keyboard user never tabs past an empty one),
      // with the page still at its top; the autoloader listens from its first pass, before the adoption code is here.
      await page.keyboard.press('Shift');
      await page.waitForFunction(() =>
        ['spp-engagements', 'spp-results', 'spp-testimonies', 'spp-improvements', 'spp-testimony-form'].every((tag) => customElements.get(tag)),
      );
      await page.evaluate(() =>
        Promise.all([...document.querySelectorAll('spp-engagements, spp-results, spp-testimonies, spp-improvements')].map((e) => (e as unknown as { updateComplete: Promise<unknown> }).updateComplete)),
      );
      await page.waitForTimeout(1500);
      const after = await counts(page);
      assert.deepEqual(after, before, 'as many engagements, cards, testimonies, items and headings as the server sent');
      // Each element's state block was read: every fragment was adopted, none rendered afresh beside it.
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot?.querySelector('script[data-spp-state]')).length), 0);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), [], 'no CSP violation');
      const moved = await shifts();
      assert.ok(shiftScore(moved) < NO_SHIFT, `layout shifts: ${JSON.stringify(moved)}`);
      const again = asked.filter((r) => /^GET .*\/(results|testimonies|improvements)(\?|$)/.test(r));
      assert.deepEqual(again, [], 'no request for what the fragments hold');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('/mairie arriving in two pieces, cut inside its header’s menu: nothing is painted until the header is whole, then nothing moves', async () => {
    // The page as the server sends it, its links kept to the server (the stylesheet above all; not with `<base>`,
    // which would also move the `#contenu` the page waits for to the server's address).
    const html = (await (await fetch(`${server.url}/mairie`)).text()).replace(/(href|src)="\//g, `$1="${server.url}/`);
    const cut = html.indexOf('<li>', html.indexOf('<li>', html.indexOf('class="city-nav"')) + 1);
    assert.ok(cut > 0);
    const painted = (page: Page) => page.evaluate(() => performance.getEntriesByType('paint').map((p) => p.name));
    const moved = await loadInTwo(browser, html, cut, {
      async waiting(page) {
        await page.locator('.city-nav li').first().waitFor({ state: 'attached' });
        await page.waitForTimeout(400);
        assert.deepEqual(await painted(page), [], 'nothing painted yet');
      },
      async loaded(page) {
        assert.notDeepEqual(await painted(page), [], 'painted once the header is whole');
      },
    });
    assert.ok(shiftScore(moved) < NO_SHIFT, JSON.stringify(moved));
  });

  it('/ is cached and compressed like the fragments: ETag, 304, brotli', async () => {
    const first = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-encoding'), 'br');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /max-age=/);
    assert.match(await first.text(), /<spp-results[^>]*><template [^>]*shadowrootmode="open"/);
    const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });
});
