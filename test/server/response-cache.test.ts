import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { ImprovementsResponse, ResultsResponse, TestimoniesPage } from '../../src/contract/index.js';
import { openDatabase } from '../../server/store/database.js';
import { publishResults } from '../../server/store/results-publishing.js';
import { CLI_ACTOR } from '../../server/store/audit.js';
import { claimDue, scheduleDigests } from '../../server/mail/outbox.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RESULTS = '/api/v1/structures/CAF-69/results';
const decroche = (body: unknown) => ResultsResponse.parse(body).indicators.find((i) => i.code === 'IND-DECROCHE')!.points.at(-1)!;

/** Runs `write` on a second handle on the server's database, as another process (the CLI, a second instance) has. */
async function writeElsewhere(server: TestServer, write: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>): Promise<void> {
  const other = await openDatabase(server.databaseEnv.DATABASE_URL ? { databaseUrl: server.databaseEnv.DATABASE_URL } : { dataDir: server.dataDir });
  try {
    await write(other.db);
  } finally {
    await other.close();
  }
}

describe('public GETs answered from memory: invalidated by every write of this process', () => {
  let server: TestServer;
  let agent: string;
  before(async () => {
    // A long lifetime: whatever shows up below does so because the write invalidated the entry, not because it expired.
    server = await startTestServer({ responseCacheTtlMs: 60_000 });
    agent = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
  });
  after(() => server.close());

  it('shows results published through the admin API on the next public GET, with a new ETag', async () => {
    const before = await server.app.inject(RESULTS);
    assert.equal((await server.app.inject(RESULTS)).headers.etag, before.headers.etag, 'the same representation while nothing changed');
    const published = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', agent, {
      results: [{ indicator: 'IND-DECROCHE', period: '2032-Q1', value: 77.5, sampleSize: null, networkAverage: null }],
    });
    assert.equal(published.statusCode, 200);
    const after = await server.app.inject({ url: RESULTS, headers: { 'if-none-match': String(before.headers.etag) } });
    assert.equal(after.statusCode, 200, 'not a 304 for the old ETag');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(decroche(after.json()).period, '2032-Q1');
    assert.equal(decroche(after.json()).value, 77.5);
  });

  it('shows a testimony published and answered through the admin API on the public page at once', async () => {
    const url = '/api/v1/structures/CAF-69/testimonies';
    const before = TestimoniesPage.parse((await server.app.inject(url)).json());
    const { reference } = await submitTestimony(server.app, { title: 'Rendez-vous annulé sans prévenir' });
    assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, agent, {})).statusCode, 200);
    const published = TestimoniesPage.parse((await server.app.inject(url)).json());
    assert.equal(published.items[0]!.reference, reference);
    assert.equal(published.stats.published, before.stats.published + 1);
    const replied = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, agent, {
      body: 'Merci : les annulations sont désormais annoncées par SMS la veille.',
      signature: 'L’accueil de la CAF du Rhône',
    });
    assert.equal(replied.statusCode, 201);
    const answered = TestimoniesPage.parse((await server.app.inject(url)).json());
    assert.match(answered.items[0]!.replies[0]?.body ?? '', /annoncées par SMS/);
  });

  it('shows an improvement action on the public plan at once', async () => {
    const url = '/api/v1/structures/CAF-69/improvements?lang=fr';
    const before = ImprovementsResponse.parse((await server.app.inject(url)).json());
    const created = await admin(server.app, 'POST', '/api/v1/admin/structures/CAF-69/improvements', agent, {
      youSaid: 'Les annulations arrivent trop tard.',
      weDid: 'Un SMS prévient la veille de toute annulation.',
      engagement: 3,
      status: 'done',
      date: '2026-11-20',
    });
    assert.equal(created.statusCode, 201, created.body);
    const after = ImprovementsResponse.parse((await server.app.inject(url)).json());
    assert.equal(after.items.length, before.items.length + 1);
    assert.ok(after.items.some((i) => i.weDid === 'Un SMS prévient la veille de toute annulation.'));
  });

  it('sees writes made directly in the store by this process (an in-process import)', async () => {
    const before = await server.app.inject(RESULTS);
    await publishResults(server.store.db, 'CAF-69', { results: [{ indicator: 'IND-DECROCHE', period: '2032-Q2', value: 80.25 }] }, CLI_ACTOR);
    const after = await server.app.inject(RESULTS);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(decroche(after.json()).value, 80.25);
  });

  it('answers 304 from memory to a matching If-None-Match, and HEAD with the same validators and no body', async () => {
    const get = await server.app.inject(RESULTS);
    const again = await server.app.inject({ url: RESULTS, headers: { 'if-none-match': String(get.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, get.headers.etag);
    const head = await server.app.inject({ method: 'HEAD', url: RESULTS });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers.etag, get.headers.etag);
    assert.equal(Number(head.headers['content-length']), get.rawPayload.length);
    assert.equal(head.headers['cache-control'], get.headers['cache-control']);
  });

  it('keeps each language apart, by ?lang= and by Accept-Language, and says it Varies', async () => {
    const url = '/api/v1/engagements';
    const fr = await server.app.inject({ url, headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    const en = await server.app.inject({ url, headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    const frAgain = await server.app.inject({ url, headers: { 'accept-language': 'fr' } });
    assert.equal(fr.json().lang, 'fr');
    assert.equal(en.json().lang, 'en');
    assert.equal(frAgain.json().lang, 'fr');
    assert.notEqual(en.headers.etag, fr.headers.etag);
    assert.match(String(en.headers.vary), /Accept-Language/);
    const enByQuery = await server.app.inject({ url: `${url}?lang=en`, headers: { 'accept-language': 'fr' } });
    assert.equal(enByQuery.json().lang, 'en');
    assert.doesNotMatch(String(enByQuery.headers.vary), /Accept-Language/, '?lang= decides alone');
    assert.equal((await server.app.inject({ url: `${url}?lang=fr`, headers: { 'accept-language': 'en' } })).json().lang, 'fr');
  });

  it("never serves one structure's data for another, nor a search for another", async () => {
    for (const code of ['CAF-69', 'CPAM-33', 'CAF-69', 'CPAM-33']) {
      assert.equal(ResultsResponse.parse((await server.app.inject(`/api/v1/structures/${code}/results`)).json()).structure.code, code);
      assert.equal((await server.app.inject(`/api/v1/structures/${code}`)).json().code, code);
    }
    const caf = (await server.app.inject('/api/v1/structures?q=caf')).json() as { items: { code: string }[] };
    const cpam = (await server.app.inject('/api/v1/structures?q=cpam')).json() as { items: { code: string }[] };
    const codes = (page: { items: { code: string }[] }) => page.items.map((s) => s.code);
    assert.ok(codes(caf).includes('CAF-69') && !codes(caf).includes('CPAM-33'), codes(caf).join());
    assert.ok(codes(cpam).includes('CPAM-33') && !codes(cpam).includes('CAF-69'), codes(cpam).join());
  });

  it('serves the compressed variant a client accepts from the cached body, with the same ETag', async () => {
    const plain = await server.app.inject(RESULTS);
    const br = await server.app.inject({ url: RESULTS, headers: { 'accept-encoding': 'br' } });
    const brAgain = await server.app.inject({ url: RESULTS, headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brAgain.headers.etag, plain.headers.etag);
    assert.deepEqual(JSON.parse(brotliDecompressSync(brAgain.rawPayload).toString('utf8')), plain.json());
    assert.equal((await server.app.inject(RESULTS)).headers['content-encoding'], undefined, 'a client without Accept-Encoding gets plain JSON');
  });

  it('never caches errors: a 404 for an unknown structure stays a 404 with no-store', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await server.app.inject('/api/v1/structures/NOPE-99/results');
      assert.equal(res.statusCode, 404);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });
});

describe('public GETs answered from memory: kept through writes that change no row', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ responseCacheTtlMs: 60_000 });
  });
  after(() => server.close());

  /** Renames a structure through a second handle on the database, as another process does: unseen until a local write. */
  const renameElsewhere = (code: string, name: string) =>
    writeElsewhere(server, (db) => db.updateTable('structures').set({ name }).where('code', '=', code).execute());
  const nameOf = async (code: string) => (await server.app.inject(`/api/v1/structures/${code}`)).json().name as string;

  it("keeps them through the mail worker's idle pass (every 2 s), and drops them on the first write that changes a row", async () => {
    const original = await nameOf('CAF-69');
    await renameElsewhere('CAF-69', 'CAF du Rhône (renommée ailleurs)');
    // What the mail worker does on a pass with nothing to send, and statements of the same kinds that match nothing.
    const now = new Date();
    assert.deepEqual(await claimDue(server.store, 'test-worker', now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), 1), []);
    assert.equal(await scheduleDigests(server.store.db, now, 7), 0);
    await server.store.db.deleteFrom('idempotency_keys').where('key', '=', 'no-such-key').execute();
    await server.store.db.transaction().execute((trx) => trx.updateTable('structures').set({ city: 'Nulle part' }).where('code', '=', 'NOPE-00').execute());
    assert.equal(await nameOf('CAF-69'), original, 'answered from memory: nothing this process wrote changed a row');

    // A write with RETURNING that changes a row (SQLite gives no count for it: its rows are the count).
    const changed = await server.store.db.updateTable('structures').set({ city: 'Lyon' }).where('code', '=', 'CAF-69').returning('code').execute();
    assert.equal(changed.length, 1);
    assert.equal(await nameOf('CAF-69'), 'CAF du Rhône (renommée ailleurs)', 'recomputed after a write that changed a row');

    // One inside a transaction, without RETURNING.
    await renameElsewhere('CAF-69', 'CAF du Rhône (renommée deux fois)');
    assert.equal(await nameOf('CAF-69'), 'CAF du Rhône (renommée ailleurs)');
    await server.store.db.transaction().execute((trx) => trx.updateTable('structures').set({ city: 'Lyon 3e' }).where('code', '=', 'CAF-69').execute());
    assert.equal(await nameOf('CAF-69'), 'CAF du Rhône (renommée deux fois)');
  });
});

describe('public GETs answered from memory: writes by another process show within the lifetime', () => {
  const TTL_MS = 300;
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ responseCacheTtlMs: TTL_MS });
  });
  after(() => server.close());

  it('shows results written through another connection (the CLI, a second instance) once the entry expires', async () => {
    const before = await server.app.inject(RESULTS);
    // A second handle on the same database, as another process has: this process's version never moves.
    await writeElsewhere(server, (db) => publishResults(db, 'CAF-69', { results: [{ indicator: 'IND-DECROCHE', period: '2033-Q1', value: 66 }] }, CLI_ACTOR));
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    const after = await server.app.inject(RESULTS);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(decroche(after.json()).period, '2033-Q1');
  });
});

describe('public GETs with the response cache off (RESPONSE_CACHE_TTL_MS=0)', () => {
  it('reads the database on every request', async () => {
    const server = await startTestServer({ responseCacheTtlMs: 0 });
    try {
      const before = await server.app.inject(RESULTS);
      await writeElsewhere(server, (db) => publishResults(db, 'CAF-69', { results: [{ indicator: 'IND-DECROCHE', period: '2033-Q2', value: 55 }] }, CLI_ACTOR));
      const after = await server.app.inject(RESULTS);
      assert.notEqual(after.headers.etag, before.headers.etag);
      assert.equal(decroche(after.json()).period, '2033-Q2');
    } finally {
      await server.close();
    }
  });
});
