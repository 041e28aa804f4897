import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PHONE = '06 12 34 56 78';
const EMAIL = 'martine.durand@example.org';
const TITLE = 'Rendez-vous titre de séjour introuvable';
const REPLY = 'Merci pour votre message : des créneaux supplémentaires ouvrent chaque lundi à 9 h sur notre site.';
const SIGNATURE = 'Le bureau du séjour de la préfecture du Rhône';

/** `npm run admin -- ...` on the server's data, as an operator runs it. */
function admin(dataDir: string, ...args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
    );
  });
}

/**
 * The listening loop, end to end on the real server process and the built bundle: a citizen's testimony arrives
 * through the public API with personal data in it; an agent signs in on /agent with a token made by the CLI,
 * masks, tags, publishes and replies, all in Chromium; the host page's <spp-testimonies> then shows it with the
 * reply and without the personal data, and the author's tracking view says "answered".
 */
describe('the listening loop: submitted, moderated and answered on /agent, shown on the host page', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  let submitted: { reference: string; token: string };

  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    token = (JSON.parse(await admin(server.dataDir, 'token', 'create', '--structure', 'PREF-69', '--name', 'Bureau du séjour', '--json')) as { token: string }).token;
    const res = await fetch(`${server.url}/api/v1/testimonies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-loop-${Date.now()}` },
      body: JSON.stringify({
        feeling: 'negative',
        structures: ['PREF-69'],
        channels: [{ channel: 'online', feeling: 'negative' }],
        title: TITLE,
        body: `Impossible de trouver un créneau depuis six semaines. Rappelez-moi au ${PHONE} ou écrivez-moi à ${EMAIL}.`,
        postedAs: 'user',
        email: EMAIL,
        contactConsent: true,
      }),
    });
    assert.equal(res.status, 201);
    submitted = (await res.json()) as { reference: string; token: string };
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return problems;
  }

  /** A new page on /agent, signed in with the structure's token as an agent does it; what goes wrong on it. */
  async function agentSignedIn(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/agent`);
    await page.getByLabel('Jeton d’accès').fill(token);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Témoignages' }).waitFor();
    return { page, problems };
  }

  it('keeps the agent module out of the widgets’ autoloader', () => {
    const autoloader = readFileSync(resolve(ROOT, 'dist/spp-widgets.js'), 'utf8');
    assert.ok(!autoloader.includes('spp-agent'), 'the autoloader never loads the agent page');
  });

  it('an agent signs in on /agent, masks the personal data, tags, publishes and replies', async () => {
    const { page, problems } = await agentSignedIn();

    await page.locator('.queue-item', { hasText: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    const pii = page.locator('section[aria-labelledby="pii-title"]');
    await pii.getByText(new RegExp(`«\\s${PHONE}\\s»`)).waitFor();
    await pii.getByText(new RegExp(`«\\s${EMAIL.replace(/\./g, '\\.')}\\s»`)).waitFor();
    assert.match(await page.locator('dl').first().innerText(), new RegExp(EMAIL.replace('.', '\\.')), 'the agent sees the contact e-mail');

    await page.getByRole('button', { name: 'Masquer toutes les données signalées' }).click();
    await page.getByRole('status').filter({ hasText: 'Données masquées.' }).waitFor();
    assert.equal(await page.locator('mark').count(), 0, 'nothing flagged is left');

    await page.getByRole('checkbox', { name: 'Réactivité' }).check();
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Témoignage publié.' }).waitFor();

    await page.getByLabel('Réponse publique de Préfecture du Rhône').fill(REPLY);
    await page.getByLabel('Signature').fill(SIGNATURE);
    await page.getByRole('button', { name: 'Publier la réponse' }).click();
    await page.getByRole('status').filter({ hasText: 'Réponse publiée.' }).waitFor();
    await page.getByText('Statut : Publié et répondu').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the public listing holds it with the reply, without the personal data', async () => {
    const res = await fetch(`${server.url}/api/v1/structures/PREF-69/testimonies?limit=50`);
    const page = (await res.json()) as { items: { reference: string; body: string; tags: string[]; replies: { body: string; signature: string }[] }[] };
    const item = page.items.find((i) => i.reference === submitted.reference);
    assert.ok(item, 'published on the structure’s listing');
    assert.ok(item.body.includes('[donnée masquée]'));
    assert.ok(!JSON.stringify(page).includes(PHONE) && !JSON.stringify(page).includes(EMAIL), 'no personal data');
    assert.deepEqual(item.tags, ['reactivity']);
    assert.equal(item.replies[0]!.body, REPLY);
    assert.equal(item.replies[0]!.signature, SIGNATURE);
  });

  it('the host page’s <spp-testimonies> shows it with the reply, without the personal data', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(server.url);
    const widget = page.locator('spp-testimonies');
    const item = widget.locator('[part="item"]', { hasText: TITLE });
    await item.waitFor();
    const text = await item.innerText();
    assert.ok(text.includes(REPLY) && text.includes(SIGNATURE), 'the reply and its signature');
    assert.ok(text.includes('Réponse de Préfecture du Rhône'));
    assert.ok(text.includes('[donnée masquée]'));
    assert.ok(!text.includes(PHONE) && !text.includes(EMAIL), 'no personal data');
    assert.ok(text.includes('Réactivité'));
    assert.match(await widget.locator('[part="stats"]').innerText(), /Taux de réponse/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the agent adds an action to the improvement plan on /agent, and the host page’s <spp-improvements> shows it', async () => {
    const youSaid = 'Les créneaux de rendez-vous en ligne partent en quelques minutes.';
    const weDid = 'Nous ouvrons des créneaux supplémentaires chaque lundi à 9 h, annoncés sur notre site.';
    const { page: agent, problems } = await agentSignedIn();
    await agent.getByRole('heading', { name: 'Plan d’amélioration' }).waitFor();
    await agent.getByLabel('Vous nous avez dit…').fill(youSaid);
    await agent.getByLabel('Nous avons fait…').fill(weDid);
    await agent.getByLabel('Engagement concerné').selectOption('4');
    await agent.getByLabel('Statut', { exact: true }).last().selectOption('done');
    await agent.getByRole('button', { name: 'Ajouter au plan' }).click();
    await agent.getByRole('status').filter({ hasText: 'Action ajoutée au plan' }).waitFor();
    await agent.locator('.plan li', { hasText: weDid }).waitFor();
    assert.deepEqual(problems, []);
    await agent.close();

    const host = await browser.newPage();
    const hostProblems = watch(host);
    await host.goto(server.url);
    const item = host.locator('spp-improvements [part="item"]', { hasText: weDid });
    await item.waitFor();
    const text = await item.innerText();
    assert.ok(text.includes(youSaid), text);
    assert.match(text, /Engagement n°\s4\s:\sOrientons/);
    assert.deepEqual(hostProblems, []);
    await host.close();
  });

  it('the author’s tracking view says "answered" and shows the reply', async () => {
    const res = await fetch(`${server.url}/api/v1/testimonies/${submitted.reference}?token=${submitted.token}`);
    const view = (await res.json()) as { status: string; replies: { body: string; signature: string }[] };
    assert.equal(view.status, 'answered');
    assert.equal(view.replies[0]!.body, REPLY);
    assert.equal(view.replies[0]!.signature, SIGNATURE);
  });

  it('the audit log, read with the CLI, names the agent for each step', async () => {
    const log = await admin(server.dataDir, 'audit', '--limit', '10');
    for (const action of ['testimony.mask', 'testimony.publish', 'testimony.reply', 'token.create']) {
      assert.ok(log.includes(action), `${action} in the audit log`);
    }
    assert.ok(log.includes('Bureau du séjour'));
  });
});
