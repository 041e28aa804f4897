import type BetterSqlite3 from 'better-sqlite3';

/**
 * Indexes a big first import builds once at its end instead of row by row (SQLite only; see docs/import.md). Both
 * take every new experience at a random place (by status and date, by structure), which made SQLite's inserts
 * several times dearer than appending; neither is unique, so no check depends on them during the import (the
 * unique `reference` index and the primary keys, which make a re-import insert nothing, always stay).
 */
export const IMPORT_DEFERRED_INDEXES = ['testimonies_status_idx', 'testimony_structures_published_idx'] as const;

/**
 * `meta` row naming the indexes dropped and their `create index` statements, written in the same transaction
 * as the drop and deleted in the same transaction as the rebuild: whatever kills the import in between, the next
 * `migrate()` (every server start, every `npm run import`) finds it and builds them again.
 */
const META_KEY = 'deferred_indexes';

interface Deferred {
  name: string;
  sql: string;
}

function saved(sqlite: BetterSqlite3.Database): Deferred[] {
  const row = sqlite.prepare(`select value from meta where key = ?`).get(META_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Deferred[]) : [];
}

/** Drops the given indexes (those that exist), remembering how to build them again. Returns the names dropped. */
export function deferIndexes(sqlite: BetterSqlite3.Database, names: readonly string[]): string[] {
  return sqlite.transaction(() => {
    const deferred = saved(sqlite);
    const dropped: string[] = [];
    for (const name of names) {
      const row = sqlite.prepare(`select sql from sqlite_master where type = 'index' and name = ?`).get(name) as { sql: string | null } | undefined;
      if (!row?.sql) continue;
      deferred.push({ name, sql: row.sql });
      sqlite.exec(`drop index "${name.replaceAll('"', '""')}"`);
      dropped.push(name);
    }
    if (dropped.length) {
      sqlite.prepare(`insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`).run(META_KEY, JSON.stringify(deferred));
    }
    return dropped;
  }).immediate();
}

/**
 * Builds again every index a (possibly killed) import deferred, and forgets them, in one transaction. Returns
 * the names built. Does nothing on a database that never deferred one (or has no `meta` table yet).
 */
export function restoreDeferredIndexes(sqlite: BetterSqlite3.Database): string[] {
  if (!sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'meta'`).get()) return [];
  if (!saved(sqlite).length) return [];
  return sqlite.transaction(() => {
    const built: string[] = [];
    for (const { name, sql } of saved(sqlite)) {
      if (sqlite.prepare(`select 1 from sqlite_master where type = 'index' and name = ?`).get(name)) continue;
      if (!/^create (unique )?index /i.test(sql)) throw new Error(`deferred index ${name}: not an index definition`);
      sqlite.exec(sql);
      built.push(name);
    }
    sqlite.prepare(`delete from meta where key = ?`).run(META_KEY);
    return built;
  }).immediate();
}
