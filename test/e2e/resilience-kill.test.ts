import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countByTitle } from '../helpers/server-rows.js';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';
import { elementMarkup, elementSpecs } from '../helpers/elements.js';
import { hostPageHtml, type HostServer } from '../helpers/host-pages.js';

/**
 * "Acknowledged then lost: 0" (DESIGN.md), tried hard: citizens on real `<spp-testimony-form>` widgets in
 * Chromium submit all at once, and the server is killed (SIGKILL, no goodbye) while their requests are in
 * flight, then started again. Every testimony that got a 201 must be in the database exactly once; every
 * other one must still wait in its page's outbox, and land once the server is back, without anyone clicking.
 */
const CITIZENS = Number(process.env.KILL_CITIZENS ?? 8);
const STRUCTURE = 'PREF-69';
const OUTBOX_KEY = 'spp-testimony:outbox';
const STORY =
  'Je suis venu au guichet pour renouveler mon titre de séjour : l’agent a vérifié mon dossier et m’a donné un récépissé le jour même.';

const formSpec = elementSpecs().find((s) => s.tag === 'spp-testimony-form');

/** Through the form's own steps, as a citizen would (feeling, the service given by the page, a title and a story). */
async function fillForm(page: Page, title: string): Promise<void> {
  const form = page.locator('spp-testimony-form');
  await form.getByLabel('Négatif').check();
  const next = form.getByRole('button', { name: 'Continuer' });
  await next.click();
  await next.click();
  await next.click();
  await form.getByLabel('Titre de votre témoignage').fill(title);
  await form.getByLabel('Racontez votre expérience').fill(STORY);
  await next.click();
  await next.click();
  await form.getByRole('heading', { name: /Vérifiez et envoyez/ }).waitFor();
}

interface Citizen {
  title: string;
  context: BrowserContext;
  page: Page;
  /** The reference of the 201 this page received before the kill, if any. */
  acknowledged?: string;
}

describe('resilience: the server killed during a burst of submissions', { skip: formSpec ? false : '<spp-testimony-form> is not in src/elements/catalog.ts yet' }, () => {
  let server: ServerProcess;
  let host: HostServer;
  let browser: Browser;

  e2eHooks({ host: true }, (started) => ({ server, host, browser } = started));

  it(`${CITIZENS} citizens submit in a burst, SIGKILL mid-burst, restart: every 201 stored once, every other one lands from the outbox`, async (t) => {
    const url = host.page('/kill.html', hostPageHtml({ scriptUrl: `${server.url}/widgets/spp-widgets.js`, widgets: elementMarkup(formSpec!, { structure: STRUCTURE }) }));
    const run = Date.now();
    const citizens: Citizen[] = [];
    for (let i = 0; i < CITIZENS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const citizen: Citizen = { title: `Coupure ${run} n° ${i + 1}`, context, page };
      await fillForm(page, citizen.title);
      citizens.push(citizen);
    }

    // Kill as soon as half of the submissions have left their page: some are answered, some cut mid-flight,
    // some not sent yet.
    let sent = 0;
    let killed: Promise<void> | undefined;
    for (const citizen of citizens) {
      citizen.page.on('request', (request) => {
        if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/testimonies') || killed) return;
        if (++sent >= Math.ceil(CITIZENS / 2)) killed = server.stop('SIGKILL');
      });
      // Any 201 the page reads counts as acknowledged, even one the dying server wrote out after the kill was decided.
      citizen.page.on('response', async (response) => {
        if (response.request().method() !== 'POST' || response.status() !== 201 || citizen.acknowledged) return;
        const body = (await response.json().catch(() => undefined)) as { reference?: string } | undefined;
        if (body?.reference) citizen.acknowledged ??= body.reference;
      });
    }
    // A burst, not a single instant: the citizens press "send" 150 ms apart, so the early ones are answered,
    // the middle ones are cut mid-flight and the last ones find the server dead.
    await Promise.all(
      citizens.map(async (c, i) => {
        await new Promise((r) => setTimeout(r, i * 150));
        await c.page.locator('spp-testimony-form').getByRole('button', { name: 'Envoyer mon témoignage' }).click();
      }),
    );
    await (killed ?? server.stop('SIGKILL'));
    await new Promise((r) => setTimeout(r, 1500));

    const acknowledged = citizens.filter((c) => c.acknowledged);
    const waiting = citizens.filter((c) => !c.acknowledged);
    t.diagnostic(`${acknowledged.length} acknowledged before the kill, ${waiting.length} not`);
    for (const citizen of acknowledged) assert.equal(countByTitle(server, citizen.title), 1, `${citizen.title}: acknowledged (201), stored once`);
    for (const citizen of waiting) {
      // A citizen quicker than `LIMITS.minFillMs` (3 s from the first keystroke) is held back that long before the
      // testimony enters the outbox (it waits in the saved draft meanwhile): the last ones may still be waiting.
      const titles = () =>
        citizen.page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as { body: { title: string } }[]).map((e) => e.body.title), OUTBOX_KEY);
      let outbox = await titles();
      for (const deadline = Date.now() + 5000; outbox.length === 0 && Date.now() < deadline; outbox = await titles()) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(outbox, [citizen.title], `${citizen.title}: not acknowledged, still in its page's outbox`);
    }

    await server.restart();
    // Nobody clicks: each outbox tries again by itself, and a request the dead server had stored is answered again.
    for (const citizen of citizens) {
      const reference = (await citizen.page.locator('spp-testimony-form .reference').textContent({ timeout: 90_000 }))!.trim();
      if (citizen.acknowledged) assert.equal(reference, citizen.acknowledged, `${citizen.title}: the same reference as its 201`);
      assert.match(reference, /^SPP-/);
    }
    for (const citizen of citizens) {
      assert.equal(countByTitle(server, citizen.title), 1, `${citizen.title}: exactly once in the database`);
      assert.equal(await citizen.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length, OUTBOX_KEY), 0, `${citizen.title}: outbox empty`);
      await citizen.context.close();
    }
  });
});
