import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin } from '../helpers/admin.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm run admin -- ...` as an operator runs it: its own process, on the server's data (SQLite or PostgreSQL). */
function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run admin: the token command line', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('creates a structure token, prints the secret once, and the running server accepts it at once', async () => {
    const res = await cli(server.databaseEnv, 'token', 'create', '--structure', 'CAF-69', '--structure', 'PREF-69', '--name', 'Accueil Rhône');
    assert.equal(res.code, 0, res.stderr);
    const secret = /spp_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/.exec(res.stdout)?.[0];
    assert.ok(secret, res.stdout);
    assert.match(res.stdout, /shown once/);
    const me = await admin(server.app, 'GET', '/api/v1/admin/me', secret);
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json().scope, { kind: 'structures', codes: ['CAF-69', 'PREF-69'] });
    assert.equal(me.json().token.name, 'Accueil Rhône');

    const list = await cli(server.databaseEnv, 'token', 'list');
    assert.match(list.stdout, /active.*CAF-69,PREF-69.*"Accueil Rhône"/);
    assert.ok(!list.stdout.includes(secret.split('_').slice(2).join('_')), 'the list never shows a secret');
  });

  it('creates a network token (--json) and revokes it: the server refuses it right away', async () => {
    const created = await cli(server.databaseEnv, 'token', 'create', '--network', 'caf', '--name', 'Tête de réseau', '--json');
    assert.equal(created.code, 0, created.stderr);
    const { id, token, scope } = JSON.parse(created.stdout) as { id: string; token: string; scope: unknown };
    assert.deepEqual(scope, { kind: 'network', codes: ['CAF'] });
    assert.equal((await admin(server.app, 'GET', '/api/v1/admin/testimonies?structure=CAF-75', token)).statusCode, 200);

    const revoked = await cli(server.databaseEnv, 'token', 'revoke', id);
    assert.equal(revoked.code, 0);
    assert.match(revoked.stdout, /revoked/);
    assert.equal((await admin(server.app, 'GET', '/api/v1/admin/me', token)).statusCode, 401);
    assert.match((await cli(server.databaseEnv, 'token', 'revoke', id)).stdout, /already revoked/);
    assert.match((await cli(server.databaseEnv, 'token', 'list')).stdout, new RegExp(`${id}  revoked`));
  });

  it('refuses unknown codes and ids (exit 1), wrong usage (exit 2), and creates nothing', async () => {
    const before = (await server.store.db.selectFrom('agent_tokens').select('id').execute()).length;
    const unknown = await cli(server.databaseEnv, 'token', 'create', '--structure', 'CAF-99', '--name', 'x');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown structure code: CAF-99/);
    assert.equal((await cli(server.databaseEnv, 'token', 'revoke', 'ffffffffffff')).code, 1);
    const noName = await cli(server.databaseEnv, 'token', 'create', '--structure', 'CAF-69');
    assert.equal(noName.code, 2);
    assert.match(noName.stderr, /--name/);
    assert.equal((await cli(server.databaseEnv, 'token', 'create', '--structure', 'CAF-69', '--network', 'CAF', '--name', 'x')).code, 2);
    assert.equal((await cli(server.databaseEnv, 'frobnicate')).code, 2);
    assert.equal((await server.store.db.selectFrom('agent_tokens').select('id').execute()).length, before);
  });

  it('prints the audit log: token creation and the agents’ actions, newest first', async () => {
    const created = JSON.parse((await cli(server.databaseEnv, 'token', 'create', '--structure', 'CAF-69', '--name', 'Auditée', '--json')).stdout) as { token: string };
    await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', created.token, { results: [{ indicator: 'IND-27', period: '2031', value: 80 }] });
    const res = await cli(server.databaseEnv, 'audit', '--limit', '3');
    assert.equal(res.code, 0);
    const lines = res.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /Auditée \([0-9a-f]{12}\)\s+results\.publish\s+structure:CAF-69/);
    assert.match(lines[1]!, /\(cli\)\s+token\.create/);
  });
});
