import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { countByTitle } from '../helpers/server-rows.js';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';

const STORY = 'J’ai attendu quarante minutes au téléphone avant de parler à quelqu’un, puis la ligne a coupé deux fois.';

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every step, with the mouse, as a citizen would. */
async function fillAndSend(page: Page, title: string): Promise<void> {
  const form = page.locator('spp-testimony-form');
  await form.getByLabel('Négatif').check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByText('Étape 2 sur 6').waitFor({ timeout: 5000 });
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByText('Étape 3 sur 6').waitFor({ timeout: 5000 });
  await form.getByLabel(/^Téléphone/).check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByLabel('Titre de votre témoignage').fill(title);
  await form.getByLabel('Racontez votre expérience').fill(STORY);
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByText('Étape 5 sur 6').waitFor({ timeout: 5000 });
  await form.getByRole('button', { name: 'Continuer' }).click();
  await form.getByRole('heading', { name: /Vérifiez et envoyez/ }).waitFor({ timeout: 5000 });
  await form.getByRole('button', { name: 'Envoyer mon témoignage' }).click();
}

describe('<spp-testimony-form> when the network drops after the page loaded', () => {
  let server: ServerProcess;
  let browser: Browser;
  e2eHooks({}, (started) => ({ server, browser } = started));

  it('page loaded, network cut, the whole form filled and sent offline, network back: stored exactly once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/form/PREF-69`, { waitUntil: 'load' });
    const form = page.locator('spp-testimony-form');
    await form.getByText('Étape 1 sur 6').waitFor();
    // What the citizen's browser fetched while on screen; then the connection goes.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);

    const title = `Hors ligne ${Date.now()}`;
    await fillAndSend(page, title);
    await form.getByText('Votre témoignage est prêt, il partira dès que possible').waitFor({ timeout: 10_000 });
    assert.equal(countByTitle(server, title), 0);

    await context.setOffline(false);
    await until(() => countByTitle(server, title) === 1, 'the testimony to arrive');
    const reference = (await form.locator('.reference').textContent({ timeout: 20_000 }))!.trim();
    assert.match(reference, /^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Reloading (the outbox looks again on every page) sends nothing more.
    await page.reload({ waitUntil: 'networkidle' });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(countByTitle(server, title), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a failed fetch of the rest of the form is tried again: the form goes on once the network is back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The rest of the form cannot be fetched at first (a flaky connection right after the page loaded).
    let blocked = true;
    let aborted = 0;
    await page.route(/\/widgets\/assets\/flow-[^/]+\.js$/, (route) => {
      if (!blocked) return route.continue();
      aborted++;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${server.url}/form/PREF-69`, { waitUntil: 'load' });
    const form = page.locator('spp-testimony-form');
    await form.getByText('Étape 1 sur 6').waitFor();
    await until(() => aborted > 0, 'the preload to be tried');

    blocked = false;
    const fetched = page.waitForResponse(/\/widgets\/assets\/flow-[^/]+\.js$/, { timeout: 10_000 });
    await context.setOffline(true);
    await context.setOffline(false); // "online": the form tries again by itself, before any interaction
    assert.equal((await fetched).status(), 200);
    const title = `Réessai ${Date.now()}`;
    await fillAndSend(page, title);
    await until(() => countByTitle(server, title) === 1, 'the testimony to arrive');
    await context.close();
  });
});
