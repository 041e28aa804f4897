import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { generate } from '../../bench/import.js';
import { importOpenData, type ImportReport } from '../../server/import/importer.js';
import { migrate, openDatabase, sqliteConnection, type DatabaseHandle } from '../../server/store/database.js';
import type { Database } from '../../server/store/schema.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';

/**
 * A big first import on SQLite drops the two experience indexes on random keys and builds them at its end
 * (server/store/deferred-indexes.ts). These tests hold it to the same rows and the same schema as an import that
 * keeps them, to a re-import that inserts nothing, and to a kill -9 in between: the next start builds them again.
 */
const root = resolve(import.meta.dirname, '../..');
const DEFERRED = ['testimonies_status_idx', 'testimony_structures_published_idx'];
const ROWS = 3000;

/** The definition of each index of the experience tables, by name (SQLite's own text, or PostgreSQL's). */
async function indexes(store: DatabaseHandle): Promise<Record<string, string>> {
  const { rows } =
    store.dialect === 'sqlite'
      ? await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master
          where type = 'index' and tbl_name in ('testimonies', 'testimony_structures') order by name`.execute(store.db)
      : await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql from pg_indexes
          where tablename in ('testimonies', 'testimony_structures') order by indexname`.execute(store.db);
  return Object.fromEntries(rows.map((r) => [r.name, r.sql ?? '']));
}

async function rowsOf(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['testimonies', 'testimony_structures', 'replies']) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const total = async (db: Kysely<Database>, table: 'testimonies' | 'testimony_structures') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function migrated(): Promise<{ database: TestDatabase; store: DatabaseHandle }> {
  const database = await createTestDatabase();
  const store = await openDatabase(database.options);
  await migrate(store.db);
  return { database, store };
}

describe('building the experience indexes at the end of a big import', () => {
  let dir: string;
  let files: { structuresFile: string; experiencesFile: string };
  let kept: { database: TestDatabase; store: DatabaseHandle };
  let deferred: { database: TestDatabase; store: DatabaseHandle };
  let schemaBefore: Record<string, string>;
  let presentDuring: { kept: string[]; deferred: string[] };
  let report: ImportReport;

  /** The deferred indexes that exist while a batch is being committed. */
  const present = (store: DatabaseHandle, seen: string[]) => async () => {
    const now = Object.keys(await indexesOnConnection(store));
    seen.splice(0, seen.length, ...DEFERRED.filter((name) => now.includes(name)));
  };
  // Inside a batch's transaction Kysely holds SQLite's one connection: read the schema through it directly.
  const indexesOnConnection = async (store: DatabaseHandle) => {
    const sqlite = sqliteConnection(store.db);
    if (!sqlite) return Object.fromEntries(DEFERRED.map((n) => [n, '']));
    const rows = sqlite.prepare(`select name from sqlite_master where type = 'index'`).all() as { name: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, '']));
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spp-import-deferred-'));
    files = await generate(dir, { rows: ROWS, structures: 100 });
    kept = await migrated();
    deferred = await migrated();
    schemaBefore = await indexes(deferred.store);
    presentDuring = { kept: [], deferred: [] };
    for (const [target, deferIndexes, seen] of [
      [kept, undefined, presentDuring.kept],
      [deferred, true, presentDuring.deferred],
    ] as const) {
      await importOpenData(target.store.db, [files.structuresFile]);
      report = await importOpenData(target.store.db, [files.experiencesFile], { deferIndexes, batchSize: 1000, beforeCommit: present(target.store, seen) });
      assert.deepEqual([report.totals.inserted, report.totals.rejected], [ROWS, 0]);
    }
  });
  after(async () => {
    for (const { store, database } of [kept, deferred]) {
      await store.close();
      await database.dispose();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the indexes up to date on a small file, and leaves them out while a forced deferred import runs (SQLite)', { skip: testDialect === 'postgres' }, () => {
    assert.deepEqual(presentDuring.kept, DEFERRED);
    assert.deepEqual(presentDuring.deferred, []);
  });

  it('ends with the same indexes, defined the same, and nothing left to rebuild', async () => {
    assert.deepEqual(await indexes(deferred.store), schemaBefore);
    for (const name of DEFERRED) assert.ok(schemaBefore[name], `${name} exists`);
    const marker = await deferred.store.db.selectFrom('meta').select('key').where('key', '=', 'deferred_indexes').executeTakeFirst();
    assert.equal(marker, undefined);
  });

  it('writes the same rows as an import that keeps its indexes', async () => {
    const [a, b] = [await rowsOf(kept.store.db), await rowsOf(deferred.store.db)];
    assert.equal(b.testimonies!.length, ROWS);
    assert.deepEqual(b, a);
  });

  it('inserts nothing when the same file is imported again, indexes deferred or not', async () => {
    const again = await importOpenData(deferred.store.db, [files.experiencesFile], { deferIndexes: true, restart: true });
    assert.deepEqual([again.totals.read, again.totals.inserted, again.totals.updated, again.totals.unchanged], [ROWS, 0, 0, ROWS]);
    assert.equal(await total(deferred.store.db, 'testimonies'), ROWS);
    assert.deepEqual(await indexes(deferred.store), schemaBefore);
  });

  it('builds the indexes again when the import fails, keeping the batches committed before', async () => {
    const { database, store } = await migrated();
    try {
      await importOpenData(store.db, [files.structuresFile]);
      await assert.rejects(
        importOpenData(store.db, [files.experiencesFile], {
          deferIndexes: true,
          batchSize: 1000,
          beforeCommit: ({ index }) => {
            if (index === 1) throw new Error('disk full');
          },
        }),
        /disk full/,
      );
      assert.equal(await total(store.db, 'testimonies'), 1000);
      assert.deepEqual(await indexes(store), schemaBefore);
    } finally {
      await store.close();
      await database.dispose();
    }
  });
});

describe('a big import killed while its indexes are dropped (SQLite)', { skip: testDialect === 'postgres' }, () => {
  let dir: string;
  let database: TestDatabase;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spp-import-deferred-kill-'));
    database = await createTestDatabase();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.dispose();
  });

  it('is left with whole batches; the next start builds the indexes, and the rerun completes without duplicates', async () => {
    const rows = 20_000;
    const files = await generate(dir, { rows, structures: 200 });
    // Exactly what `npm run import -- ...` runs (package.json), forced to defer on this small file.
    const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
    const args = [...script.split(' ').slice(1), files.structuresFile, files.experiencesFile, '--defer-indexes', '--batch-size', '500'];
    const env = { ...process.env, DATA_DIR: database.options.dataDir, DATABASE_URL: '' };
    const store = await openDatabase(database.options);
    await migrate(store.db);
    const schemaBefore = await indexes(store);

    let committed = 0;
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    try {
      // Killed once some experience batches are committed, at no chosen point of a batch.
      const deadline = Date.now() + 90_000;
      for (;;) {
        const run = await store.db
          .selectFrom('import_runs')
          .select('last_line')
          .where('dataset', '=', 'experiences')
          .executeTakeFirst()
          .catch(() => undefined);
        if (run && Number(run.last_line) >= 2000) break;
        if (Date.now() > deadline) throw new Error('the import never committed an experiences batch');
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await exited;

      // What the kill left: whole batches, every experience with its links, and the indexes still dropped.
      const run = await store.db.selectFrom('import_runs').selectAll().where('dataset', '=', 'experiences').executeTakeFirstOrThrow();
      assert.equal(run.status, 'running');
      committed = await total(store.db, 'testimonies');
      // (Line numbers are not row counts here: some descriptions span two lines.)
      assert.equal(committed, (JSON.parse(run.report) as { counts: { inserted: number } }).counts.inserted);
      assert.ok(committed >= 1000 && committed % 500 === 0, `whole batches of 500 (${committed})`);
      assert.ok(committed < rows, 'killed before the end');
      const linked = await sql<{ n: number }>`select count(distinct testimony_id) as n from testimony_structures`.execute(store.db);
      assert.equal(Number(linked.rows[0]!.n), committed);
      const left = await indexes(store);
      for (const name of DEFERRED) assert.equal(left[name], undefined, `${name} was dropped during the import`);
    } finally {
      await store.close();
    }

    // The next start (a server, or the import command) migrates, which builds them again.
    const restarted = await openDatabase(database.options);
    try {
      await migrate(restarted.db);
      assert.deepEqual(await indexes(restarted), schemaBefore);
      const marker = await restarted.db.selectFrom('meta').select('key').where('key', '=', 'deferred_indexes').executeTakeFirst();
      assert.equal(marker, undefined);
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(restarted.db);
      assert.deepEqual(check.rows, [{ integrity_check: 'ok' }]);
    } finally {
      await restarted.close();
    }

    const rerun = spawnSync(process.execPath, [...args, '--json'], { cwd: root, env, encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    const experiences = (JSON.parse(rerun.stdout) as ImportReport).files.find((f) => f.dataset === 'experiences')!;
    assert.ok(experiences.resumedFromLine! >= 2000);
    // The counts carry over from the killed run: every row read and inserted once.
    assert.deepEqual([experiences.read, experiences.inserted, experiences.rejected], [rows, rows, 0]);
    assert.equal(experiences.skipped, committed);

    const again = spawnSync(process.execPath, [...args, '--json'], { cwd: root, env, encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual((JSON.parse(again.stdout) as ImportReport).totals.inserted, 0);

    const done = await openDatabase(database.options);
    try {
      assert.equal(await total(done.db, 'testimonies'), rows);
      assert.deepEqual(await indexes(done), schemaBefore);
    } finally {
      await done.close();
    }
  });
});
