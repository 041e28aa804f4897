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

/** Shipped but not offered: the tracking view is the API's own `/suivi/{reference}` page (see demo/configurator.js). */
const NOT_OFFERED = ['spp-testimony-tracking'];

/** Each element as the French page names it, for a webmaster who has never seen a tag name. */
const WIDGET_NAMES: Record<string, string> = {
  'spp-engagements': 'Les 9 engagements',
  'spp-results': 'Les résultats de qualité de service',
  'spp-testimonies': 'Les témoignages et vos réponses',
  'spp-improvements': 'Le plan d’amélioration',
  'spp-testimony-form': 'Le formulaire « Racontez votre expérience »',
};

/**
 * Developer English and jargon that must not reach a French-speaking webmaster: attribute names, storage and
 * header names, doc-comment leftovers, and common English words. Attribute names may appear in the generated
 * code only, which the scan leaves out.
 */
const ENGLISH = [
  'variant', 'highlight', 'localStorage', 'sessionStorage', 'dataset', 'Idempotency-Key', 'JSDoc', 'structure=', '`', 'heading-level',
  'page-size', 'href', 'feedback', 'network', 'poster', 'results-url', 'testimonies', 'theme', 'neutral', 'dsfr', 'default', 'inline',
  'floating', 'tracking', 'portal', 'compact', 'full', 'badge', 'lang', 'english', 'the', 'and', 'with', 'your', 'you', 'copy', 'loading',
  'choose', 'service code', 'none', 'true', 'false', 'undefined', 'null',
];

/**
 * The words a person reads on the page (visible text, document title, accessible labels, placeholders,
 * picture descriptions) outside the generated code blocks, the live preview (a widget may be set to English on
 * purpose) and anything marked as another language (the "English" link), checked against ENGLISH.
 */
async function englishOnPage(page: Page): Promise<string[]> {
  return page.evaluate((words) => {
    // (No named helper functions in here: the test's compiler would wrap them in a helper the page does not have.)
    const leftOut = '#preview, #code, #csp, [lang]:not([lang="fr"])';
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(leftOut) || !parent.checkVisibility() || !(node.textContent ?? '').trim()) continue;
      texts.push(node.textContent!);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (el.closest(leftOut)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) if (el.getAttribute(name)) texts.push(el.getAttribute(name)!);
    }
    const found: string[] = [];
    for (const word of words) {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(?<![\\p{L}\\-])${escaped}(?![\\p{L}\\-])`, 'iu');
      const hit = texts.find((t) => (/^[\p{L}]/u.test(word) ? pattern.test(t) : t.includes(word)));
      if (hit) found.push(`${word} in "${hit.trim().slice(0, 120)}"`);
    }
    return found;
  }, ENGLISH);
}

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

    await page.getByRole('radio', { name: WIDGET_NAMES[tag] ?? tag, exact: true }).check();
    const search = page.getByLabel('Rechercher votre service par nom, ville, code postal ou réseau');
    await search.focus();
    await page.keyboard.type('annecy');
    await page.getByRole('status').filter({ hasText: /1 service trouvé/ }).waitFor();
    await page.getByRole('radio', { name: /Mairie d['’]Annecy/ }).check();
    await page.getByRole('radio', { name: 'Sobre', exact: true }).check();
    await page.getByRole('radio', { name: 'Anglais', exact: true }).check();

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

  it('"HTML + script": the snippet holds the fragment to include server-side, whose address answers the element rendered, and the how-to', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/configurator?element=spp-results&structure=CAF-69`);
    await page.locator('#snippet').filter({ hasText: 'spp-results' }).waitFor();
    const html = page.getByRole('radio', { name: 'HTML + script', exact: true });
    await html.focus();
    await page.keyboard.press('Space');
    assert.ok(await html.isChecked());
    await page.locator('#snippet').filter({ hasText: 'esi:include' }).waitFor();
    const snippet = (await page.locator('#snippet').textContent())!;
    const lines = snippet.split('\n');
    // The include alone: the fragment brings the widgets' script (no line of the page's own, no pinned second copy).
    assert.equal(lines.length, 2, snippet);
    assert.match(lines[0]!, new RegExp(`inclus par votre serveur\\u00a0; il apporte le script des widgets, sans autre ligne à ajouter \\(mode d’emploi\\u00a0: ${server.url}/docs/fragments\\.md\\)`));
    assert.equal(lines[1], `<esi:include src="${server.url}/fragments/spp-results?structure=CAF-69&amp;theme=dsfr" />`);
    assert.match(page.url(), /embed=html/, 'kept in the URL');
    // The address in the snippet answers the element already rendered.
    const fragment = await fetch(`${server.url}/fragments/spp-results?structure=CAF-69&theme=dsfr`);
    assert.equal(fragment.status, 200);
    const body = await fragment.text();
    assert.match(body, /^<spp-results[^>]*><template [^>]*shadowrootmode="open">[\s\S]*Appels décrochés par un agent/);
    assert.match(body, new RegExp(`<script type="module" src="${server.url}/widgets/spp-widgets\\.js"></script></template>`), 'with its script');
    // The how-to is one click away.
    const guide = page.getByRole('link', { name: /Mode d’emploi pour Drupal, WordPress, Hugo, Eleventy/ });
    assert.equal(await guide.getAttribute('href'), '/docs/fragments.md');
    const doc = await fetch(`${server.url}/docs/fragments.md`);
    assert.equal(doc.status, 200);
    assert.match(await doc.text(), /### WordPress/);
    // An option the fragment does not take: the script-only code, and why.
    await page.getByRole('checkbox', { name: 'Montrer l’affiche à imprimer' }).check();
    await page.locator('#snippet').filter({ hasText: 'poster' }).waitFor();
    const fallback = (await page.locator('#snippet').textContent())!;
    assert.match(fallback, /^<!-- L’option «\u00a0Montrer l’affiche à imprimer\u00a0» n’existe qu’avec le script seul/);
    assert.match(fallback, /\n<spp-results structure="CAF-69" poster theme="dsfr"><\/spp-results>$/);
    // Back to "script only": the usual two lines.
    await page.getByRole('radio', { name: 'Script seul', exact: true }).check();
    assert.equal((await page.locator('#snippet').textContent())!.split('\n').length, 2);
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
  // A webmaster's walk through the configurator, one per element: the page opens on that element with a preview
  // already showing, they change options with the mouse and the keyboard, watch the preview follow, copy the code
  // and read what to ask for the security policy. Nothing on the French page is in English.
  const walks: Record<string, (page: Page, preview: () => Promise<Record<string, string | null>>) => Promise<string[]>> = {
    'spp-engagements': async (page, preview) => {
      // The strip, picked by clicking its picture; then two engagements ticked from the keyboard.
      await page.getByText('Bandeau', { exact: true }).click();
      assert.equal((await preview()).variant, 'compact');
      const boxes = page.getByRole('group', { name: 'Engagements à mettre en avant' }).getByRole('checkbox');
      assert.equal(await boxes.count(), 9, 'the 9 engagements, each a checkbox');
      assert.match((await boxes.nth(5).locator('xpath=..').textContent()) ?? '', /Engagement 6\s*:\s*Vous avez accès à nos résultats de qualité de service/, 'named by its official wording');
      await boxes.nth(5).focus();
      await page.keyboard.press('Space');
      await boxes.nth(6).focus();
      await page.keyboard.press('Space');
      assert.equal((await preview()).highlight, '6,7');
      // The badge: the engagements to highlight go away, the link's address comes.
      await page.getByRole('radio', { name: 'Macaron' }).check();
      assert.equal(await boxes.count(), 0, 'the badge highlights nothing');
      await page.getByLabel('Page où mène le macaron').fill('https://www.annecy.fr/engagements');
      assert.equal((await preview()).href, 'https://www.annecy.fr/engagements');
      // No particular service: the national engagements alone.
      await page.getByRole('radio', { name: /Aucun service en particulier/ }).check();
      assert.doesNotMatch((await page.locator('#snippet').textContent()) ?? '', /structure=/, 'the national engagements alone');
      return ['variant="badge"', 'href="https://www.annecy.fr/engagements"'];
    },
    'spp-results': async (page, preview) => {
      await page.getByLabel('Page de votre formulaire d’avis').fill('https://www.rhone.gouv.fr/avis');
      await page.getByLabel('Montrer l’affiche à imprimer').focus();
      await page.keyboard.press('Space');
      assert.equal((await preview()).poster, '');
      // A half-typed address is explained and stays out of the code.
      await page.getByLabel('Page des résultats de tout votre réseau').fill('www.prefectures');
      await page.getByText('Indiquez une adresse complète, commençant par https://').waitFor();
      assert.equal((await preview())['network-href'], null);
      await page.getByLabel('Page des résultats de tout votre réseau').fill('');
      // Reading the open-data portal adds it to the security policy, and asks for its address.
      await page.getByRole('radio', { name: 'Portail des données ouvertes' }).check();
      await page.getByLabel('Adresse du portail').waitFor();
      assert.match((await page.locator('#csp-rules').textContent()) ?? '', new RegExp(`connect-src ${server.url} https://opendata\\.plus\\.transformation\\.gouv\\.fr;`));
      assert.match((await page.locator('#csp-list').textContent()) ?? '', /opendata\.plus\.transformation\.gouv\.fr/);
      await page.getByRole('radio', { name: 'Services Publics+', exact: true }).check();
      assert.equal(await page.getByLabel('Adresse du portail').count(), 0);
      return ['feedback-href="https://www.rhone.gouv.fr/avis"', ' poster'];
    },
    'spp-testimonies': async (page, preview) => {
      const size = page.getByLabel('Témoignages affichés à la fois');
      await size.fill('99');
      await page.getByText('Indiquez un nombre entier entre 1 et 50.').waitFor();
      assert.equal(await size.getAttribute('aria-invalid'), 'true');
      assert.equal((await preview())['page-size'], null, 'a refused value stays out of the preview');
      await size.fill('3');
      assert.equal((await preview())['page-size'], '3');
      await page.getByLabel('Niveau du titre').selectOption({ label: 'Titre de niveau 3' });
      assert.equal((await preview())['heading-level'], '3');
      return ['page-size="3"', 'heading-level="3"'];
    },
    'spp-improvements': async (page, preview) => {
      await page.getByLabel('Page de vos témoignages publiés').fill('/temoignages');
      assert.equal((await preview())['testimonies-href'], '/temoignages');
      await page.getByRole('radio', { name: 'Sobre', exact: true }).check();
      assert.equal((await preview()).theme, 'neutral');
      return ['testimonies-href="/temoignages"', 'theme="neutral"'];
    },
    'spp-testimony-form': async (page, preview) => {
      // Arrow keys move through the radio cards, as in any radio group.
      await page.getByRole('radio', { name: 'Dans la page' }).focus();
      await page.keyboard.press('ArrowRight');
      assert.equal((await preview()).mode, 'floating');
      await page.getByRole('radio', { name: /Aucun service en particulier \(la personne choisit/ }).check();
      assert.doesNotMatch((await page.locator('#snippet').textContent()) ?? '', /structure=/, 'the person will choose the service');
      assert.match((await page.locator('#csp-list').textContent()) ?? '', /envoyer les témoignages/);
      return ['mode="floating"'];
    },
  };

  it('every element the server ships is described in words, not as a tag', (t) => {
    if (!widgets.elements.length) return t.skip('no element is built yet');
    const offered = widgets.elements.filter((name) => !NOT_OFFERED.includes(name));
    assert.deepEqual(offered.filter((name) => !WIDGET_NAMES[name] || !walks[name]), [], 'an element without a French name or a walk in this test');
  });

  for (const name of PREFERRED) {
    it(`a webmaster configures ${name} without reading a word of English`, async (t) => {
      if (!widgets.elements.includes(name)) return t.skip(`${name} is not built`);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The open-data portal is out of reach from this machine: its failed requests are expected, not page errors.
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
      await page.route('https://opendata.plus.transformation.gouv.fr/**', (route) => route.abort());
      try {
        await page.goto(`${server.url}/configurator`);
        await page.getByRole('radio', { name: WIDGET_NAMES[name]!, exact: true }).click();
        const element = page.locator(`#preview ${name}`);
        const preview = () =>
          element.evaluate((el) => Object.fromEntries(['structure', 'variant', 'highlight', 'href', 'poster', 'network-href', 'page-size', 'heading-level', 'testimonies-href', 'theme', 'mode'].map((a) => [a, el.getAttribute(a)])));
        // Previews at once, on the example service, with nothing to pick first.
        await page.waitForFunction((n) => (document.querySelector(`#preview ${n}`)?.shadowRoot?.textContent ?? '').trim().length > 0, name, { timeout: 10_000 });
        if (name !== 'spp-engagements' && name !== 'spp-testimony-form') assert.equal((await preview()).structure, 'PREF-69');
        assert.deepEqual(await englishOnPage(page), [], 'English on the French page (default options)');

        const expected = await walks[name]!(page, preview);
        await page.waitForFunction((n) => (document.querySelector(`#preview ${n}`)?.shadowRoot?.textContent ?? '').trim().length > 0, name, { timeout: 10_000 });

        await page.getByRole('button', { name: 'Copier le code' }).focus();
        await page.keyboard.press('Enter');
        await page.locator('#copy-status').filter({ hasText: 'Code copié' }).waitFor();
        const code = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(code, await page.locator('#snippet').textContent(), 'what is copied is what is shown');
        const tagLine = code.split('\n')[1] ?? '';
        assert.match(tagLine, new RegExp(`^<${name}[ >].*</${name}>$`));
        for (const part of expected) assert.ok(tagLine.includes(part), `${part} in ${tagLine}`);
        assert.equal(await page.locator('#csp-rules').evaluate((el) => el.textContent!.split('\n')[0]), `script-src ${server.url};`);

        assert.deepEqual(await englishOnPage(page), [], 'English on the French page (after the walk)');
        assert.deepEqual(await axeViolations(page, ['#preview']), []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  it('the page in English, and back to French; the scan catches English on the French page', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/configurator?lang=en&element=spp-results`);
      await page.locator('#preview spp-results').waitFor({ state: 'attached' });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.getByRole('heading', { level: 1, name: 'Add a widget to your site' }).waitFor();
      await page.getByRole('radio', { name: 'Quality of service results' }).waitFor();
      await page.getByRole('group', { name: 'Where the figures come from' }).waitFor();
      assert.deepEqual(await axeViolations(page, ['#preview']), []);
      // Back to French from its link, keeping the element chosen.
      await page.getByRole('link', { name: 'Lire cette page en français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ajouter un widget à votre site' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: WIDGET_NAMES['spp-results']!, exact: true }).isChecked(), true);
      assert.deepEqual(await englishOnPage(page), []);
      // The scan is not blind: one sentence of developer English on the French page is caught.
      await page.locator('.lead').evaluate((el) => (el.textContent = 'Pick a variant, then copy the snippet.'));
      assert.deepEqual((await englishOnPage(page)).map((hit) => hit.split(' ')[0]), ['variant', 'the', 'copy']);
    } finally {
      await page.close();
    }
  });

  it('fits a 320 px screen with every element, without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      for (const name of widgets.elements.filter((tag) => !NOT_OFFERED.includes(tag))) {
        await page.goto(`${server.url}/configurator?element=${name}`);
        // Below the options on a phone: the reader scrolls to the preview, which loads the element.
        await page.locator('#preview').scrollIntoViewIfNeeded();
        await page.waitForFunction((n) => (document.querySelector(`#preview ${n}`)?.shadowRoot?.textContent ?? '').trim().length > 0, name, { timeout: 10_000 });
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, `${name}: sideways scroll at 320 px`);
      }
    } finally {
      await page.close();
    }
  });
});
