import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DatabaseOptions, Dialect } from '../../server/store/database.js';
import type { Database } from '../../server/store/schema.js';

/**
 * Which store the server tests run on: SQLite files by default; a real PostgreSQL when `TEST_DATABASE_URL` is set
 * (`npm test -- server-pg` sets it, starting a throwaway cluster when none is given).
 */
export const testDialect: Dialect = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** What `openDatabase()` (or `DATABASE_URL`/`DATA_DIR` of a server process) needs to reach this database. */
  options: DatabaseOptions & { dataDir: string };
  /** Deletes the database and its folder. Close every connection to it first. */
  dispose(): Promise<void>;
}

let counter = 0;

async function onServer(url: string, statement: string): Promise<void> {
  // One short-lived connection: a pool kept open would hold the test process alive after its last test.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of its own for one test server, so suites never see each other's data: a temporary folder
 * for SQLite, a fresh database on the `TEST_DATABASE_URL` cluster for PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spp-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { options: { dataDir }, dispose: async () => removeDir() };

  const name = `spp_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    options: { dataDir, databaseUrl: url.toString() },
    async dispose() {
      removeDir();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Publishes a pending testimony directly in the store, standing in for a moderator until a test can go through
 * the admin API.
 */
export async function publishInStore(db: Kysely<Database>, reference: string, at = new Date().toISOString()): Promise<void> {
  const { id } = await db.selectFrom('testimonies').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('testimonies').set({ status: 'published', moderated_at: at, published_at: at }).where('id', '=', id).execute();
    await trx.updateTable('testimony_structures').set({ published_at: at }).where('testimony_id', '=', id).execute();
  });
}
