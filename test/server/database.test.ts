import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { buildApp } from '../../server/app.js';
import { openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import { prepareDatabase } from '../../server/prepare.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/e2e.js';

const countRows = async (store: DatabaseHandle, table: 'structures' | 'testimonies' | 'engagement_versions') =>
  Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`database: preparation and connections (${testDialect})`, () => {
  let database: TestDatabase;
  const stores: DatabaseHandle[] = [];
  const open = async () => {
    // Their connections are dropped too by the last test, which is not about them.
    const store = await openDatabase({ ...database.options, onConnectionError: () => {} });
    stores.push(store);
    return store;
  };
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    for (const store of stores) await store.close();
    await database.dispose();
  });

  it(
    'migrates and seeds an empty database once when two instances start on it together',
    // Several instances share one database only on PostgreSQL; a SQLite file belongs to one process.
    { skip: testDialect !== 'postgres' && 'several instances need PostgreSQL' },
    async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const outcomes = await Promise.all([prepareDatabase(first), prepareDatabase(second)]);
      assert.deepEqual(outcomes.map((o) => o.seeded).sort(), [false, true], 'exactly one of them seeds');
      assert.deepEqual(outcomes.flatMap((o) => o.applied).filter((m) => m === '001-initial'), ['001-initial'], 'each migration runs once');
      assert.equal(await countRows(first, 'structures'), 21);
      assert.equal(await countRows(second, 'engagement_versions'), 2);
    },
  );

  it('changes nothing on a restart: no migration applied, no second seed', async () => {
    const store = await open();
    await prepareDatabase(store);
    const testimonies = await countRows(store, 'testimonies');
    const again = await prepareDatabase(await open());
    assert.deepEqual(again, { applied: [], seeded: false });
    assert.equal(await countRows(store, 'testimonies'), testimonies);
    assert.equal(await countRows(store, 'structures'), 21);
  });

  it(
    'keeps serving when PostgreSQL drops its connections (restart, failover)',
    { skip: testDialect !== 'postgres' && 'connection drops are a PostgreSQL matter' },
    async () => {
      const dropped: Error[] = [];
      const store = await openDatabase({ ...database.options, onConnectionError: (error) => dropped.push(error) });
      stores.push(store);
      await prepareDatabase(store);
      const app = await buildApp({ store, logger: false });
      try {
        assert.equal((await app.inject('/api/v1/structures/CAF-69/results')).statusCode, 200);
        const admin = new pg.Client({ connectionString: database.options.databaseUrl });
        await admin.connect();
        try {
          await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
        } finally {
          await admin.end();
        }
        const deadline = Date.now() + 3000;
        let status = 0;
        while (status !== 200 && Date.now() < deadline) {
          status = (await app.inject('/api/health')).statusCode;
          if (status !== 200) await new Promise((r) => setTimeout(r, 50));
        }
        assert.equal(status, 200, 'healthy again without a restart');
        assert.equal((await app.inject('/api/v1/structures/CAF-69/results')).statusCode, 200);
        assert.ok(dropped.length > 0, 'the drop was noticed, not thrown');
      } finally {
        await app.close();
      }
    },
  );

  it('reports 503 on /api/health and a 500 problem (never cached) while PostgreSQL is unreachable', async () => {
    // Nothing listens on this port: the pool cannot connect, as when PostgreSQL is down.
    const store = await openDatabase({ databaseUrl: `postgres://spp:secret@127.0.0.1:${await freePort()}/spp` });
    stores.push(store);
    const app = await buildApp({ store, logger: false });
    try {
      const started = Date.now();
      const health = await app.inject('/api/health');
      assert.equal(health.statusCode, 503);
      assert.equal(health.json().status, 'unavailable');
      assert.equal(health.json().database, 'postgres');
      const read = await app.inject('/api/v1/structures/CAF-69');
      assert.equal(read.statusCode, 500);
      assert.match(String(read.headers['content-type']), /problem\+json/);
      assert.equal(read.headers['cache-control'], 'no-store');
      assert.ok(Date.now() - started < 5000, 'fails fast rather than hanging');
    } finally {
      await app.close();
    }
  });
});
