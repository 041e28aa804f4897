import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, type Migration } from 'kysely';
import { migrate, openDatabase } from '../../server/store/database.js';
import { migrationProvider } from '../../server/store/migrations/index.js';
import { createTestDatabase } from '../helpers/database.js';

describe('migrations that land out of order', () => {
  it('a database that already ran 003 still gets 002 on the next start', async () => {
    const database = await createTestDatabase();
    const store = await openDatabase(database.options);
    try {
      const all = await migrationProvider.getMigrations();
      // The database of that time: 001 and 003 ran (later migrations build on 002's tables, so they came after it).
      const without002: Record<string, Migration> = Object.fromEntries(
        Object.entries(all).filter(([name]) => name !== '002-agents' && name <= '003-import'),
      );
      const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => without002 } }).migrateToLatest();
      assert.equal(error, undefined);

      const applied = await migrate(store.db);
      assert.deepEqual(applied, Object.keys(all).filter((name) => name === '002-agents' || name > '003-import'));
      assert.deepEqual(await store.db.selectFrom('agent_tokens').selectAll().execute(), []);
    } finally {
      await store.close();
      await database.dispose();
    }
  });
});
