import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { ResultsResponse } from '../../src/contract/results.js';
import { e2eHooks, recordScripts, type ServerProcess } from '../helpers/e2e.js';

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The card's script has loaded and adopted the server-rendered card (the demo page includes its fragment). */
async function adopted(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await customElements.whenDefined('spp-results');
    await (document.querySelector('spp-results') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  });
}

/** The built bundle on the real server: what a citizen's browser downloads, and when. */
describe('<spp-results> on the demo page', () => {
  let server: ServerProcess;
  let browser: Browser;
  e2eHooks({}, (started) => ({ server, browser } = started));

  async function openDemo(): Promise<{ page: Page; scripts: ReturnType<typeof recordScripts> }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const scripts = recordScripts(page);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.locator('spp-results article').waitFor();
    assert.deepEqual(errors, []);
    return { page, scripts };
  }

  it('loads the history and chart.js only when the chart scrolls into view', async (t) => {
    const { page, scripts } = await openDemo();
    const { requested } = scripts;
    // The card sits below the fold of the demo page: its module loads as the reader scrolls near it, its chart
    // only once the chart itself is in view.
    await page.locator('spp-results').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await adopted(page);
    await page.waitForTimeout(300);
    const before = [...requested];
    assert.ok(before.some((u) => /\/spp-results-[\w-]+\.js$/.test(u)), `element module loaded: ${before.join(', ')}`);
    assert.ok(!before.some((u) => /line-chart|results-history/.test(u)), `nothing of the chart before scrolling: ${before.join(', ')}`);
    const initial = (await scripts.settled()).filter(([url]) => before.includes(url)).reduce((sum, [, bytes]) => sum + bytes, 0);
    t.diagnostic(`demo page JS before the chart is visible (all its elements): ${before.length} files, ${(initial / 1024).toFixed(1)} KB gzip`);

    await page.locator('spp-results .history').scrollIntoViewIfNeeded();
    const canvas = page.locator('spp-results canvas');
    await canvas.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector('spp-results')!;
      const c = el.shadowRoot!.querySelector('canvas');
      return !!c && c.width > 0 && c.style.width !== '';
    });
    const after = requested.slice(before.length);
    assert.ok(after.some((u) => /line-chart/.test(u)), `chart chunk requested after scrolling: ${after.join(', ')}`);
    assert.equal(await canvas.getAttribute('role'), 'img');
    assert.match((await canvas.getAttribute('aria-label')) ?? '', /Appels décrochés/);
    const chart = await waitFor(() => [...scripts.sizes].find(([url]) => /line-chart/.test(url)));
    t.diagnostic(`chart chunk: ${(chart[1] / 1024).toFixed(1)} KB gzip`);
    await page.close();
  });

  it('a page holding only the card downloads at most 18 KB of gzip JavaScript before its chart is visible', async (t) => {
    // DESIGN.md's budget. The card sits in a phone-sized viewport, its chart below the fold until scrolled to.
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts = recordScripts(page);
    const { requested } = scripts;
    await page.route(`${server.url}/only-results`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Nos résultats</title>
          <script type="module" src="/widgets/spp-widgets.js"></script></head>
          <body><main><h1>Nos résultats</h1><spp-results structure="PREF-69"></spp-results></main></body></html>`,
      }),
    );
    await page.goto(`${server.url}/only-results`, { waitUntil: 'networkidle' });
    await page.locator('spp-results article').waitFor();
    await page.waitForTimeout(300);
    const sizes = await scripts.settled();
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    const listing = sizes.map(([path, bytes]) => `${path} ${bytes}`).join(', ');
    t.diagnostic(`only <spp-results>, before its chart: ${total} bytes gzip in ${sizes.length} files`);
    assert.ok(!sizes.some(([path]) => /line-chart|results-history/.test(path)), `chart code before the chart is visible: ${listing}`);
    assert.ok(total <= 18 * 1024, `${total} bytes gzip: ${listing}`);

    await page.locator('spp-results .history').scrollIntoViewIfNeeded();
    await page.locator('spp-results canvas').waitFor();
    await waitFor(() => (requested.some((path) => /line-chart/.test(path)) ? true : undefined));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the table alternative shows the values the API published, period by period', async () => {
    const api = (await (await fetch(`${server.url}/api/v1/structures/PREF-69/results`)).json()) as ResultsResponse;
    const { page } = await openDemo();
    const toggle = page.locator('spp-results button[aria-controls="data"]');
    await toggle.scrollIntoViewIfNeeded();
    await adopted(page);
    await toggle.click();
    await page.locator('spp-results table').waitFor();

    for (const indicator of api.indicators.slice(0, 3)) {
      await page.locator('spp-results select').selectOption(indicator.code);
      await page.locator('spp-results caption', { hasText: indicator.label }).waitFor();
      const rows = await page.locator('spp-results tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.replace(/[\u00a0\u202f]/g, ' ').trim())),
      );
      // "95,8 %", "4,6 jours", "7,8 sur 10", "−3 points" → the number they start with; the table shows one
      // decimal at most (docs/wording.md), so the published values are compared rounded the same way
      const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
      const number = (text: string) =>
        text === 'Non mesuré' ? null : Number(/^[−-]?\d+(,\d+)?/.exec(text)![0].replace('−', '-').replace(',', '.'));
      assert.deepEqual(
        rows.map(([value]) => number(value!)),
        indicator.points.map((p) => oneDecimal(p.value)),
        `${indicator.code}: our result per period`,
      );
      assert.deepEqual(
        rows.map(([, average]) => number(average!)),
        indicator.points.map((p) => oneDecimal(p.networkAverage)),
        `${indicator.code}: network average per period`,
      );
    }
    await page.close();
  });
});
