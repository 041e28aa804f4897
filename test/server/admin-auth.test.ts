import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AgentProfile, PROBLEM_CONTENT_TYPE } from '../../src/contract/index.js';
import { AgentScopeCheck, createAgentToken, revokeAgentToken } from '../../server/store/agents.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';

/** Every admin route of the OpenAPI document, with sample path parameters and a valid-looking body. */
async function adminOperations(server: TestServer, reference: string) {
  const doc = (await server.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  const ops: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; security?: unknown[] }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/admin/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const url = path
        .replace('{reference}', reference)
        .replace('{structure}', 'CAF-69')
        .replace('{code}', 'CAF-69')
        .replace('{id}', 'some-id');
      ops.push({ method: method.toUpperCase() as 'GET', url, security: op.security });
    }
  }
  return ops;
}

describe('admin API: agent tokens', () => {
  let server: TestServer;
  let reference: string;
  before(async () => {
    server = await startTestServer();
    ({ reference } = await submitTestimony(server.app));
  });
  after(() => server.close());

  it('documents every admin route as needing a Bearer token, and there are routes for each task', async () => {
    const ops = await adminOperations(server, reference);
    assert.ok(ops.length >= 12, `found ${ops.length} admin operations`);
    for (const op of ops) assert.deepEqual(op.security, [{ bearer: [] }], `${op.method} ${op.url}`);
    const urls = ops.map((o) => `${o.method} ${o.url}`).join('\n');
    for (const task of ['/publish', '/reject', '/mask', '/tags', '/replies/CAF-69', '/reassign', '/results', '/improvements']) {
      assert.ok(urls.includes(task), `an admin route for ${task}`);
    }
  });

  it('answers 401 problem+json with WWW-Authenticate: Bearer on every admin route without a token', async () => {
    for (const op of await adminOperations(server, reference)) {
      const res = await admin(server.app, op.method, op.url, null, op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
      assert.equal(res.statusCode, 401, `${op.method} ${op.url}`);
      assert.ok(String(res.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE));
      assert.match(String(res.headers['www-authenticate']), /^Bearer realm="spp-admin"$/);
      assert.match(res.json().detail, /Authorization: Bearer/);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });

  it('answers 401 with error="invalid_token" on every admin route for a malformed, unknown, wrong or revoked token', async () => {
    const good = await createAgentToken(server.store.db, 'soon revoked', { kind: 'structures', codes: ['CAF-69'] });
    const wrongSecret = `${good.secret.slice(0, -4)}AAAA`;
    const unknownId = good.secret.replace(/^spp_[0-9a-f]{12}/, 'spp_000000000000');
    await revokeAgentToken(server.store.db, good.token.id);
    const ops = await adminOperations(server, reference);
    for (const token of ['not-a-token', wrongSecret, unknownId, good.secret]) {
      for (const op of ops) {
        const res = await admin(server.app, op.method, op.url, token, op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
        assert.equal(res.statusCode, 401, `${op.method} ${op.url} with ${token === good.secret ? 'a revoked token' : token.slice(0, 12)}`);
        assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
      }
    }
  });

  it('checks the token before the body: a bad body with no token is a 401, not a 400', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/testimonies/${reference}/reject`,
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    assert.equal(res.statusCode, 401);
  });

  it('accepts the scheme in any case and stops accepting a token the moment it is revoked', async () => {
    const created = await createAgentToken(server.store.db, 'revoked mid-session', { kind: 'structures', codes: ['CAF-69'] });
    const lower = await server.app.inject({ url: '/api/v1/admin/me', headers: { authorization: `bearer ${created.secret}` } });
    assert.equal(lower.statusCode, 200);
    await revokeAgentToken(server.store.db, created.token.id);
    const after = await admin(server.app, 'GET', '/api/v1/admin/me', created.secret);
    assert.equal(after.statusCode, 401);
  });

  it('stores only a hash of the secret', async () => {
    const created = await createAgentToken(server.store.db, 'hash check', { kind: 'structures', codes: ['CAF-69'] });
    const row = await server.store.db.selectFrom('agent_tokens').selectAll().where('id', '=', created.token.id).executeTakeFirstOrThrow();
    const secretPart = created.secret.split('_').slice(2).join('_');
    assert.ok(!JSON.stringify(row).includes(secretPart), 'the secret is nowhere in the row');
    assert.match(row.secret_hash, /^[0-9a-f]{64}$/);
  });

  it('GET /admin/me: 200 with the token name, scope and covered structures (sub-structures included)', async () => {
    const token = await agentToken(server.store, ['CAF-69'], 'CAF du Rhône – accueil');
    const res = await admin(server.app, 'GET', '/api/v1/admin/me', token);
    assert.equal(res.statusCode, 200);
    const me = AgentProfile.parse(res.json());
    assert.equal(me.token.name, 'CAF du Rhône – accueil');
    assert.deepEqual(me.scope, { kind: 'structures', codes: ['CAF-69'] });
    assert.deepEqual(me.structures.map((s) => s.code).sort(), ['CAF-69', 'CAF-69-VLB']);
    assert.equal(me.structuresTruncated, false);
    assert.ok(!JSON.stringify(me).includes('secret'));
  });

  it('a network scope covers every structure of the network and their sub-structures, and nothing else', async () => {
    const token = await agentToken(server.store, { kind: 'network', codes: ['CAF'] });
    const me = AgentProfile.parse((await admin(server.app, 'GET', '/api/v1/admin/me', token)).json());
    assert.deepEqual(me.structures.map((s) => s.code).sort(), ['CAF-69', 'CAF-69-VLB', 'CAF-75', 'CNAF']);

    const check = new AgentScopeCheck(server.store.db, { kind: 'network', codes: ['CAF'] });
    assert.equal(await check.covers('CAF-69-VLB'), true);
    assert.equal(await check.covers('CPAM-33'), false);
    assert.equal(await check.covers('NO-SUCH-CODE'), false);
  });

  it('a structure scope covers the structure and its sub-structures, not its parent or siblings', async () => {
    const check = new AgentScopeCheck(server.store.db, { kind: 'structures', codes: ['CAF-69'] });
    assert.equal(await check.covers('CAF-69'), true);
    assert.equal(await check.covers('CAF-69-VLB'), true);
    assert.equal(await check.covers('CNAF'), false);
    assert.equal(await check.covers('CAF-75'), false);
  });
});
