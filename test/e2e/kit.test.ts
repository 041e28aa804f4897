/**
 * The communication kit in a real browser, from `npm start`'s server: the kit page (FR and EN) under its strict
 * CSP is axe-clean, reflows at 320 px and shows its images; the copy buttons put the (edited) texts on the
 * clipboard as text and HTML and announce it; the e-mail signature shows as a mail client would show it; and
 * `<spp-results poster>` prints on one A4 page with 6 and with 12 indicators.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STRUCTURE = 'CAF-69';

async function axeViolations(page: Page, context = 'document'): Promise<string[]> {
  // The page's CSP would refuse a <script> tag: axe runs through the DevTools protocol instead.
  return page.evaluate(
    AXE_SOURCE +
      `;axe.run(${context}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((r) => r.violations.map((v) => v.id + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`,
  );
}

describe('communication kit in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'spp-kit-e2e-'));
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  for (const [lang, query, title] of [
    ['fr', '', 'Kit de communication – CAF du Rhône'],
    ['en', '?lang=en', 'Communication kit – CAF du Rhône'],
  ] as const) {
    it(`${lang}: the kit page loads under its CSP without errors, is axe-clean, shows its images and reflows at 320 px`, async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        const response = await page.goto(`${server.url}/kit/${STRUCTURE}${query}`, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);
        // The copy buttons appear once the script runs.
        assert.ok((await page.getByRole('button', { name: lang === 'fr' ? 'Copier le HTML' : 'Copy HTML' }).count()) >= 3);
        assert.deepEqual(await axeViolations(page), []);
        const image = page.locator(`img[src*="/social/10.png"]`);
        await image.scrollIntoViewIfNeeded();
        await page.waitForFunction((src) => (document.querySelector(`img[src="${src}"]`) as HTMLImageElement | null)?.complete, await image.getAttribute('src'));
        assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 1200);
        assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalHeight), 630);
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

  it('the configurator links the chosen structure to its kit', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/configurator`, { waitUntil: 'networkidle' });
      const link = page.getByRole('link', { name: 'le kit de communication de ce service' });
      assert.equal(await link.count(), 0, 'no kit link before a structure is chosen (the example one is not theirs)');
      await page.getByLabel('Rechercher votre service par nom, ville, code postal ou réseau').fill('CAF Rhône');
      await page.locator('#structure-CAF-69').check();
      assert.equal(await link.getAttribute('href'), `/kit/${STRUCTURE}`);
      await link.click();
      await page.waitForURL(`${server.url}/kit/${STRUCTURE}`);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kit de communication – CAF du Rhône');
    } finally {
      await page.close();
    }
  });

  it('copies an article as text and as HTML, with the edits made in the page, and announces it', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kit/${STRUCTURE}`, { waitUntil: 'networkidle' });
      const article = page.getByRole('textbox', { name: 'Article version longue (modifiable)' });
      await article.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Mot ajouté par le service.');
      const block = page.locator('.block', { has: page.locator('#long-article') });
      await block.getByRole('button', { name: 'Copier le texte' }).click();
      await page.getByRole('status').filter({ hasText: 'Copié dans le presse-papiers.' }).waitFor();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.startsWith('CAF du Rhône s’engage avec Services Publics +'), text.slice(0, 80));
      assert.ok(text.includes('Notre numéro 32 30 est gratuit'), 'the local commitments');
      assert.match(text, /Appels décrochés par un agent : [\d,]+\s%/);
      assert.ok(text.trimEnd().endsWith('Mot ajouté par le service.'), 'the edit is copied');
      assert.ok(!text.includes('<'), 'plain text');

      await block.getByRole('button', { name: 'Copier le HTML' }).click();
      await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('<h4>'));
      const markup = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markup, /^<h4>CAF du Rhône s’engage avec Services Publics \+/);
      assert.match(markup, /<ul><li>1\. Dans le respect mutuel/);
      assert.ok(markup.includes('Mot ajouté par le service.'));
      assert.doesNotMatch(markup, /class=|contenteditable|role=/, 'no attribute of the page in the copied HTML');
    } finally {
      await page.close();
    }
  });

  it('copies a post as edited, and counts its characters as one types', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kit/${STRUCTURE}`, { waitUntil: 'networkidle' });
      const post = page.getByRole('textbox', { name: 'Votre avis' });
      const original = await post.inputValue();
      assert.ok(original.length <= 280 && original.includes(`/form/${STRUCTURE}`));
      const count = page.locator('#post-opinion-count');
      assert.equal(await count.textContent(), `${original.length} caractères`);
      await post.fill(`${original} ${'x'.repeat(300)}`);
      assert.equal(await count.textContent(), `${original.length + 301} caractères`);
      assert.match((await count.getAttribute('class')) ?? '', /\bover\b/, 'over 280 is flagged');
      await post.fill('Un message court.');
      await page.locator('li.post', { has: post }).getByRole('button', { name: 'Copier le texte' }).click();
      await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'Un message court.');
      // Said 50 ms after the copy (the status is emptied first, so that the same message said twice is announced twice).
      await page.getByRole('status').filter({ hasText: 'Copié dans le presse-papiers.' }).waitFor();
      assert.equal(await page.getByRole('status').textContent(), 'Copié dans le presse-papiers.');
    } finally {
      await page.close();
    }
  });

  it('shows the e-mail signature as a mail client does (its body pasted into a message, no stylesheet of its own)', async () => {
    const signature = await (await fetch(`${server.url}/kit/${STRUCTURE}/signature.html`)).text();
    const block = signature.slice(signature.indexOf('<body>') + 6, signature.indexOf('</body>'));
    const page = await context.newPage();
    try {
      // A webmail keeps the body's markup and inline styles inside its own page, with its own styles around it.
      await page.route(`${server.url}/mail-client`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Message</title>
<style>body { font: 15px Georgia, serif; color: #444; } a { color: #1a73e8; } p { margin: 1em 0; }</style></head>
<body><main><h1>Objet : votre dossier</h1><div class="message"><p>Bonjour,</p><p>Cordialement,</p>${block}</div></main></body></html>`,
        }),
      );
      await page.goto(`${server.url}/mail-client`);
      const table = page.locator('.message table');
      const box = await table.boundingBox();
      assert.ok(box && box.width > 200 && box.width <= 600, `signature width ${box?.width}`);
      const links = page.locator('.message table a');
      assert.equal(await links.count(), 2);
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)), [`${server.url}/resultats/${STRUCTURE}`, `${server.url}/form/${STRUCTURE}`]);
      // Its inline styles win over the mail client's: the SP+ colours and a sans-serif font.
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => getComputedStyle(a).color)), ['rgb(0, 0, 145)', 'rgb(0, 0, 145)']);
      const plus = page.locator('.message table span', { hasText: '+' });
      assert.equal(await plus.evaluate((el) => getComputedStyle(el).color), 'rgb(225, 0, 15)');
      assert.match(await table.locator('p').first().evaluate((el) => getComputedStyle(el).fontFamily), /^Arial/);
      assert.equal(await table.locator('p').first().textContent(), 'CAF du Rhône');
      assert.deepEqual(await axeViolations(page, "'.message'"), []);
    } finally {
      await page.close();
    }
  });

  for (const count of [6, 12]) {
    it(`<spp-results poster> prints ${count} indicators on one A4 page`, async () => {
      const page = await context.newPage();
      try {
        const real = await (await fetch(`${server.url}/api/v1/structures/${STRUCTURE}/results`)).json();
        const indicators = [...real.indicators, ...real.indicators.map((i: { code: string }) => ({ ...i, code: `${i.code}-BIS` }))].slice(0, count);
        assert.equal(indicators.length, count);
        await page.route(`${server.url}/api/v1/structures/${STRUCTURE}/results`, (route) =>
          route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...real, indicators }) }),
        );
        await page.route(`${server.url}/poster-host`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Affiche</title><script type="module" src="/widgets/spp-widgets.js"></script></head>
<body><spp-results structure="${STRUCTURE}" poster results-url="${server.url}/resultats/${STRUCTURE}"></spp-results></body></html>`,
          }),
        );
        await page.goto(`${server.url}/poster-host`, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.querySelector('spp-results')?.shadowRoot?.querySelectorAll('.indicator').length ?? 0, undefined, { timeout: 15_000 });
        assert.equal(await page.evaluate(() => document.querySelector('spp-results')!.shadowRoot!.querySelectorAll('.indicator').length), count);
        await page.waitForFunction(() => document.querySelector('spp-results')?.shadowRoot?.querySelector('.qr svg'));
        await page.emulateMedia({ media: 'print' });
        const pdf = join(folder, `poster-${count}.pdf`);
        writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        assert.match(info, /Pages:\s+1\n/, `${count} indicators on one page`);
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
        assert.ok(text.includes('CAF du Rhône'));
        assert.ok(text.includes(`/resultats/${STRUCTURE}`), 'the address under the QR code');
      } finally {
        await page.close();
      }
    });
  }
});
