import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const root = resolve(import.meta.dirname, '../..');
const NBSP = /[\u00a0\u202f]/g;

/**
 * The real open-data exports (test/fixtures/opendata-real/) imported with `npm run import` into the database of a
 * running server: a structure first seen in the files shows in the built widgets like any other.
 */
describe('real open data, imported, in the widgets', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startServerProcess();
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', 'test/fixtures/opendata-real', '--json'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(JSON.parse(res.stdout).totals.rejected, 0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A page of the server's origin (its CSP allows its own scripts) holding only the snippet a webmaster pastes.
    await page.goto(server.url);
    await page.setContent(`<!doctype html><html lang="fr"><body>
      <script type="module" src="${server.url}/widgets/spp-widgets.js"></script>
      <spp-results structure="PREF-83"></spp-results>
      <spp-testimonies structure="PREF-83"></spp-testimonies>
    </body></html>`);
    assert.deepEqual(errors, []);
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const shadowText = (selector: string) =>
    page.evaluate(
      ([tag, inner]) => document.querySelector(tag!)?.shadowRoot?.querySelector(inner!)?.textContent ?? '',
      selector.split(' ', 2) as [string, string],
    );

  it('<spp-results> shows its values, units and years, in its existing network', async () => {
    await page.waitForFunction(() => document.querySelector('spp-results')?.shadowRoot?.querySelectorAll('.indicator').length === 2, null, {
      timeout: 30_000,
    });
    const text = (await shadowText('spp-results article')).replace(NBSP, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Préfecture du Var/);
    assert.match(text, /Réseau : Préfectures/);
    // 95.16 in the export: percentages show one decimal (docs/wording.md).
    assert.match(text, /Appels décrochés par un agent 95,2 % 2022/);
    assert.match(text, /Délai pour obtenir votre titre de séjour 29,5 jours 2e trimestre 2023/);
  });

  it('<spp-testimonies> shows its published experiences with their replies', async () => {
    await page.waitForFunction(() => /Titre de séjour renouvelé/.test(document.querySelector('spp-testimonies')?.shadowRoot?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    const text = (await page.evaluate(() => document.querySelector('spp-testimonies')!.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
    assert.match(text, /Permis de conduire reçu rapidement/);
    assert.match(text, /Dossier de logement suivi par deux services/);
    assert.match(text, /Merci pour votre message, que nous transmettons au service des étrangers/);
    assert.match(text, /La préfecture remercie la CAF pour ce travail commun/);
  });
});
