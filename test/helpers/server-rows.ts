import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ServerProcess } from './e2e.js';

/** Rows with this title in a server process's own SQLite file (read-only, next to the running server). */
export function countByTitle(server: ServerProcess, title: string): number {
  const db = new Database(join(server.dataDir, 'spp.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from testimonies where title = ?').get(title) as { n: number }).n;
  } finally {
    db.close();
  }
}
