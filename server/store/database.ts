import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { DataVersion, versionedDialect } from './data-version.js';
import { restoreDeferredIndexes } from './deferred-indexes.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or a redacted URL. */
  location: string;
  /** Moves after every write this process makes through `db` (see `data-version.ts`). */
  version: DataVersion;
  /**
   * After text was overwritten to hide personal data (a mask, a masked publication): makes sure the old text is
   * not left in the database files. SQLite runs with `secure_delete` (freed space is zeroed) and this moves the
   * WAL into the main file and truncates it. PostgreSQL keeps old row versions until VACUUM: this vacuums the table.
   */
  forgetOverwritten(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Folder of the SQLite file (`DATA_DIR`, default `./data`). */
  dataDir?: string;
  /** `postgres://...` selects PostgreSQL (`DATABASE_URL`). */
  databaseUrl?: string;
  /** SQLite file name inside `dataDir`. */
  fileName?: string;
  /** Told when PostgreSQL drops an idle connection (default: a warning on stderr). */
  onConnectionError?: (error: Error) => void;
}

const warnConnectionError = (error: Error) =>
  console.warn(`PostgreSQL closed an idle connection (${error.message}); a new one is opened on the next query`);

/** Opens SQLite (embedded default) or PostgreSQL when a `postgres://` URL is given. Does not migrate. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
      // Fail a request within seconds when PostgreSQL is unreachable, instead of queueing it forever.
      connectionTimeoutMillis: 5000,
    });
    // An idle connection dropped by the server (restart, failover, pg_terminate_backend) is an 'error' event:
    // unhandled, it would kill the process. The pool discards that client and opens a new one when needed.
    pool.on('error', (error) => (options.onConnectionError ?? warnConnectionError)(error));
    const version = new DataVersion();
    const db = new Kysely<Database>(versionedDialect(new PostgresDialect({ pool }), version));
    const forgetOverwritten = async () => {
      await sql`vacuum testimonies`.execute(db);
    };
    return { db, dialect: 'postgres', location: url.replace(/\/\/[^@/]*@/, '//***@'), version, forgetOverwritten, close: () => db.destroy() };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const dir = resolve(options.dataDir ?? 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, options.fileName ?? 'spp.sqlite');
  const sqlite = new SQLite(file);
  // WAL + synchronous=NORMAL survives a killed process (only a power cut may lose the last commits);
  // busy_timeout lets a second process (CLI, importer) wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed on disk, not left in free pages (masked personal data).
  sqlite.pragma('secure_delete = ON');
  const version = new DataVersion();
  const db = new Kysely<Database>(versionedDialect(new SqliteDialect({ database: reusingStatements(sqlite) }), version));
  const forgetOverwritten = async () => {
    // Runs on the same connection as Kysely's queries (better-sqlite3 is synchronous): no reader holds the WAL.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  };
  sqliteConnections.set(db, sqlite);
  return { db, dialect: 'sqlite', location: file, version, forgetOverwritten, close: () => db.destroy() };
}

const sqliteConnections = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/**
 * The better-sqlite3 connection behind a Kysely instance of `openDatabase` (`undefined` on PostgreSQL). Only for
 * hot loops that Kysely's query building would dominate (the open-data importer's inserts): the caller must run
 * its statements while it holds Kysely's one connection (inside a transaction), so they join that transaction.
 * Writes made this way do not move `version` until the transaction commits.
 */
export function sqliteConnection(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return sqliteConnections.get(db);
}

/** Most distinct statements the app runs (an `in (?, ?, ...)` list is one per length); beyond, the oldest goes. */
const STATEMENTS_KEPT = 256;

/**
 * Kysely prepares every query anew; with better-sqlite3 that parse and plan is a large share of a small read.
 * Reusing a statement is safe here: Kysely runs one query at a time on the single SQLite connection, and a
 * schema change (a migration) makes SQLite re-prepare a stale statement by itself.
 */
function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // Indexes a killed big import had dropped are built again first, so the migrations find the schema they expect.
  const sqlite = sqliteConnection(db);
  if (sqlite) restoreDeferredIndexes(sqlite);
  // Migrations are named by the feature that needs them and may land out of order (002 after 003): a database
  // that already ran a later one still gets the earlier one instead of refusing to start.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Arbitrary, fixed: distinct from Kysely's own migration lock id. */
const STARTUP_LOCK_ID = 7_305_218_640_114_091n;

/**
 * Runs `task` (migrate, seed) while holding a database-wide lock, so instances started together on an empty
 * PostgreSQL database prepare it one after the other: the second waits, then finds it migrated and seeded.
 * The lock is a session advisory lock: a crashed instance's connection drops and frees it. SQLite needs none:
 * one process owns the file.
 */
export async function withStartupLock<T>(store: DatabaseHandle, task: () => Promise<T>): Promise<T> {
  if (store.dialect !== 'postgres') return task();
  return store.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    try {
      return await task();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    }
  });
}
