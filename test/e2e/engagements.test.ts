import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import { e2eHooks, recordScripts, type ServerProcess } from '../helpers/e2e.js';

/** DESIGN.md: a page holding only `<spp-engagements>` downloads at most 12 KB gzip of JavaScript, Lit included. */
const BUDGET_BYTES = 12 * 1024;

const FRENCH_TEXTS = ENGAGEMENTS_FR.pillars.flatMap((p) => p.engagements.map((e) => e.text));

interface Watched {
  page: Page;
  errors: string[];
  scripts: string[];
}

async function watch(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  // What the host page would see: every spp-error the banner fires.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { sppErrors: unknown[] }).sppErrors = seen;
    document.addEventListener('spp-error', (e) => seen.push((e as CustomEvent).detail));
  });
  return { page, errors, scripts };
}

/** The texts of the engagements rendered inside the `<spp-engagements>` matching `selector`, once there are 9. */
async function renderedTexts(page: Page, selector = 'spp-engagements'): Promise<string[]> {
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="engagement"]').length === 9,
    selector,
    { timeout: 15_000 },
  );
  return page.evaluate(
    (sel) => [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part="text"]')].map((p) => p.textContent!),
    selector,
  );
}

/** Serves a host page holding only `body` (and the script tag) at `path` on the server's origin. */
async function hostPage(page: Page, server: ServerProcess, path: string, body: string): Promise<void> {
  await page.route(`${server.url}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title>
        <script type="module" src="/widgets/spp-widgets.js"></script></head><body><main>${body}</main></body></html>`,
    }),
  );
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
}

describe('<spp-engagements> on real pages', () => {
  let server: ServerProcess;
  let browser: Browser;
  e2eHooks({}, (started) => ({ server, browser } = started));

  it('shows every variant on the demo page through the script tag: full with commitments and spotlight, compact, badge', async () => {
    const { page, errors, scripts } = await watch(browser);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const full = 'spp-engagements#engagements';
    assert.deepEqual(await renderedTexts(page, full), FRENCH_TEXTS);
    await page.waitForFunction((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('[part="commitment"]'), full);
    const shown = await page.evaluate((sel) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      return {
        commitments: [...root.querySelectorAll('[part="commitment"]')].map((c) => c.textContent),
        spotlit: [...root.querySelectorAll('[part~="highlighted"] [part="number"]')].map((n) => n.textContent!.replace(/\D/g, '')),
      };
    }, full);
    assert.ok(shown.commitments.includes('Des points numériques avec un médiateur pour les demandes de titres en ligne.'), String(shown.commitments));
    assert.deepEqual(shown.spotlit, ['6']);

    // The compact strip unfolds to the same 9 engagements, from the keyboard as a reader would.
    const compact = 'spp-engagements[variant="compact"]';
    await page.locator(`${compact} [part="toggle"]`).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await renderedTexts(page, compact), FRENCH_TEXTS);

    // The badge leads to the full list on the page.
    const badge = page.locator('spp-engagements[variant="badge"] a[part="badge"]');
    assert.match((await badge.textContent())!, /Services Publics\+\s+9 engagements/);
    await badge.click();
    assert.match(page.url(), /#engagements$/);

    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { sppErrors: unknown[] }).sppErrors), []);
    assert.ok(!scripts.some((s) => s.includes('engagements.strings.en')), `a French page does not download English: ${scripts.join(', ')}`);
    await page.close();
  });

  it('still shows the 9 engagements, with no page error, when every API request fails', async () => {
    const { page, errors } = await watch(browser);
    const aborted: string[] = [];
    await page.route('**/api/**', (route) => {
      aborted.push(route.request().url());
      return route.abort('connectionrefused');
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    assert.deepEqual(await renderedTexts(page, 'spp-engagements#engagements'), FRENCH_TEXTS);
    // The page holds the banner's fragment: the banner is loaded when the reader starts using it, then asks.
    await page.hover('spp-engagements#engagements', { position: { x: 1, y: 1 } });
    await page.waitForFunction(() => (window as unknown as { sppErrors: unknown[] }).sppErrors.length > 0);
    assert.ok(aborted.some((url) => url.includes('/api/v1/structures/PREF-69')), 'the banner did ask for its commitments');
    assert.deepEqual(await renderedTexts(page, 'spp-engagements#engagements'), FRENCH_TEXTS);
    const reported = await page.evaluate(() => (window as unknown as { sppErrors: { kind: string }[] }).sppErrors);
    assert.equal(reported[0]!.kind, 'network');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('speaks English with lang="en", downloading the English chunk only then', async () => {
    const { page, errors, scripts } = await watch(browser);
    await hostPage(page, server, '/english-host', '<spp-engagements lang="en"></spp-engagements>');
    const texts = await renderedTexts(page);
    assert.equal(texts[1], 'We can be reached by phone or in person, and we make your online procedures easier');
    assert.ok(scripts.some((s) => s.includes('engagements.strings.en')), scripts.join(', '));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it(`keeps a page holding only the banner within ${BUDGET_BYTES} bytes of gzip JavaScript`, async () => {
    const page = await browser.newPage();
    const scripts = recordScripts(page);
    await hostPage(page, server, '/only-banner', '<spp-engagements structure="CAF-69"></spp-engagements>');
    await renderedTexts(page);
    const sizes = await scripts.settled();
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    assert.ok(total <= BUDGET_BYTES, `${total} bytes gzip: ${sizes.map(([path, bytes]) => `${path} ${bytes}`).join(', ')}`);
    await page.close();
  });
});
