/**
 * The embed configurator end to end: a webmaster picks an element, finds their structure, sets options, copies
 * the snippet with the keyboard; pasted into an empty page served from another origin under the strict CSP
 * that docs/csp.md documents, the element works against the API. The same page with a tampered integrity
 * hash loads nothing (Subresource Integrity is enforced).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The policy docs/csp.md tells a host to send: the API host for scripts and requests, nothing inline. */
export function strictCsp(apiOrigin: string): string {
  return [`default-src 'none'`, `script-src ${apiOrigin}`, `connect-src ${apiOrigin}`, `style-src 'self'`, `base-uri 'none'`, `form-action 'none'`, `frame-ancestors 'none'`].join('; ');
}

/** Which element to configure: the engagements banner when it exists, else the first one the server ships. */
const PREFERRED = ['spp-engagements', 'spp-results', 'spp-testimonies', 'spp-improvements', 'spp-testimony-form'];

interface WidgetsManifest {
  version: string;
  versionedScript: string;
  script: string;
  integrity: string;
  elements: string[];
}

async function axeViolations(page: Page, exclude: string[]): Promise<string[]> {
  // Evaluated through the browser's devtools protocol: the page's own CSP (script-src 'self') refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ exclude: excluded.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, exclude);
}

describe('the embed configurator', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let widgets: WidgetsManifest;
  let tag: string | undefined;
  let copied = '';
  let hostDir: string;

  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    widgets = (await (await fetch(`${server.url}/widgets/manifest.json`)).json()) as WidgetsManifest;
    tag = PREFERRED.find((t) => widgets.elements.includes(t)) ?? widgets.elements[0];
    hostDir = mkdtempSync(join(tmpdir(), 'spp-host-'));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('builds a snippet with the keyboard, announces the copy, and is axe-clean', async (t) => {
    if (!tag) return t.skip('no element is built yet: the configurator has nothing to configure');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/configurator`);

    await page.getByRole('radio', { name: new RegExp(`<${tag}>`) }).check();
    const search = page.getByLabel('Rechercher par nom, ville, code postal ou réseau');
    await search.focus();
    await page.keyboard.type('annecy');
    await page.getByRole('status').filter({ hasText: /1 service trouvé/ }).waitFor();
    await page.getByRole('radio', { name: /Mairie d'Annecy/ }).check();
    await page.getByLabel('theme').selectOption('neutral');
    await page.getByLabel('lang').selectOption('en');

    await page.getByRole('button', { name: 'Copier le code' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#copy-status').filter({ hasText: 'Code copié' }).waitFor();
    copied = await page.evaluate(() => navigator.clipboard.readText());

    assert.equal(
      copied,
      `<script type="module" src="${server.url}${widgets.versionedScript}" integrity="${widgets.integrity}" crossorigin="anonymous"></script>\n` +
        `<${tag} structure="MAIRIE-ANNECY" lang="en" theme="neutral"></${tag}>`,
    );
    assert.match(widgets.integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
    assert.match(page.url(), new RegExp(`element=${tag}&structure=MAIRIE-ANNECY`), 'the configuration is kept in the URL');

    const preview = page.locator(`#preview ${tag}`);
    assert.equal(await preview.getAttribute('structure'), 'MAIRIE-ANNECY', 'the live preview shows the chosen element');
    assert.deepEqual(await axeViolations(page, ['#preview']), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('offers the stable URL without integrity when the latest version is chosen', async (t) => {
    if (!tag) return t.skip('no element is built yet');
    const page = await context.newPage();
    await page.goto(`${server.url}/configurator?element=${tag}&structure=CAF-69&script=latest`);
    await page.locator('#snippet').filter({ hasText: tag }).waitFor();
    assert.equal(
      await page.locator('#snippet').textContent(),
      `<script type="module" src="${server.url}/widgets/spp-widgets.js"></script>\n<${tag} structure="CAF-69" theme="dsfr"></${tag}>`,
    );
    await page.close();
  });

  it('the copied snippet, pasted in an empty page on another origin under a strict CSP, shows the element working against the API', async (t) => {
    if (!tag || !copied) return t.skip('no element is built yet');
    writeFileSync(join(hostDir, 'index.html'), `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Page vide</title></head>\n<body>\n${copied}\n</body>\n</html>\n`);
    const host: StaticServer = await serveStatic(hostDir, { headers: { 'Content-Security-Policy': strictCsp(server.url) } });
    const page = await context.newPage();
    const problems: string[] = [];
    const api: { url: string; status: number }[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('response', (r) => r.url().startsWith(`${server.url}/api/`) && api.push({ url: r.url(), status: r.status() }));
    try {
      await page.goto(host.url, { waitUntil: 'networkidle' });
      await page.waitForFunction((name) => !!customElements.get(name), tag, { timeout: 10_000 });
      await page.waitForFunction((name) => (document.querySelector(name)?.shadowRoot?.textContent ?? '').trim().length > 0, tag, { timeout: 10_000 });
      const shown = await page.evaluate((name) => {
        const root = document.querySelector(name)?.shadowRoot?.querySelector('.root');
        return { lang: root?.getAttribute('lang'), text: root?.textContent ?? '' };
      }, tag);
      assert.equal(shown.lang, 'en', 'the lang option reached the element');
      assert.ok(api.length > 0, 'the element called the API');
      assert.deepEqual(api.filter((r) => r.status >= 400), [], 'every API call succeeded');
      assert.deepEqual(problems, [], 'no error and no CSP violation');
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('every element the server ships works together on one page under that same policy (docs/csp.md)', async (t) => {
    if (!widgets.elements.length) return t.skip('no element is built yet');
    const tags = widgets.elements.map((name) => `<${name} structure="CAF-69"></${name}>`).join('\n');
    writeFileSync(
      join(hostDir, 'all.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Tous les widgets</title>\n<script type="module" src="${server.url}${widgets.script}"></script></head><body>\n${tags}\n</body></html>`,
    );
    const host = await serveStatic(hostDir, { headers: { 'Content-Security-Policy': strictCsp(server.url) } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    try {
      await page.goto(`${host.url}/all.html`, { waitUntil: 'networkidle' });
      for (const name of widgets.elements) {
        await page.waitForFunction((n) => !!customElements.get(n) && (document.querySelector(n)?.shadowRoot?.textContent ?? '').trim().length > 0, name, { timeout: 10_000 });
      }
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, [], 'no error and no CSP violation');
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('a tampered integrity hash makes the browser refuse the script', async (t) => {
    if (!tag || !copied) return t.skip('no element is built yet');
    const tampered = copied.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
    writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page</title></head><body>${tampered}</body></html>`);
    const host = await serveStatic(hostDir, { headers: { 'Content-Security-Policy': strictCsp(server.url) } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(host.url, { waitUntil: 'networkidle' });
      assert.equal(await page.evaluate((name) => !!customElements.get(name), tag), false);
      assert.ok(errors.some((e) => /integrity/i.test(e)), `expected an integrity error, got: ${errors.join(' | ')}`);
    } finally {
      await page.close();
      await host.close();
    }
  });
});
