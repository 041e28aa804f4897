import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { countByTitle } from '../helpers/server-rows.js';
import { e2eHooks, recordScripts, type ServerProcess } from '../helpers/e2e.js';

const STORY = 'J’ai attendu quarante minutes au téléphone avant de parler à quelqu’un, puis la ligne a coupé deux fois.';

/** What has focus, looking through shadow roots. */
function deepActive(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return null;
    const root = active.getRootNode() as ShadowRoot | Document;
    return {
      tag: active.tagName,
      name: active.getAttribute('name'),
      role: active.getAttribute('role'),
      text: (active.textContent ?? '').trim(),
      label: active.id ? (root.querySelector(`label[for="${active.id}"]`)?.textContent ?? '').trim() : '',
      inForm: !!active.closest('form') || active.getRootNode() !== document,
    };
  });
}

async function tabTo(page: Page, matches: (a: NonNullable<Awaited<ReturnType<typeof deepActive>>>) => boolean, what: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const active = await deepActive(page);
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function fillQuickly(page: Page, title: string): Promise<void> {
  const form = page.locator('spp-testimony-form');
  await form.getByLabel('Négatif').check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByLabel('Titre de votre témoignage').fill(title);
  await form.getByLabel('Racontez votre expérience').fill(STORY);
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByRole('heading', { name: /Vérifiez et envoyez/ }).waitFor();
}

describe('<spp-testimony-form> end to end, on the real server', () => {
  let server: ServerProcess;
  let browser: Browser;
  e2eHooks({}, (started) => ({ server, browser } = started));

  it('a page holding only the form: at most 25 KB of gzipped JavaScript to show it, the rest preloaded once on screen', async () => {
    const page = await browser.newPage();
    const recorded = recordScripts(page);
    await page.goto(`${server.url}/form/PREF-69`, { waitUntil: 'networkidle' });
    await page.locator('spp-testimony-form').getByText('Étape 1 sur 6').waitFor();
    // Preloaded as soon as the form is on screen (so a lost connection never blocks a step): the other steps,
    // validation, the personal-data check and the outbox (flow), the contract and zod, the first-names list.
    const preloaded = /\/assets\/(flow|parse|testimony|first-names)-[^/]+\.js$/;
    const scripts = new Map(await recorded.settled());
    const sum = (entries: [string, number][]) => entries.reduce((a, [, b]) => a + b, 0);
    const firstStep = sum([...scripts].filter(([url]) => !preloaded.test(url)));
    const total = sum([...scripts]);
    console.log(`  JS for a page holding only <spp-testimony-form>: ${firstStep} bytes gzip to show it, ${total} bytes with the preload (${scripts.size} files)`);
    assert.ok(firstStep <= 25_000, `${firstStep} bytes gzip: ${JSON.stringify([...scripts])}`);
    assert.ok([...scripts.keys()].some((url) => /\/assets\/flow-/.test(url)), 'the rest of the form is preloaded');
    await page.close();
  });

  it('from the demo page, a testimony typed with the keyboard alone arrives once, with its reference shown', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const form = page.locator('spp-testimony-form');
    // The form is below the fold, so the autoloader waits; a keyboard user's first key loads it (and every element).
    await page.keyboard.press('Tab');
    await form.getByText('Étape 1 sur 6').waitFor();

    await tabTo(page, (a) => a.name === 'feeling', 'the feeling');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await form.getByText('Étape 2 sur 6').waitFor();
    await tabTo(page, (a) => a.tag === 'BUTTON' && a.text === 'Continuer', 'Continue');
    await page.keyboard.press('Enter');
    await form.getByText('Étape 3 sur 6').waitFor();
    await tabTo(page, (a) => a.label.startsWith('Accueil physique'), 'a channel');
    await page.keyboard.press('Space');
    await tabTo(page, (a) => a.tag === 'BUTTON' && a.text === 'Continuer', 'Continue');
    await page.keyboard.press('Enter');
    await form.getByText('Étape 4 sur 6').waitFor();
    const title = `Au clavier ${Date.now()}`;
    await tabTo(page, (a) => a.label.startsWith('Titre de votre témoignage'), 'the title');
    await page.keyboard.type(title);
    await tabTo(page, (a) => a.label.startsWith('Racontez votre expérience'), 'the story');
    await page.keyboard.type(STORY);
    await tabTo(page, (a) => a.tag === 'BUTTON' && a.text === 'Continuer', 'Continue');
    await page.keyboard.press('Enter');
    await form.getByText('Étape 5 sur 6').waitFor();
    await tabTo(page, (a) => a.tag === 'BUTTON' && a.text === 'Continuer', 'Continue');
    await page.keyboard.press('Enter');
    await form.getByText('Étape 6 sur 6').waitFor();
    await tabTo(page, (a) => a.tag === 'BUTTON' && a.text === 'Envoyer mon témoignage', 'Send');
    await page.keyboard.press('Enter');

    const reference = (await form.locator('.reference').textContent({ timeout: 20_000 }))!.trim();
    assert.match(reference, /^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(countByTitle(server, title), 1);
    const trackingUrl = await form.locator('#tracking-url').inputValue();
    assert.ok(trackingUrl.startsWith(`${server.url}/suivi/${reference}#token=`));

    // The private link opens the tracking page, which shows the status.
    await page.goto(trackingUrl);
    await page.locator('spp-testimony-tracking').getByText('En cours de relecture').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a server killed mid-submission and started again loses nothing and duplicates nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/form/PREF-69`);
    const title = `Serveur tué ${Date.now()}`;
    await fillQuickly(page, title);

    let storedReference = '';
    await page.route('**/api/v1/testimonies', async (route) => {
      if (!storedReference) {
        // The first try reaches the server and is stored; the server dies before the citizen hears back.
        const response = await route.fetch();
        storedReference = ((await response.json()) as { reference: string }).reference;
        await server.stop('SIGKILL');
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    const form = page.locator('spp-testimony-form');
    await form.getByRole('button', { name: 'Envoyer mon témoignage' }).click();
    await form.getByText('Le service est momentanément indisponible').waitFor({ timeout: 30_000 });
    assert.match(storedReference, /^SPP-/);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('spp-testimony:outbox') ?? '[]').length), 1, 'kept in the outbox');

    await server.restart();
    // Nobody clicks: the outbox tries again by itself, and the server answers with the testimony it has.
    const reference = (await form.locator('.reference').textContent({ timeout: 60_000 }))!.trim();
    assert.equal(reference, storedReference);
    assert.equal(countByTitle(server, title), 1);
    await page.close();
  });

  it('a testimony written while the server is down waits in the outbox and goes once on the next page load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/form/PREF-69`);
    const title = `Serveur arrêté ${Date.now()}`;
    await fillQuickly(page, title);
    await server.stop('SIGKILL');
    const form = page.locator('spp-testimony-form');
    await form.getByRole('button', { name: 'Envoyer mon témoignage' }).click();
    await form.getByText('Le service est momentanément indisponible').waitFor({ timeout: 30_000 });
    await page.close();

    await server.restart();
    // Another page of the same site, another structure: the form there sends what waits, and says so.
    const next = await context.newPage();
    await next.goto(`${server.url}/form/CAF-69`);
    await next.locator('spp-testimony-form [part=receipt]').getByText(title, { exact: false }).waitFor({ timeout: 20_000 });
    assert.equal(countByTitle(server, title), 1);
    await context.close();
  });

  it('two tabs holding the same draft, both sent, store one testimony', async () => {
    const context = await browser.newContext();
    const tabA = await context.newPage();
    await tabA.goto(`${server.url}/form/PREF-69`);
    const title = `Deux onglets ${Date.now()}`;
    await fillQuickly(tabA, title);
    const tabB = await context.newPage();
    await tabB.goto(`${server.url}/form/PREF-69`);
    await tabB.locator('spp-testimony-form').getByText('Votre brouillon a été restauré.').waitFor();
    const sendA = tabA.locator('spp-testimony-form').getByRole('button', { name: 'Envoyer mon témoignage' });
    const sendB = tabB.locator('spp-testimony-form').getByRole('button', { name: 'Envoyer mon témoignage' });
    await Promise.all([sendA.waitFor(), sendB.waitFor()]);
    // Both sent at once, as two fingers would: `click()` waits for each button to be actionable, and under load tab A's
    // answer could land (and tab B, which follows the shared draft, show it) before tab B's click was even made.
    await Promise.all([sendA.dispatchEvent('click'), sendB.dispatchEvent('click')]);
    const [a, b] = await Promise.all(
      [tabA, tabB].map(async (tab) => (await tab.locator('spp-testimony-form .reference').textContent({ timeout: 20_000 }))!.trim()),
    );
    assert.equal(a, b);
    assert.equal(countByTitle(server, title), 1);
    await context.close();
  });
});
