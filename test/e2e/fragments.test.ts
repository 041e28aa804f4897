import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loadInTwo, NO_SHIFT, recordShifts, shiftScore, startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { SHADOW_TEXT } from '../helpers/elements.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Server-rendered fragments on the real server, included in a host page as a CMS would (the HTML pasted in the
 * page), then adopted by the widget script: with JavaScript off the content is there; with it, nothing is shown
 * twice, nothing moves, and the element works.
 */

interface Case {
  tag: string;
  query: string;
  /** Text the fragment must show, read from the shadow root. */
  shows: RegExp;
  /** A node of the content that must be there exactly once after adoption. */
  once: string;
  /**
   * The fragment holds a part only the script can fill (the results' history chart) near the top of this page:
   * the element is loaded at once to fill it, instead of when the reader starts using it.
   */
  fillsAtLoad?: boolean;
}

const CASES: Case[] = [
  { tag: 'spp-engagements', query: 'structure=CAF-69', shows: /Notre numéro 32 30 est gratuit/, once: '[part~="engagement"]' },
  { tag: 'spp-results', query: 'structure=CAF-69', shows: /Appels décrochés par un agent/, once: '#title', fillsAtLoad: true },
  { tag: 'spp-testimonies', query: 'structure=CAF-69', shows: /Trois semaines sans nouvelles de mon dossier/, once: 'article, li' },
  { tag: 'spp-improvements', query: 'structure=CAF-69', shows: /Vous nous avez dit/, once: '[part="heading"]' },
];

/** Every element's content: text, and the boxes of its nodes, in order. */
function snapshot(page: Page, tag: string, once: string) {
  return page.evaluate(([tag, once]) => {
    const host = document.querySelector(tag!)!;
    const root = host.shadowRoot!;
    // A `<noscript>` (the results' tables for readers without JavaScript) is text that is never shown here.
    const nodes = [...root.querySelectorAll('*')].filter((n) => !['STYLE', 'SCRIPT', 'NOSCRIPT'].includes(n.tagName));
    return {
      // What is on screen (`innerText` leaves out what is not rendered, such as the printed poster's address).
      text: [...nodes.filter((n) => n.parentNode === root)].map((n) => (n as HTMLElement).innerText).join(' ').replace(/\s+/g, ' ').trim(),
      once: root.querySelectorAll(once!).length,
      host: JSON.stringify(host.getBoundingClientRect()),
      boxes: nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return `${n.tagName}.${n.className} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      }),
    };
  }, [tag, once]);
}

/**
 * The reader starts using the element: the pointer comes over its corner (not over a button). A fragment's
 * element is loaded and adopts its content only then (`wanted` in src/internal/ssr.ts); resolves once defined.
 */
async function use(page: Page, tag: string): Promise<void> {
  // The adoption code listens once it has run (a pointer that came over the element before that, and stayed still,
  // is not a reader using it yet).
  await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
  await page.hover(tag, { position: { x: 1, y: 1 } });
  await page.waitForFunction((tag) => customElements.get(tag) !== undefined, tag);
}

describe('server-rendered fragments included in a host page', () => {
  let server: ServerProcess;
  let browser: Browser;
  const fragments = new Map<string, string>();
  /** The first fragment asked of a fresh server (the renderer warmed up at start, the elements prebuilt). */
  let firstMs: number | undefined;
  before(async () => {
    // As in production: the built server (dist-ssr/, made by the vite build) without `typescript`, a dev dependency.
    server = await startServerProcess({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ./test/helpers/no-typescript.mjs` });
    browser = await launchChromium();
    for (const { tag, query } of CASES) {
      const started = performance.now();
      const res = await fetch(`${server.url}/fragments/${tag}?${query}`);
      assert.equal(res.status, 200, tag);
      fragments.set(tag, await res.text());
      firstMs ??= performance.now() - started;
    }
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /**
   * The host page, served from the API's origin (the script's default API), with the fragment pasted in as the
   * server sent it: it brings the widgets' script, so the page needs no script line (docs/fragments.md). `script`
   * false: the same page without that script (the fragment's `<script>` taken out); `'line too'`: the page also has
   * its own script line, as pages written before fragments brought it do.
   */
  async function host(page: Page, tag: string, script: boolean | 'line too', above = ''): Promise<void> {
    const fragment = script ? fragments.get(tag)! : fragments.get(tag)!.replace(/<script type="module"[^>]*><\/script>/g, '');
    await page.route(`${server.url}/host-${tag}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title>
          ${script === 'line too' ? '<script type="module" src="/widgets/spp-widgets.js"></script>' : ''}</head>
          <body><main><h1>Hôte</h1>${above}${fragment}<p id="after">Texte après le widget.</p></main></body></html>`,
      }),
    );
    await page.goto(`${server.url}/host-${tag}`, { waitUntil: 'load' });
  }

  for (const { tag, shows } of CASES) {
    it(`<${tag}>: with JavaScript off, the fragment shows its content`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await host(page, tag, false);
      // Locators read inside open shadow roots, as a reader sees the page.
      const text = page.locator(tag).getByText(shows).first();
      assert.ok(await text.isVisible(), `${shows} is on screen`);
      await context.close();
    });
  }

  // A slow network cuts a fragment anywhere: what the browser paints of the first piece must stay where it is when
  // the rest arrives (layouts that do not depend on the nodes after them; they did: the banner's first group, the
  // first results card and the first testimonies filter took their whole row, then narrowed).
  for (const { tag, once } of CASES) {
    it(`<${tag}>: a fragment cut anywhere by a slow network is painted as it arrives, and nothing moves when the rest comes`, async () => {
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Hôte</title></head><body><main><h1>Hôte</h1>${fragments.get(tag)}<p>Texte après le widget.</p></main></body></html>`;
      const from = html.indexOf('<template');
      const to = html.indexOf('<script type="application/json" data-spp-state');
      assert.ok(from > 0 && to > from, 'the state block comes after the content');
      for (const width of [1280, 412]) {
        for (let k = 1; k < 7; k++) {
          const cut = html.indexOf('<', from + Math.round(((to - from) * k) / 7));
          const moved = await loadInTwo(browser, html, cut, {
            async waiting(page) {
              await page.setViewportSize({ width, height: 800 });
              await page.locator(tag).waitFor({ state: 'attached' });
              await page.waitForTimeout(250);
            },
            async loaded(page) {
              assert.ok(await page.locator(`${tag} ${once}`).first().isVisible());
            },
          });
          assert.ok(shiftScore(moved) < NO_SHIFT, `${width} px, cut before ${JSON.stringify(html.slice(cut, cut + 50))}: ${JSON.stringify(moved)}`);
        }
      }
    });
  }

  it('serves the first fragment of a fresh server quickly, without typescript (the elements built with the widgets, the renderer loaded at start)', (t) => {
    t.diagnostic(`first fragment in ${Math.round(firstMs ?? -1)} ms`);
    // Was 8.7 s when the server bundled the elements itself at the first request (esbuild + the TypeScript parser).
    assert.ok(firstMs !== undefined && firstMs < 3000, `first fragment in ${Math.round(firstMs ?? -1)} ms`);
  });

  it('<spp-results>: with JavaScript off, every indicator card is there, not only the first ones', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await host(page, 'spp-results', false);
    const cards = await page.locator('spp-results [part~="indicator"]').count();
    const res = await fetch(`${server.url}/api/v1/structures/CAF-69/results`);
    const { indicators } = (await res.json()) as { indicators: unknown[] };
    assert.ok(indicators.length > 2);
    assert.equal(cards, indicators.length);
    await context.close();
  });

  it('<spp-results>: with JavaScript off, every indicator’s table is open in place of the chart; with it, none shows', async () => {
    const res = await fetch(`${server.url}/api/v1/structures/CAF-69/results`);
    const { indicators } = (await res.json()) as { indicators: { label: string; points: { period: string; value: number | null }[] }[] };
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await off.newPage();
    await host(page, 'spp-results', false);
    const tables = page.locator('spp-results table');
    assert.equal(await tables.count(), indicators.length, 'a table per indicator');
    for (const [i, indicator] of indicators.entries()) {
      // The caption names the indicator; a row per period, with its value as the cards write it ("93,0 %").
      const table = page.locator('spp-results').getByRole('table', { name: `${indicator.label} : résultats par période`, exact: false });
      assert.ok(await table.isVisible(), `${indicator.label}: its table is on screen`);
      assert.equal(await table.locator('tbody tr').count(), indicator.points.length, indicator.label);
      if (i === 0) {
        const last = indicator.points.at(-1)!;
        const shown = await table.locator('tbody tr').last().locator('td').first().innerText();
        assert.equal(shown.replace(/\s/g, ' '), `${last.value!.toFixed(1).replace('.', ',')} %`);
      }
    }
    // The button and the chart's place need the script: without it, not shown (a button that does nothing).
    assert.equal(await page.locator('spp-results').getByRole('button', { name: 'Voir les données' }).isVisible(), false);
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px at 320 px`);
    // axe needs scripts (its timers do not run in a page without them): the same markup, the `<noscript>` made a
    // `<div>`, in a page with scripting on but no widget script. Tables with captions and headers, each in a region
    // a keyboard can scroll.
    const asShown = await browser.newPage();
    fragments.set('spp-results-noscript', fragments.get('spp-results')!.replace(/<(\/?)noscript>/g, '<$1div>'));
    await host(asShown, 'spp-results-noscript', false);
    assert.equal(await asShown.locator('spp-results table').count(), indicators.length);
    const violations = await asShown.evaluate(`${AXE_SOURCE};axe.run(document.querySelector('spp-results'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => v.id + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
    assert.deepEqual(violations, []);
    await asShown.close();
    await off.close();

    const on = await browser.newContext();
    const withScript = await on.newPage();
    await host(withScript, 'spp-results', true);
    await withScript.waitForFunction(() => customElements.get('spp-results') !== undefined);
    await withScript.waitForTimeout(200);
    const shown = await withScript.locator('spp-results table').evaluateAll((all) => all.filter((t) => t.getClientRects().length > 0).length);
    assert.equal(shown, 0, 'with JavaScript, the data table is closed until asked for');
    assert.equal(await withScript.locator('spp-results noscript').count(), 0, 'the element dropped the server’s no-script part');
    assert.ok(await withScript.locator('spp-results').getByRole('button', { name: 'Voir les données' }).isVisible());
    await on.close();
  });

  for (const { tag, once, fillsAtLoad } of CASES) {
    it(`<${tag}>: the script adopts the fragment: nothing shown twice, nothing moves, no layout shift, no error`, async () => {
      // Before: the same page without the script.
      const bare = await browser.newContext();
      const before = await bare.newPage();
      await host(before, tag, false);
      const still = await snapshot(before, tag, once);
      await bare.close();

      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const asked: string[] = [];
      page.on('request', (r) => r.url().includes('/api/') && asked.push(new URL(r.url()).pathname));
      const shifts = await recordShifts(page);
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
      await host(page, tag, true);
      await page.waitForTimeout(1000);
      if (fillsAtLoad) {
        assert.ok(scripts.some((s) => s.includes(`/${tag}-`)), 'loaded at once to fill its history chart');
      } else {
        // A reader who only reads: the content is there, the element's module is not even downloaded.
        assert.equal(await page.evaluate((tag) => customElements.get(tag), tag), undefined, 'not loaded before it is used');
        assert.deepEqual(scripts.filter((s) => s.includes(`/${tag}-`)), [], 'the element’s module is not downloaded before it is used');
      }
      await use(page, tag);
      await page.evaluate((tag) => (document.querySelector(tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete, tag);
      await page.waitForTimeout(1500);
      const adopted = await snapshot(page, tag, once);

      assert.equal(adopted.text, still.text, 'the same text, once');
      assert.deepEqual(adopted.boxes, still.boxes, 'every node where it was');
      assert.equal(adopted.host, still.host);
      // The element took the server's state (its block is read and removed on the first update) ...
      assert.equal(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('script').length, tag), 0);
      // ... and did not ask the API again for what the fragment holds (the banner asks for its commitments, in the background).
      if (tag !== 'spp-engagements') assert.deepEqual(asked, [], `${tag} asked ${asked.join(', ')}`);
      assert.ok(still.once > 0, `${once} is in the fragment`);
      assert.equal(adopted.once, still.once, `${once}: as many as the server rendered, not twice as many`);
      const moved = await shifts();
      const scriptAt = await page.evaluate(() => Math.round(performance.getEntriesByType('resource').find((e) => e.name.includes('/widgets/spp-widgets.js'))?.startTime ?? -1));
      assert.ok(shiftScore(moved) < NO_SHIFT, `layout shifts (script asked at ${scriptAt} ms): ${JSON.stringify(moved)}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('<spp-engagements>: once adopted, the element works (a "why" button opens its quote)', async () => {
    const page = await browser.newPage();
    await host(page, 'spp-engagements', true);
    await use(page, 'spp-engagements');
    await page.evaluate(() => (document.querySelector('spp-engagements') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    const toggle = page.locator('spp-engagements [part="toggle"]').first();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('spp-engagements [part="quote"]').first().isVisible());
    assert.equal(await page.locator('spp-engagements [part="toggle"]').count(), await page.locator('spp-engagements [part="quote"]').count());
    await page.close();
  });

  it('a page with its own script line as well as the fragment’s script: loaded once, run once, the element works', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/widgets/spp-widgets.js') && asked.push(r.url()));
    await host(page, 'spp-engagements', 'line too');
    await use(page, 'spp-engagements');
    assert.deepEqual(asked, [`${server.url}/widgets/spp-widgets.js`], 'the same address: one request, one module');
    await page.evaluate(() => (document.querySelector('spp-engagements') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    const toggle = page.locator('spp-engagements [part="toggle"]').first();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'one press opens it (two autoloaders would make two listeners or none)');
    assert.equal(await page.locator('spp-engagements [part="toggle"]').count(), await page.locator('spp-engagements [part="quote"]').count());
    assert.equal(await page.evaluate(() => document.querySelector('spp-engagements')!.shadowRoot!.querySelectorAll('script').length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('<spp-engagements>: a "why" button pressed before the element adopted its fragment opens its quote once it has', async () => {
    const page = await browser.newPage();
    // The element's module is slow to come (a slow network): the server's button is on screen, but nothing answers it yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/spp-engagements-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await host(page, 'spp-engagements', true);
    // The adoption code (asked for as soon as the script finds a fragment) listens from its first moment on.
    await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
    const toggle = page.locator('spp-engagements [part="toggle"]').first();
    await toggle.click();
    assert.equal(await page.evaluate(() => customElements.get('spp-engagements')), undefined, 'pressed before the element was defined');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    release();
    await page.waitForFunction(() => customElements.get('spp-engagements') !== undefined);
    await page.waitForFunction(() => document.querySelector('spp-engagements')!.shadowRoot!.querySelector('[part="toggle"]')!.getAttribute('aria-expanded') === 'true');
    assert.ok(await page.locator('spp-engagements [part="quote"]').first().isVisible());
    // Pressed once, opened once: the other buttons stay closed.
    assert.equal(await page.locator('spp-engagements [part="toggle"][aria-expanded="true"]').count(), 1);
    await page.close();
  });

  it('<spp-engagements>: a click alone on a "why" button (as an assistive technology sends it, no pointer before it) adopts the element and opens the quote', async () => {
    const page = await browser.newPage();
    await host(page, 'spp-engagements', true);
    await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => customElements.get('spp-engagements')), undefined, 'not adopted before the click');
    await page.evaluate(() => (document.querySelector('spp-engagements')!.shadowRoot!.querySelector('[part="toggle"]') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('spp-engagements')!.shadowRoot!.querySelector('[part="toggle"]')!.getAttribute('aria-expanded') === 'true');
    assert.equal(await page.locator('spp-engagements [part="toggle"][aria-expanded="true"]').count(), 1);
    assert.ok(await page.locator('spp-engagements [part="quote"]').first().isVisible());
    await page.close();
  });

  it('<spp-improvements>: the page switches its language before it is used: the element shows the plan in English, not the server’s French', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await host(page, 'spp-improvements', true);
    await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
    await page.evaluate(() => document.querySelector('spp-improvements')!.setAttribute('lang', 'en'));
    // Well before the adoption's give-up delay (3 s): the change itself makes the element render afresh.
    await page.waitForFunction(() => /You told us/.test(document.querySelector('spp-improvements')!.shadowRoot!.textContent!), undefined, { timeout: 2500 });
    const text = await page.evaluate(() => document.querySelector('spp-improvements')!.shadowRoot!.textContent!);
    assert.doesNotMatch(text, /Vous nous avez dit/, 'no French left from the server');
    assert.equal(await page.locator('spp-improvements [part="heading"]').count(), 1, 'one plan, not the server’s and the new one');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('<spp-improvements>: a change of an attribute the element does not read (its class) adopts it as the server rendered it, without asking the API', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && asked.push(new URL(r.url()).pathname));
    await host(page, 'spp-improvements', true);
    await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
    await page.evaluate(() => document.querySelector('spp-improvements')!.classList.add('mis-en-avant'));
    await page.waitForFunction(() => customElements.get('spp-improvements') !== undefined);
    await page.waitForFunction(() => !document.querySelector('spp-improvements')!.shadowRoot!.querySelector('script[data-spp-state]'));
    await page.waitForTimeout(500);
    assert.deepEqual(asked, []);
    assert.match(await page.evaluate(() => document.querySelector('spp-improvements')!.shadowRoot!.textContent!), /Vous nous avez dit/);
    await page.close();
  });

  it('<spp-results>: a host page’s script adopts it at once as documented (a focusin event on the element), then whenDefined resolves', async () => {
    const page = await browser.newPage();
    await host(page, 'spp-results', true);
    await page.waitForFunction(() => 'litElementHydrateSupport' in globalThis);
    const defined = await page.evaluate(async () => {
      const el = document.querySelector('spp-results')!;
      const when = customElements.whenDefined('spp-results');
      el.dispatchEvent(new Event('focusin'));
      await when;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return !el.shadowRoot!.querySelector('script[data-spp-state]');
    });
    assert.ok(defined, 'defined and adopted');
    await page.close();
  });

  it('<spp-results> far down the page: not loaded while the reader is at the top; scrolled to, its history chart is drawn', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await host(page, 'spp-results', true, '<div style="height: 4000px">Texte avant le widget.</div>');
    await page.waitForTimeout(1000);
    assert.deepEqual(scripts.filter((s) => s.includes('/spp-results-')), [], 'not downloaded while far from the viewport');
    await page.evaluate(() => document.querySelector('spp-results')!.shadowRoot!.querySelector('[data-spp-needs-script]')!.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => !!document.querySelector('spp-results')!.shadowRoot!.querySelector('[data-spp-needs-script] canvas'), undefined, { timeout: 15_000 });
    assert.equal(await page.locator('spp-results #title').count(), 1, 'adopted, not rendered twice');
    await page.close();
  });

  it('<spp-testimony-form>: without JavaScript a link to the full-page form; with it, the form in its place', async () => {
    const fragment = await (await fetch(`${server.url}/fragments/spp-testimony-form?structure=CAF-69`)).text();
    fragments.set('spp-testimony-form', fragment);
    const off = await browser.newContext({ javaScriptEnabled: false });
    const bare = await off.newPage();
    await host(bare, 'spp-testimony-form', false);
    const link = bare.getByRole('link', { name: 'Donner votre avis sur ce service' });
    assert.ok(await link.isVisible());
    await link.click();
    await bare.waitForURL(`${server.url}/form/CAF-69`);
    await off.close();

    const page = await browser.newPage();
    await host(page, 'spp-testimony-form', true);
    await page.waitForFunction(() => customElements.get('spp-testimony-form') !== undefined);
    await page.locator('spp-testimony-form fieldset').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Donner votre avis sur ce service' }).isVisible(), false);
    await page.close();
  });

  /**
   * Every distinct text the element's shadow root showed, sampled at each frame from the first one (a change
   * shorter than a frame is never painted), and the script requests of the page.
   */
  async function watchAdoption(page: Page, tag: string) {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    const api: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && api.push(new URL(r.url()).pathname));
    // A string: the test's transform would name a function kept in a variable (`__name`), unknown in the page.
    await page.addInitScript(`(() => {
      const seen = (window.seenTexts = []);
      const tick = () => {
        const root = document.querySelector('${tag}')?.shadowRoot;
        if (root) {
          const text = ${SHADOW_TEXT}(root);
          if (seen[seen.length - 1] !== text) seen.push(text);
        }
        requestAnimationFrame(tick);
      };
      // From the end of parsing: the declarative shadow root is all there (before, it is still arriving).
      document.addEventListener('DOMContentLoaded', tick);
    })()`);
    return {
      scripts,
      api,
      texts: () => page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts),
    };
  }

  for (const [tag, english] of [
    ['spp-results', /Our quality-of-service results[\s\S]*Updated on 15 October 2026/],
    ['spp-testimonies', /October 2026|September 2026|2026/],
  ] as const) {
    it(`<${tag} lang="en">: adopted with the English text as the server wrote it, the English strings downloaded once, never a French frame`, async () => {
      const res = await fetch(`${server.url}/fragments/${tag}?structure=CAF-69&lang=en`);
      assert.equal(res.status, 200);
      fragments.set(`${tag}-en`, await res.text());
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const watch = await watchAdoption(page, tag);
      await host(page, `${tag}-en`, true);
      await use(page, tag);
      // Past the adoption's give-up delay (3 s): had it not matched, the element would have rendered afresh by now.
      await page.waitForTimeout(4000);
      const texts = await watch.texts();
      const differ = (a: string, b: string) => {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        return `…${a.slice(Math.max(0, i - 60), i + 100)}\n  became …${b.slice(Math.max(0, i - 60), i + 100)}`;
      };
      assert.equal(texts.length, 1, `one text from the first frame to the last, got ${texts.length}:\n${texts.slice(1).map((t, i) => differ(texts[i]!, t)).join('\n')}`);
      assert.match(texts[0]!, english);
      // (The data itself, indicator labels and testimonies, is in French: the interface around it is not.)
      assert.doesNotMatch(texts[0]!, /Publié le|Réponse de|Mis à jour le|Réseau|Nos résultats/, 'no French');
      const strings = watch.scripts.filter((s) => /\.strings\.en-/.test(s));
      assert.ok(strings.length > 0, `the English strings were downloaded: ${watch.scripts.join(', ')}`);
      assert.equal(new Set(strings).size, strings.length, `each English strings chunk once: ${strings.join(', ')}`);
      assert.deepEqual(watch.api, [], 'nothing asked again');
      assert.equal(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('script').length, tag), 0, 'adopted');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('<spp-results> of an unknown structure (the 404 fragment): adopted without a flash of the loading box, asked again once at most', async () => {
    const res = await fetch(`${server.url}/fragments/spp-results?structure=NOPE-00`);
    assert.equal(res.status, 404);
    fragments.set('unknown', await res.text());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const watch = await watchAdoption(page, 'spp-results');
    await host(page, 'unknown', true);
    await use(page, 'spp-results');
    await page.waitForTimeout(4000);
    const texts = await watch.texts();
    assert.equal(texts.length, 1, `one text from the first frame to the last, got:\n${texts.join('\n')}`);
    assert.match(texts[0]!, /NOPE-00/);
    assert.ok(watch.api.length <= 1, `asked ${watch.api.length} times: ${watch.api.join(', ')}`);
    assert.equal(await page.evaluate(() => document.querySelector('spp-results')!.shadowRoot!.querySelectorAll('[part~="message"]').length), 1, 'one message');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('<spp-improvements> on a page whose CSP refuses the fragment’s <style>: unstyled without the script, styled as anywhere else once adopted', async () => {
    const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'";
    const boxes = async (csp: string | undefined, script: boolean) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route(`${server.url}/csp-host`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          headers: csp ? { 'Content-Security-Policy': csp } : {},
          body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title>
            ${script ? '<script type="module" src="/widgets/spp-widgets.js"></script>' : ''}</head>
            <body><main><h1>Hôte</h1>${fragments.get('spp-improvements')}</main></body></html>`,
        }),
      );
      await page.goto(`${server.url}/csp-host`, { waitUntil: 'load' });
      if (script) {
        await use(page, 'spp-improvements');
        await page.evaluate(() => (document.querySelector('spp-improvements') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
      }
      const shown = await snapshot(page, 'spp-improvements', '[part="heading"]');
      await context.close();
      assert.deepEqual(errors, []);
      return shown.boxes;
    };
    const styled = await boxes(undefined, true);
    assert.notDeepEqual(await boxes(CSP, false), styled, 'the CSP refuses the fragment’s <style> (else this test proves nothing)');
    assert.deepEqual(await boxes(CSP, true), styled, 'adopted, the element has its styles');
  });

  it('a page without a fragment does not download the adoption module', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.route(`${server.url}/plain-host`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title>
          <script type="module" src="/widgets/spp-widgets.js"></script></head><body><spp-engagements></spp-engagements></body></html>`,
      }),
    );
    await page.goto(`${server.url}/plain-host`, { waitUntil: 'networkidle' });
    assert.ok(scripts.some((s) => s.includes('spp-engagements')), scripts.join(', '));
    assert.ok(!scripts.some((s) => /\/ssr-/.test(s)), scripts.join(', '));
    await page.close();
  });
});
