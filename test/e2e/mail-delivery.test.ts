import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NotificationSettingsView } from '../../src/contract/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * "Notifications lost or sent twice, under kill -9 or SMTP outage: 0" (DESIGN.md), on `npm start`'s real server
 * process and a real SMTP server (`smtp-server`, in this process). The worker's timings are compressed through
 * its MAIL_* settings (poll, backoff, lease); the outage still spans several retries.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const STORY = 'Le guichet a fermé une demi-heure avant l’horaire affiché et personne n’a pu me dire quand revenir avec mes papiers.';
const FAST = { MAIL_POLL_MS: '200', MAIL_RETRY_BASE_MS: '500', MAIL_RETRY_MAX_MS: '2000', MAIL_TIMEOUT_MS: '2000', MAIL_LEASE_MS: '4000', MAIL_MAX_ATTEMPTS: '50' };

const OUTAGE_MS = Number(process.env.MAIL_OUTAGE_MS ?? 8000);

let counter = 0;
const address = () => `usager.${process.pid}.${++counter}@exemple.fr`;

function cliToken(env: Record<string, string>, structure: string): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/admin.ts', 'token', 'create', '--name', 'Accueil (test)', '--structure', structure, '--role', 'manager', '--json'],
    { cwd: ROOT, env: { ...process.env, ...env, SEED: '0' }, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as { token: string }).token;
}

async function submit(server: ServerProcess, email: string, structure = 'CAF-69'): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/testimonies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ feeling: 'negative', structures: [structure], channels: [{ channel: 'counter', feeling: 'negative' }], title: 'Guichet fermé', body: STORY, postedAs: 'user', email, contactConsent: true }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { reference: string }).reference;
}

async function publish(server: ServerProcess, token: string, reference: string): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/admin/testimonies/${reference}/publish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(res.status, 200, await res.clone().text());
}

async function delivery(server: ServerProcess, token: string, structure = 'CAF-69'): Promise<NotificationSettingsView> {
  const res = await fetch(`${server.url}/api/v1/admin/structures/${structure}/notifications`, { headers: { authorization: `Bearer ${token}` } });
  return NotificationSettingsView.parse(await res.json());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('e-mail delivery: kill -9 and SMTP outage (SQLite)', () => {
  let smtp: TestSmtp;
  const servers: ServerProcess[] = [];
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    for (const s of servers) await s.dispose();
    await smtp.close();
  });

  it('kill -9 after the action, before any send: exactly one e-mail after the restart', async () => {
    // The first instance's worker polls every 10 minutes: the e-mail waits in the outbox when the process dies.
    const first = await startServerProcess({ SMTP_URL: smtp.url, ...FAST, MAIL_POLL_MS: '600000' });
    servers.push(first);
    const token = cliToken({ DATA_DIR: first.dataDir }, 'CAF-69');
    const to = address();
    const reference = await submit(first, to);
    await sleep(300);
    await publish(first, token, reference);
    await first.stop('SIGKILL');
    assert.equal(smtp.received.filter((m) => m.to.includes(to)).length, 0);

    const second = await startServerProcess({ SMTP_URL: smtp.url, ...FAST, DATA_DIR: first.dataDir });
    servers.push(second);
    await smtp.waitFor(1);
    await sleep(2000);
    const mine = smtp.received.filter((m) => m.to.includes(to));
    assert.equal(mine.length, 1);
    assert.match(mine[0]!.text, new RegExp(reference));
    await second.stop();
  });

  it('kill -9 while the SMTP server holds the message (sent, not yet accepted): exactly one after the restart', async () => {
    smtp.received.length = 0;
    const server = await startServerProcess({ SMTP_URL: smtp.url, ...FAST });
    servers.push(server);
    const token = cliToken({ DATA_DIR: server.dataDir }, 'CAF-69');
    const to = address();
    const reference = await submit(server, to);
    const held = smtp.holdNext();
    await publish(server, token, reference);
    await held; // the whole message reached the SMTP server, which has not said 250 yet
    await server.stop('SIGKILL');
    assert.equal(smtp.received.length, 0);

    await server.restart();
    // The dead worker's claim (MAIL_LEASE_MS) runs out, then the new process sends it.
    await smtp.waitFor(1, 20_000);
    await sleep(2000);
    assert.equal(smtp.received.filter((m) => m.to.includes(to)).length, 1);
    assert.equal(smtp.received.length, 1);
  });

  it('SMTP down across several retries: kept pending (visible to the manager), delivered once when it is back', { timeout: OUTAGE_MS + 60_000 }, async (t) => {
    smtp.received.length = 0;
    const port = await freePort();
    const server = await startServerProcess({ SMTP_URL: `smtp://127.0.0.1:${port}`, ...FAST });
    servers.push(server);
    const token = cliToken({ DATA_DIR: server.dataDir }, 'CAF-69');
    const to = address();
    const reference = await submit(server, to);
    await publish(server, token, reference);

    // Down for 8 s (MAIL_OUTAGE_MS=60000 for a full minute): attempts at about 0, 0.5, 1.5, 3.5, 5.5 and 7.5 s
    // (backoff 0.5 s doubling, capped at 2 s).
    await sleep(OUTAGE_MS);
    const during = await delivery(server, token);
    const waiting = during.delivery.items.find((d) => d.reference === reference);
    assert.ok(waiting, JSON.stringify(during));
    assert.equal(waiting.status, 'pending');
    assert.ok(waiting.attempts >= 3, `attempts: ${waiting.attempts}`);
    t.diagnostic(`${waiting.attempts} attempts during a ${OUTAGE_MS / 1000} s outage; last error: ${waiting.lastError}`);
    assert.match(waiting.lastError ?? '', /ECONNREFUSED/);

    const back = await startSmtp({ port });
    try {
      await back.waitFor(1, 15_000);
      await sleep(2000);
      assert.equal(back.received.length, 1);
      assert.deepEqual(back.received[0]!.to, [to]);
      const afterwards = await delivery(server, token);
      assert.equal(afterwards.delivery.items.find((d) => d.reference === reference), undefined);
    } finally {
      await back.close();
    }
  });

  it('npm start without SMTP_URL says where the e-mails go, and the .eml file appears there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spp-mail-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SMTP_URL: '', ...FAST },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const deadline = Date.now() + 30_000;
      while (!out.includes('mail:') && Date.now() < deadline) await sleep(100);
      const mailDir = join(dataDir, 'mail');
      assert.match(out, new RegExp(`mail: no SMTP_URL: e-mails kept as \\.eml files in ${mailDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const server = { url: `http://127.0.0.1:${port}` } as ServerProcess;
      const token = cliToken({ DATA_DIR: dataDir }, 'CAF-69');
      const to = address();
      const reference = await submit(server, to);
      await publish(server, token, reference);
      const until = Date.now() + 10_000;
      while (!(existsSync(mailDir) && readdirSync(mailDir).some((f) => f.endsWith('.eml'))) && Date.now() < until) await sleep(100);
      const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
      assert.equal(files.length, 1);
      const eml = readFileSync(join(mailDir, files[0]!), 'utf8');
      assert.match(eml, new RegExp(`^To: ${to.replace(/\./g, '\\.')}$`, 'm'));
      assert.match(eml, new RegExp(reference));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('e-mail delivery: two instances on one PostgreSQL', { skip: !process.env.TEST_DATABASE_URL && 'needs PostgreSQL (TEST_DATABASE_URL)' }, () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  let one: ServerProcess;
  let two: ServerProcess;

  before(async () => {
    database = await createTestDatabase();
    smtp = await startSmtp();
    // Both poll every 50 ms: they race for every row.
    const env = { DATABASE_URL: database.options.databaseUrl!, SMTP_URL: smtp.url, ...FAST, MAIL_POLL_MS: '50' };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  after(async () => {
    await one?.dispose();
    await two?.dispose();
    await smtp?.close();
    await database?.dispose();
  });

  it('20 testimonies published through both instances: 20 e-mails, one per author', async () => {
    const token = cliToken({ DATABASE_URL: database.options.databaseUrl! }, 'CAF-69');
    const authors = Array.from({ length: 20 }, () => address());
    const references = await Promise.all(authors.map((to, i) => submit(i % 2 ? one : two, to)));
    await Promise.all(references.map((reference, i) => publish(i % 2 ? two : one, token, reference)));
    await smtp.waitFor(20, 30_000);
    await sleep(2000);
    assert.equal(smtp.received.length, 20);
    assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), [...authors].sort());
  });
});
