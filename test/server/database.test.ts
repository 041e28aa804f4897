import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import { prepareDatabase } from '../../server/prepare.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';

const countRows = async (store: DatabaseHandle, table: 'structures' | 'testimonies' | 'engagement_versions') =>
  Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`database preparation (${testDialect})`, () => {
  let database: TestDatabase;
  const stores: DatabaseHandle[] = [];
  const open = async () => {
    const store = await openDatabase(database.options);
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
});
