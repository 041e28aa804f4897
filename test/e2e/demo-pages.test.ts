/**
 * The demo host sites served by `npm start`: the State page (DSFR look) and the town hall page (its own look,
 * theme="neutral", colours through --spp-*), plus the configurator. Each embeds the widgets with the plain
 * script tag, works under a strict CSP (no inline script or style anywhere), is accessible and reflows at
 * 320 px, and links to the others.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CSP = `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`;

const PAGES = [
  { path: '/', file: 'index.html', theme: 'dsfr', structure: 'PREF-69' },
  { path: '/mairie', file: 'mairie.html', theme: 'neutral', structure: 'MAIRIE-ANNECY' },
  { path: '/configurator', file: 'configurator.html', theme: undefined, structure: undefined },
];

describe('demo host pages', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // As a host site with a strict policy would send it.
    await context.route(`${server.url}/**`, async (route) => {
      try {
        const response = await route.fetch();
        const type = response.headers()['content-type'] ?? '';
        // Still no 'unsafe-inline': the fragments the server included (docs/fragments.md) keep their styles by hash.
        const hashes = (response.headers()['content-security-policy'] ?? '').match(/'sha256-[^']+'/g) ?? [];
        const csp = CSP.replace("style-src 'self'", ["style-src 'self'", ...hashes].join(' '));
        await route.fulfill({ response, headers: type.includes('text/html') ? { ...response.headers(), 'content-security-policy': csp } : response.headers() });
      } catch {
        // The page navigated away or closed while this request was in flight: nothing is waiting for it.
        await route.abort().catch(() => undefined);
      }
    });
  });
  after(async () => {
    await context?.unrouteAll({ behavior: 'ignoreErrors' });
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  for (const demo of PAGES) {
    it(`${demo.path}: no inline script, style or handler in the HTML`, () => {
      const html = readFileSync(join(ROOT, 'demo', demo.file), 'utf8');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'inline <script>');
      assert.doesNotMatch(html, /<style\b/i, 'inline <style>');
      assert.doesNotMatch(html, /\sstyle=/i, 'style attribute');
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'event handler attribute');
    });

    it(`${demo.path}: loads under a strict CSP without errors, axe-clean, no sideways scroll at 320 px`, async () => {
      const page: Page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        const response = await page.goto(`${server.url}${demo.path}`, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
        assert.ok((await page.title()).length > 10);
        if (demo.theme) {
          const tags = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('spp-')).map((el) => ({ tag: el.localName, theme: el.getAttribute('theme'), structure: el.getAttribute('structure') })));
          assert.ok(tags.length >= 4, 'the page embeds the widgets');
          for (const tag of tags) {
            assert.equal(tag.theme, demo.theme, `${tag.tag} theme`);
            // Structure-less variants (the compact strip, the badge) show the national engagements only.
            if (tag.structure) assert.equal(tag.structure, demo.structure, `${tag.tag} structure`);
          }
        }
        // The page's CSP would refuse a <script> tag: axe runs through the DevTools protocol instead.
        const violations = await page.evaluate(AXE_SOURCE + `
          ;axe.run({ exclude: [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('spp-')).map((el) => [el]) },
            { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((r) => r.violations.map((v) => v.id + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
        assert.deepEqual(violations, []);
        await page.setViewportSize({ width: 320, height: 640 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px at 320 px`);
        assert.deepEqual(errors, [], 'no error and no CSP violation');
      } finally {
        await page.close();
      }
    });
  }

  it('the town hall page passes its own colours to the widgets through --spp-* properties', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/mairie`);
    const primary = await page.evaluate(() => getComputedStyle(document.querySelector('spp-results')!).getPropertyValue('--spp-color-primary').trim());
    assert.equal(primary, '#00607a');
    const state = await context.newPage();
    await state.goto(`${server.url}/`);
    const statePrimary = await state.evaluate(() => getComputedStyle(document.querySelector('spp-results')!).getPropertyValue('--spp-color-primary').trim());
    assert.equal(statePrimary, '', 'the State page keeps the DSFR defaults of theme="dsfr"');
    await page.close();
    await state.close();
  });

  it('links the State page, the town hall page and the configurator to each other', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Voir la démo d’un site de mairie' }).click();
    await page.waitForURL(`${server.url}/mairie`);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Configurateur' }).click();
    await page.waitForURL(`${server.url}/configurator`);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: /Démo\s: site de l’État/ }).click();
    await page.waitForURL(`${server.url}/`);
    await page.close();
  });
});
