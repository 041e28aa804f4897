import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import { DEMO_TESTIMONIES } from '../../server/seed/testimonies.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { redisMissing, startRedis, type RedisProcess } from '../helpers/redis.js';

const submission = (title: string) => ({
  feeling: 'negative',
  structures: ['CPAM-33'],
  channels: [{ channel: 'counter', feeling: 'negative' }],
  title,
  body: 'Le guichet a fermé une demi-heure avant l’horaire affiché et personne n’a pu me dire quand revenir avec mes papiers.',
  postedAs: 'user',
});

/** `npm run admin -- token create ...` on the shared database; returns the secret. */
function createAgentToken(databaseUrl: string, structure: string): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/admin.ts', 'token', 'create', '--name', 'Accueil (test)', '--structure', structure, '--json'],
    { cwd: resolve(import.meta.dirname, '..', '..'), env: { ...process.env, DATABASE_URL: databaseUrl, SEED: '0' }, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as { token: string }).token;
}

const RATE_LIMIT_MAX = 40;
/** Every submission this file sends, from 127.0.0.1: each one counts against the per-address limit... */
let submissions = 0;
/** ...except a replay of an already stored submission (same key, same body), answered before the limit. */
let maybeReplays = 0;
const post = (server: ServerProcess, body: unknown, key: string) => {
  submissions++;
  return fetch(`${server.url}/api/v1/testimonies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
};

describe('two instances on one PostgreSQL', { skip: !process.env.TEST_DATABASE_URL && 'needs PostgreSQL (TEST_DATABASE_URL, or `npm test -- e2e` with postgresql installed)' }, () => {
  let database: TestDatabase;
  let redis: RedisProcess | undefined;
  let store: DatabaseHandle;
  let one: ServerProcess;
  let two: ServerProcess;
  const instances = () => [one, two] as const;

  before(async () => {
    database = await createTestDatabase();
    redis = redisMissing ? undefined : await startRedis();
    const env = {
      DATABASE_URL: database.options.databaseUrl!,
      RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    // Started together on an empty database: one migrates and seeds while the other waits.
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    store = await openDatabase(database.options);
  });
  after(async () => {
    await Promise.all([one?.dispose(), two?.dispose()]);
    await store?.close();
    await database?.dispose();
    await redis?.stop();
  });

  const countTestimonies = async () =>
    Number((await store.db.selectFrom('testimonies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('starts both on an empty database, migrated and seeded exactly once', async () => {
    for (const server of instances()) {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: string };
      assert.equal(health.database, 'postgres');
      const structures = (await (await fetch(`${server.url}/api/v1/structures?limit=100`)).json()) as { items: unknown[] };
      assert.equal(structures.items.length, 21);
    }
    assert.equal(await countTestimonies(), DEMO_TESTIMONIES.length);
  });

  it('shows a testimony posted to one instance, moderated through the other, on both', async () => {
    const res = await post(one, submission('Guichet fermé en avance'), randomUUID());
    assert.equal(res.status, 201);
    const { reference, token } = (await res.json()) as { reference: string; token: string };
    const tracked = await fetch(`${two.url}/api/v1/testimonies/${reference}?token=${token}`);
    assert.equal(((await tracked.json()) as { status: string }).status, 'pending', 'the other instance knows it at once');

    // An agent token made with the CLI on the shared database works on every instance.
    const agent = { authorization: `Bearer ${createAgentToken(database.options.databaseUrl!, 'CPAM-33')}`, 'content-type': 'application/json' };
    const queue = (await (await fetch(`${one.url}/api/v1/admin/testimonies?structure=CPAM-33`, { headers: agent })).json()) as { items: { reference: string }[] };
    assert.ok(queue.items.some((t) => t.reference === reference), 'in the moderation queue of the first instance');
    const published = await fetch(`${two.url}/api/v1/admin/testimonies/${reference}/publish`, { method: 'POST', headers: agent, body: '{}' });
    assert.equal(published.status, 200);
    const replied = await fetch(`${one.url}/api/v1/admin/testimonies/${reference}/replies/CPAM-33`, {
      method: 'PUT',
      headers: agent,
      body: JSON.stringify({ body: 'Merci de votre retour : les horaires affichés ont été corrigés.', signature: 'L’accueil de la CPAM de la Gironde' }),
    });
    assert.equal(replied.status, 201);

    for (const server of instances()) {
      const page = (await (await fetch(`${server.url}/api/v1/structures/CPAM-33/testimonies`)).json()) as {
        items: { reference: string; replies: { body: string }[] }[];
      };
      assert.equal(page.items[0]?.reference, reference, server.url);
      assert.match(page.items[0]?.replies[0]?.body ?? '', /horaires affichés ont été corrigés/);
      const view = (await (await fetch(`${server.url}/api/v1/testimonies/${reference}?token=${token}`)).json()) as { status: string };
      assert.equal(view.status, 'answered');
    }
  });

  it('creates one testimony when the same Idempotency-Key reaches both instances at once', async () => {
    for (let round = 0; round < 5; round++) {
      const before = await countTestimonies();
      const key = randomUUID();
      const body = submission(`Double envoi ${round}`);
      const answers = await Promise.all([post(one, body, key), post(two, body, key), post(one, body, key), post(two, body, key)]);
      // The 3 duplicates count or not depending on whether the first was already stored when they arrived.
      maybeReplays += 3;
      assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201]);
      const references = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { reference: string }).reference)));
      assert.equal(references.size, 1, 'every answer names the same testimony');
      assert.equal(await countTestimonies(), before + 1);
    }
  });

  it('gives the same ETag for the same data on both instances, so a CDN can revalidate against either', async () => {
    for (const path of [
      '/api/v1/engagements?lang=fr',
      '/api/v1/structures?q=caf',
      '/api/v1/structures/CAF-69',
      '/api/v1/structures/CAF-69/results',
      '/api/v1/structures/CPAM-33/testimonies',
    ]) {
      const first = await fetch(`${one.url}${path}`);
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      assert.equal((await fetch(`${two.url}${path}`)).headers.get('etag'), etag, path);
      const revalidated = await fetch(`${two.url}${path}`, { headers: { 'if-none-match': etag } });
      assert.equal(revalidated.status, 304, path);
    }
  });

  it('shares the per-address submission limit between the instances through Redis', { skip: redisMissing }, async () => {
    const before = submissions;
    let accepted = 0;
    let status = 201;
    for (let i = 0; status === 201 && submissions < 3 * RATE_LIMIT_MAX; i++) {
      status = (await post(i % 2 ? two : one, submission(`Envoi ${i}`), randomUUID())).status;
      if (status === 201) accepted++;
    }
    assert.equal(status, 429);
    // One limit for both instances: what counted before (between `before - maybeReplays` and `before`) plus what
    // this loop got is the limit. Each instance on its own would have let about twice as many through.
    assert.ok(
      before - maybeReplays + accepted <= RATE_LIMIT_MAX && before + accepted >= RATE_LIMIT_MAX,
      `the limit holds for both instances together, not for each: ${accepted} accepted after ${before} sends (${maybeReplays} of them maybe replays)`,
    );
    assert.equal((await post(one, submission('Encore'), randomUUID())).status, 429);
  });
});
