import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';

describe('npm start: the server process, its data, and the demo page', () => {
  let server: ServerProcess;
  let browser: Browser;
  e2eHooks({}, (started) => ({ server, browser } = started));

  it('creates, migrates and seeds the database on first start', async () => {
    const res = await fetch(`${server.url}/api/v1/structures/CAF-69/results`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { indicators: { points: unknown[] }[] };
    assert.ok(body.indicators.length > 0 && body.indicators.every((i) => i.points.length >= 8));
  });

  it('serves the demo page, whose script tag loads the autoloader without any error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const scripts: number[] = [];
    page.on('response', (r) => r.url().endsWith('/widgets/spp-widgets.js') && scripts.push(r.status()));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    assert.deepEqual(scripts, [200]);
    assert.match(await page.title(), /Services Publics\+/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps the data across a restart and stops cleanly on SIGINT', async () => {
    const post = await fetch(`${server.url}/api/v1/testimonies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-restart-key-1' },
      body: JSON.stringify({
        feeling: 'positive',
        structures: ['MAIRIE-ANNECY'],
        channels: [],
        title: 'Accueil rapide',
        body: 'J’ai été reçu à l’heure et ma demande de carte d’identité a été enregistrée en dix minutes.',
        postedAs: 'user',
      }),
    });
    assert.equal(post.status, 201);
    const { reference, token } = (await post.json()) as { reference: string; token: string };

    const exit = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    server.child.kill('SIGINT');
    assert.equal(await exit, 0, 'exit code 0 on Ctrl-C');

    await server.restart();
    const view = await fetch(`${server.url}/api/v1/testimonies/${reference}?token=${token}`);
    assert.equal(view.status, 200);
    const structures = (await (await fetch(`${server.url}/api/v1/structures?limit=100`)).json()) as { items: unknown[] };
    assert.equal(structures.items.length, 21, 'seeded once, not twice');
  });
});
