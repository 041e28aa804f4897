import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const AGENT_NAME = 'Bureau des titres – Lucie';
const COMMITMENT = 'Nous vous rappelons sous 24 heures ouvrées si vous laissez un message.';
const TITLE = 'Guichet des cartes grises : dossier renvoyé vers Villefranche';
const DIGEST_TO = 'accueil.rhone@prefecture.example';
// The real `export-resultats` format (field ids): a quarterly value updated in January 2099 covers 2098-Q4.
const HEADER = 'code_sp_du_resultat;intitule_du_reseau;typologie;intitule_de_la_structure;code_sp_structure;code_sp_de_l_indicateur;titre_original_de_l_indicateur;valeur;frequence;date_de_mise_a_jour';
const resultRow = (id: string, structure: string, name: string, value: string) =>
  `${id};Préfectures;Préfecture;${name};${structure};IND-DECROCHE;Taux de décroché téléphonique;${value};Trimestrielle;15/01/2099`;

/** A command of the project (`npm run admin` / `npm run import`) on the server's data, as an operator runs it. */
function cli(script: string, dataDir: string, ...args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
    );
  });
}

/**
 * A structure's team runs its presence from /agent, in the browser only: the manager (token from the CLI,
 * `--role manager`) creates an agent's token; the agent signs in with it, adds a local commitment (shown in the
 * host page's banner), publishes a period's results from a CSV (checked line by line first; then shown in
 * <spp-results>) and re-assigns a testimony to a sub-structure; the manager sets the daily digest's recipient
 * (a wrong address named by its field first), reads all of it in the audit log and
 * revokes the agent's token, which is refused at once.
 */
describe('a structure’s team on /agent: tokens, commitments, results, re-assign, notifications, audit, revoke', () => {
  let server: ServerProcess;
  let browser: Browser;
  let managerToken: string;
  let agentToken: string;
  let files: string;
  let reference: string;
  const problems: string[] = [];

  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    files = mkdtempSync(join(tmpdir(), 'spp-e2e-team-'));
    // A sub-structure of the prefecture, loaded as an operator does (the open-data structures format).
    const structures = join(files, 'structures.csv');
    writeFileSync(structures, 'code_sp;nom;reseau;libelle_reseau;niveau;code_sp_parent;code_postal;commune\nPREF-69-VILLEFRANCHE;Sous-préfecture de Villefranche-sur-Saône;PREF;Préfectures;Local;PREF-69;69400;Villefranche-sur-Saône\n');
    await cli('server/cli/import.ts', server.dataDir, structures);
    managerToken = (JSON.parse(await cli('server/cli/admin.ts', server.dataDir, 'token', 'create', '--structure', 'PREF-69', '--name', 'Responsable accueil Rhône', '--role', 'manager', '--json')) as { token: string }).token;
    const res = await fetch(`${server.url}/api/v1/testimonies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-team-${Date.now()}` },
      body: JSON.stringify({
        feeling: 'neutral',
        structures: ['PREF-69'],
        channels: [{ channel: 'counter', feeling: 'neutral' }],
        title: TITLE,
        body: 'Le guichet de Lyon m’a renvoyé vers la sous-préfecture pour ma carte grise, sans rendez-vous possible avant un mois.',
        postedAs: 'user',
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    reference = ((await res.json()) as { reference: string }).reference;
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The refused CSV (422) and the revoked token (401) are answers this walk asks for; the browser logs them.
      if (/Failed to load resource: the server responded with a status of (422|401)\b/.test(m.text())) return;
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  async function signIn(token: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.url}/agent`);
    await page.getByLabel('Jeton d’accès').fill(token);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Témoignages', exact: true }).waitFor();
    return page;
  }

  let agentPage: Page;

  it('the manager creates an agent’s token on /agent; its secret is shown once', async () => {
    const page = await signIn(managerToken);
    const section = page.locator('spp-agent-tokens');
    await section.getByRole('heading', { name: 'Jetons d’accès des agents' }).waitFor();
    await section.getByLabel('Nom de l’agent ou du poste').fill(AGENT_NAME);
    await section.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = section.getByLabel('Jeton (affiché une seule fois)');
    await secret.waitFor();
    agentToken = await secret.inputValue();
    assert.match(agentToken, /^spp_[0-9a-f]{12}_/);
    await section.getByRole('button', { name: /J’ai transmis le jeton/ }).click();
    await secret.waitFor({ state: 'detached' });
    await section.locator('li', { hasText: AGENT_NAME }).waitFor();
    assert.ok(!(await page.content()).includes(agentToken.slice(20)), 'the secret is gone from the page');
    await page.close();
  });

  it('the agent signs in with it and adds a local commitment, which the host page’s banner shows', async () => {
    agentPage = await signIn(agentToken);
    assert.match(await agentPage.locator('header').innerText(), new RegExp(`Connecté\\s: ${AGENT_NAME}`));
    assert.equal(await agentPage.locator('spp-agent-tokens').count(), 0, 'an agent has no tokens screen');
    assert.equal(await agentPage.locator('spp-agent-notifications').count(), 0, 'an agent has no notifications screen');
    const section = agentPage.locator('spp-agent-commitments');
    await section.getByLabel('Engagement national').selectOption('2');
    await section.getByLabel('Votre engagement').fill(COMMITMENT);
    await section.getByRole('button', { name: 'Ajouter l’engagement' }).click();
    await section.getByRole('status').filter({ hasText: 'Engagement local ajouté' }).waitFor();

    const host = await newPage();
    await host.goto(server.url);
    const commitment = host.locator('spp-engagements[structure="PREF-69"] [part="commitment"]', { hasText: COMMITMENT });
    await commitment.waitFor();
    await host.close();
  });

  it('the agent publishes results from a CSV: a wrong file is refused line by line, the right one shows in <spp-results>', async () => {
    const section = agentPage.locator('spp-agent-results');
    const file = section.getByLabel('Fichier CSV des résultats');
    const wrong = [HEADER, resultRow('RES-E1', 'PREF-69', 'Préfecture du Rhône', '97,3'), resultRow('RES-E2', 'PREF-13', 'Préfecture des Bouches-du-Rhône', '40')].join('\n');
    await file.setInputFiles({ name: 'resultats.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
    await section.getByRole('button', { name: 'Vérifier et publier' }).click();
    const report = section.locator('#results-report');
    await report.waitFor();
    assert.match(await report.innerText(), /Rien n’a été enregistré/);
    assert.match(await report.innerText(), /Ligne 3 : .*PREF-13/);

    const right = [HEADER, resultRow('RES-E1', 'PREF-69', 'Préfecture du Rhône', '97,3')].join('\n');
    await file.setInputFiles({ name: 'resultats.csv', mimeType: 'text/csv', buffer: Buffer.from(right) });
    await section.getByRole('button', { name: 'Vérifier et publier' }).click();
    await section.getByRole('status').filter({ hasText: /1\sligne enregistrée/ }).waitFor();

    const host = await newPage();
    await host.goto(server.url);
    const results = host.locator('spp-results[structure="PREF-69"]');
    await host.waitForFunction(() => /97,3/.test(document.querySelector('spp-results[structure="PREF-69"]')?.shadowRoot?.textContent ?? ''), null, { timeout: 15_000 });
    assert.match((await results.evaluate((el) => el.shadowRoot!.textContent)) ?? '', /97,3/);
    await host.close();
  });

  it('the agent publishes a testimony, then re-assigns it to the sub-structure from its screen', async () => {
    await agentPage.locator('.queue-item', { hasText: TITLE }).click();
    await agentPage.getByRole('button', { name: 'Publier', exact: true }).click();
    await agentPage.getByRole('status').filter({ hasText: 'Témoignage publié.' }).waitFor();
    const reassign = agentPage.locator('spp-agent-reassign');
    await reassign.getByLabel('Nouvelle structure').selectOption('PREF-69-VILLEFRANCHE');
    await reassign.getByRole('button', { name: 'Réaffecter' }).click();
    await reassign.getByRole('status').filter({ hasText: 'réaffecté à Sous-préfecture de Villefranche-sur-Saône' }).waitFor();
  });

  it('the agent downloads the published testimonies as the open-data CSV', async () => {
    const section = agentPage.locator('spp-agent-export');
    const [download] = await Promise.all([agentPage.waitForEvent('download'), section.getByRole('button', { name: 'Télécharger le fichier CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'temoignages-PREF-69.csv');
    const bytes = readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.match(header!, /^id_experience;etat_experience;ecrit_le;date_de_publication;titre;description;/);
    assert.ok(rows.some((r) => r.startsWith(`${reference};Publiée;`) && r.includes(TITLE)), rows.join('\n'));
    await section.getByRole('status').filter({ hasText: 'temoignages-PREF-69.csv' }).waitFor();
  });

  it('the agent adds an improvement action citing it, edits it; the host page says "suite à 1 témoignage"', async () => {
    const plan = agentPage.locator('spp-agent-improvements');
    await plan.getByLabel('Vous nous avez dit…').fill('Le guichet renvoie vers la sous-préfecture sans rendez-vous.');
    await plan.getByLabel('Nous avons fait…').fill('Un rendez-vous est proposé sur place.');
    await plan.getByLabel('Témoignages à l’origine de l’action (facultatif)').fill(reference);
    await plan.getByRole('button', { name: 'Ajouter au plan' }).click();
    await plan.getByRole('status').filter({ hasText: 'Action ajoutée au plan' }).waitFor();
    await plan.getByRole('button', { name: 'Modifier : Un rendez-vous est proposé sur place.' }).click();
    await plan.getByLabel('Nous avons fait…').fill('Un rendez-vous est proposé sur place, le jour même.');
    await plan.getByRole('button', { name: 'Enregistrer l’action' }).click();
    await plan.getByRole('status').filter({ hasText: 'Action modifiée.' }).waitFor();

    const host = await newPage();
    await host.goto(server.url);
    const item = host.locator('spp-improvements [part="item"]', { hasText: 'le jour même' });
    await item.waitFor();
    assert.match(await item.locator('[part="cited"]').innerText(), new RegExp(`Suite à 1\\s+témoignage\\s*:\\s*${TITLE}`));
    await host.close();
  });

  it('the manager sets the daily digest’s recipient and hour on /agent; the API then returns them', async () => {
    const page = await signIn(managerToken);
    const section = page.locator('spp-agent-notifications');
    await section.getByRole('heading', { name: 'Notifications par e-mail' }).waitFor();
    await section.getByText('0 en attente d’envoi · 0 en échec').waitFor();
    await section.getByRole('button', { name: 'Ajouter une adresse' }).click();
    await section.getByLabel('Adresse 1', { exact: true }).fill('accueil.rhone@');
    await section.getByRole('button', { name: 'Enregistrer la synthèse' }).click();
    await section.locator('#notif-address-0-error').filter({ hasText: 'adresse e-mail complète' }).waitFor();
    await section.getByLabel('Adresse 1', { exact: true }).fill(DIGEST_TO);
    await section.getByLabel('Heure d’envoi (heure de Paris)').selectOption('17');
    await section.getByRole('button', { name: 'Enregistrer la synthèse' }).click();
    await section.getByRole('status').filter({ hasText: /Synthèse enregistrée\s:\s1\sdestinataire, envoi chaque jour après 17\sh\./ }).waitFor();
    const res = await fetch(`${server.url}/api/v1/admin/structures/PREF-69/notifications`, { headers: { authorization: `Bearer ${managerToken}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { digestAddresses: string[]; digestHour: number };
    assert.deepEqual([body.digestAddresses, body.digestHour], [[DIGEST_TO], 17]);
    await page.close();
  });

  it('the manager sees all of it in the audit log, then revokes the agent’s token: refused at once', async () => {
    const page = await signIn(managerToken);
    const audit = page.locator('spp-agent-audit');
    await audit.locator('tbody tr').first().waitFor();
    const log = await audit.locator('table').innerText();
    for (const [action, who] of [
      ['Jeton créé', 'Responsable accueil Rhône'],
      ['Notifications par e-mail modifiées', 'Responsable accueil Rhône'],
      ['Engagement local ajouté', AGENT_NAME],
      ['Résultats publiés (fichier CSV)', AGENT_NAME],
      ['Témoignage réaffecté', AGENT_NAME],
      ['Témoignage publié', AGENT_NAME],
      ['Action d’amélioration modifiée', AGENT_NAME],
    ]) {
      assert.ok(log.split('\n').some((line) => line.includes(action!) && line.includes(who!)), `${action} by ${who} in:\n${log}`);
    }

    const tokens = page.locator('spp-agent-tokens');
    await tokens.getByRole('button', { name: `Révoquer : ${AGENT_NAME}` }).click();
    await tokens.getByRole('button', { name: `Confirmer la révocation : ${AGENT_NAME}` }).click();
    await tokens.getByRole('status').filter({ hasText: 'révoqué' }).waitFor();

    // The agent's open page: its next request is refused and it is signed out, saying why.
    const section = agentPage.locator('spp-agent-commitments');
    await section.getByLabel('Votre engagement').fill('Un autre engagement.');
    await section.getByRole('button', { name: 'Ajouter l’engagement' }).click();
    await agentPage.getByText('Votre jeton n’est plus valide').waitFor();
    await agentPage.getByLabel('Jeton d’accès').waitFor();
    const me = await fetch(`${server.url}/api/v1/admin/me`, { headers: { authorization: `Bearer ${agentToken}` } });
    assert.equal(me.status, 401);
    await page.close();
    await agentPage.close();
    assert.deepEqual(problems, []);
  });
});
