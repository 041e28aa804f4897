import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NotificationSettingsView } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, SMTP_URL: '', ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run admin: mail test and the digest settings', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  before(async () => {
    server = await startTestServer();
    smtp = await startSmtp({ refuse: (a) => a.startsWith('inconnu') });
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  it('mail test --to ADDRESS: one message through SMTP_URL; a refused address exits 1 with the server’s answer', async () => {
    const ok = await cli({ ...server.databaseEnv, SMTP_URL: smtp.url }, 'mail', 'test', '--to', 'exploitant@exemple.fr');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /accepted \(SMTP smtp:\/\/127\.0\.0\.1:\d+\)/);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['exploitant@exemple.fr']);
    assert.match(smtp.received[0]!.text, /e-mail de test/);

    const refused = await cli({ ...server.databaseEnv, SMTP_URL: smtp.url }, 'mail', 'test', '--to', 'inconnu@exemple.fr');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /550/);
    assert.doesNotMatch(refused.stderr, /inconnu@/, 'the address is not repeated');

    const bad = await cli(server.databaseEnv, 'mail', 'test', '--to', 'pas-une-adresse');
    assert.equal(bad.code, 2);
  });

  it('mail test without SMTP_URL writes a .eml file under DATA_DIR/mail', async () => {
    const res = await cli(server.databaseEnv, 'mail', 'test', '--to', 'exploitant@exemple.fr');
    assert.equal(res.code, 0, res.stderr);
    const dir = join(server.dataDir, 'mail');
    assert.match(res.stdout, new RegExp(`\\.eml files in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(existsSync(dir));
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1);
    assert.match(readFileSync(join(dir, files[0]!), 'utf8'), /^To: exploitant@exemple\.fr$/m);
  });

  it('notifications set/show: the API sees the change, the audit log has it without the addresses; bad input exits 2', async () => {
    const set = await cli(server.databaseEnv, 'notifications', 'set', 'PREF-69', '--to', 'accueil@exemple.fr,chef@exemple.fr', '--hour', '7');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /Daily digest of PREF-69 at 7:00 \(Europe\/Paris\) to: accueil@exemple\.fr, chef@exemple\.fr/);
    const token = await agentToken(server.store, ['PREF-69'], 'Responsable', 'manager'); // the settings are a manager's
    const view = NotificationSettingsView.parse((await admin(server.app, 'GET', '/api/v1/admin/structures/PREF-69/notifications', token)).json());
    assert.deepEqual([view.digestAddresses, view.digestHour], [['accueil@exemple.fr', 'chef@exemple.fr'], 7]);
    const audit = await cli(server.databaseEnv, 'audit', '--limit', '1');
    assert.match(audit.stdout, /structure\.notifications .*\[PREF-69\].*"digestAddresses":2/);
    assert.doesNotMatch(audit.stdout, /@exemple/);

    assert.equal((await cli(server.databaseEnv, 'notifications', 'set', 'PREF-69', '--hour', '25')).code, 2);
    assert.equal((await cli(server.databaseEnv, 'notifications', 'set', 'PREF-69', '--to', 'nope')).code, 2);
    assert.equal((await cli(server.databaseEnv, 'notifications', 'show', 'NOPE-1')).code, 1);
    const show = await cli(server.databaseEnv, 'notifications', 'show', 'PREF-69', '--json');
    assert.equal(NotificationSettingsView.parse(JSON.parse(show.stdout)).digestHour, 7);
  });
});
