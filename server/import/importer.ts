import { basename } from 'node:path';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { sqliteConnection } from '../store/database.js';
import { IMPORT_DEFERRED_INDEXES, deferIndexes, restoreDeferredIndexes } from '../store/deferred-indexes.js';
import { detectDataset, explainColumns, mapColumns, type DatasetKind } from '../../src/opendata/columns.js';
import { MAPPERS, RecordReader, type Problem, type RowReader } from '../../src/opendata/records.js';
import { FieldsReader } from './fields-reader.js';
import { ImportUsageError, inspect, listImportFiles, rowsOf, sniffColumns, type FileFacts } from './source-files.js';
import { WriteContext } from './write-context.js';
import { WRITERS, type Item, type Outcome } from './writer.js';

/**
 * `npm run import`: loads Services Publics+ open-data exports (structures, indicator catalogue, results,
 * published experiences; CSV or JSON) into the database.
 *
 * - Files are read as streams and written in batches, one transaction per batch: a crash leaves every batch
 *   either fully in or not at all.
 * - `import_runs` records, in the batch's own transaction, the last committed line of each file (by content
 *   hash), so a rerun after a crash resumes after it. A file that was imported whole is read again, and every
 *   row then comes out unchanged.
 * - A bad row is rejected with its file, line, column and reason; it never stops the import.
 * - Files are imported structures first, then the catalogue, results and experiences, so a result may refer to a
 *   structure from another file of the same import.
 */
export interface Rejection {
  file: string;
  line: number;
  column: string;
  reason: string;
}

export interface Counts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows refused (a row may have several rejections). */
  rejected: number;
}

export interface FileReport extends Counts {
  file: string;
  dataset: DatasetKind | null;
  format: 'csv' | 'json';
  encoding: 'utf-8' | 'windows-1252';
  /** Rows already committed by an interrupted run of the same file, not read again. */
  skipped: number;
  resumedFromLine: number | null;
  unknownColumns: string[];
  rejections: Rejection[];
  /** Rejections beyond the ones kept in `rejections`. */
  moreRejections: number;
  /** Why the file (or its end) could not be read. */
  error?: string;
}

export interface ImportReport {
  files: FileReport[];
  totals: Counts & { skipped: number };
}

export interface Progress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOptions {
  /**
   * Rows per transaction. Default 10,000: rows are written as they are read, so a batch costs no memory of its
   * own, and fewer, bigger commits write each page of the indexes fewer times (see docs/import.md).
   */
  batchSize?: number;
  /** Creation time of new structures (default now). */
  now?: Date;
  /** Ignore the resume point of an interrupted run and read every file from the start. */
  restart?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Called inside each batch's transaction, after its writes and before its commit. */
  beforeCommit?: (batch: { file: string; index: number; lastLine: number }) => void | Promise<void>;
  /** Rejections kept per file in the report (the count stays exact). Default 1000. */
  maxRejections?: number;
  /**
   * Check every line and report what would happen (rejections with their line numbers, counts of what would be
   * inserted or updated), and write nothing: the whole run happens in one transaction that is rolled back.
   */
  dryRun?: boolean;
  /**
   * Only these structure codes may be written: a structure, result or experience row for another structure is
   * rejected with its line (and the shared indicator catalogue cannot be imported at all).
   */
  structures?: readonly string[];
  /**
   * SQLite: drop the two experience indexes on random keys (`IMPORT_DEFERRED_INDEXES`) before the import and
   * build them once at its end, instead of keeping them up to date row by row. Default: only when the
   * experience files are big and at least as big as what is stored (`shouldDeferIndexes`). Never on a dry run,
   * with a structure restriction (an upload from the server, which keeps reading), or on PostgreSQL.
   */
  deferIndexes?: boolean;
}

export { ImportUsageError };

const DATASET_ORDER: DatasetKind[] = ['structures', 'indicators', 'results', 'experiences'];
/** Rows mapped before they are written into their batch's transaction (see `write` in `importFile`). */
const SLICE_ROWS = 200;

const emptyCounts = (): Counts => ({ read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 });

interface StoredProgress {
  counts: Counts;
  rejections: Rejection[];
  moreRejections: number;
}

async function importFile(
  db: Kysely<Database>,
  facts: FileFacts,
  kind: DatasetKind,
  columns: string[],
  options: ImportOptions,
  ctx: WriteContext,
): Promise<FileReport> {
  const file = facts.path;
  const batchSize = Math.max(1, options.batchSize ?? 10_000);
  const maxRejections = options.maxRejections ?? 1000;
  const now = () => new Date().toISOString();
  const dryRun = !!options.dryRun;
  const run = dryRun ? undefined : await db.selectFrom('import_runs').selectAll().where('file_hash', '=', facts.hash).executeTakeFirst();
  const resume = run && run.status === 'running' && run.dataset === kind && !options.restart ? Number(run.last_line) : 0;
  let progress: StoredProgress = resume
    ? (JSON.parse(run!.report) as StoredProgress)
    : { counts: emptyCounts(), rejections: [], moreRejections: 0 };
  const fresh = { file_name: basename(file), dataset: kind, status: 'running', last_line: 0, report: JSON.stringify(progress), updated_at: now(), finished_at: null };
  if (dryRun) {
    // Nothing is logged: the caller's transaction is rolled back anyway.
  } else if (!run) await db.insertInto('import_runs').values({ file_hash: facts.hash, started_at: now(), ...fresh }).execute();
  else if (!resume) await db.updateTable('import_runs').set({ ...fresh, started_at: now() }).where('file_hash', '=', facts.hash).execute();

  const report: FileReport = {
    file,
    dataset: kind,
    format: facts.format,
    encoding: facts.encoding,
    ...emptyCounts(),
    skipped: 0,
    resumedFromLine: resume || null,
    unknownColumns: [],
    rejections: [],
    moreRejections: 0,
  };

  const map = mapColumns(kind, columns);
  const reader = new RecordReader(kind, map);
  const fieldsReader = new FieldsReader(kind, map, columns);
  const seenKeys = new Set(columns);
  const mapper = MAPPERS[kind] as (row: RowReader<DatasetKind>) => { record?: unknown; problems?: Problem[] };
  const writer = WRITERS[kind] as (db: Kysely<Database>, items: Item<unknown>[], ctx: WriteContext) => Promise<Outcome[]>;
  type Pending = { line: number; record?: unknown; problems?: Problem[] };
  let pending: Pending[] = [];
  let batchIndex = 0;
  let bytesRead = 0;
  // The open batch: its transaction (none on a dry run, which runs in the caller's), its progress so far, its rows.
  let trx: ControlledTransaction<Database> | undefined;
  let next: StoredProgress | undefined;
  let rowsInBatch = 0;
  let lastLine = 0;

  const reject = (next: StoredProgress, line: number, problems: Problem[]) => {
    next.counts.rejected++;
    for (const p of problems) {
      if (next.rejections.length < maxRejections) next.rejections.push({ file, line, column: p.column, reason: p.reason });
      else next.moreRejections++;
    }
  };

  /**
   * Writes the rows mapped so far into the open batch (opening it first). A batch is written in slices of
   * SLICE_ROWS rows as they are read, so mapped rows never pile up in memory: a 2,000-row batch kept whole spent
   * a third of a big import's time in the garbage collector copying it around. The batch stays one transaction.
   */
  const write = async () => {
    if (!pending.length) return;
    const slice = pending;
    pending = [];
    if (!next) {
      next = structuredClone(progress);
      if (!dryRun) trx = await db.startTransaction().execute();
    }
    const valid = slice.filter((b) => b.record !== undefined) as Item<unknown>[];
    const outcomes = valid.length ? await writer(trx ?? db, valid, ctx) : [];
    let o = 0;
    for (const item of slice) {
      next.counts.read++;
      if (item.problems) {
        reject(next, item.line, item.problems);
        continue;
      }
      const outcome = outcomes[o++]!;
      if (Array.isArray(outcome)) reject(next, item.line, outcome);
      else next.counts[outcome]++;
    }
    lastLine = slice[slice.length - 1]!.line;
  };

  /** Ends the open batch: its rows, then its place in `import_runs`, in its transaction, committed. */
  const commit = async () => {
    await write();
    if (!next) return;
    if (trx) {
      await trx
        .updateTable('import_runs')
        .set({ last_line: lastLine, report: JSON.stringify(next), updated_at: now() })
        .where('file_hash', '=', facts.hash)
        .execute();
      await options.beforeCommit?.({ file, index: batchIndex, lastLine });
      await trx.commit().execute();
      trx = undefined;
    }
    progress = next;
    next = undefined;
    rowsInBatch = 0;
    batchIndex++;
    options.onProgress?.({ file, bytesRead, totalBytes: facts.size, rows: progress.counts.read });
  };

  try {
    try {
      for await (const chunk of rowsOf(facts, (b) => (bytesRead = b))) {
        for (const row of chunk) {
          if (row.line <= resume) {
            report.skipped++;
            continue;
          }
          if (row.fields) {
            fieldsReader.fields = row.fields;
            const mapped = mapper(fieldsReader as RowReader<DatasetKind>);
            pending.push({ line: row.line, record: mapped.record, problems: mapped.problems });
          } else if (row.values) {
            const added = Object.keys(row.values).filter((k) => !seenKeys.has(k));
            if (added.length) {
              added.forEach((k) => seenKeys.add(k));
              reader.map = mapColumns(kind, [...seenKeys]);
            }
            reader.values = row.values;
            const mapped = mapper(reader as RowReader<DatasetKind>);
            pending.push({ line: row.line, record: mapped.record, problems: mapped.problems });
          } else {
            pending.push({ line: row.line, problems: [{ column: '', reason: row.error ?? 'unreadable row' }] });
          }
          if (++rowsInBatch >= batchSize) await commit();
          else if (pending.length >= SLICE_ROWS) await write();
        }
      }
      await commit();
    } catch (error) {
      // A file that ends badly (truncated JSON) keeps what was committed; anything else is a real failure.
      if (!(error instanceof Error) || /^(the JSON ends too early|no records found|empty file|not a JSON export)/.test(error.message) === false) {
        throw error;
      }
      await commit();
      report.error = error.message;
    }
  } catch (error) {
    // The open batch is rolled back whole; the batches before it stay committed.
    if (trx) await trx.rollback().execute().catch(() => {});
    throw error;
  }

  if (!report.error && !dryRun) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('import_runs')
        .set({ status: 'done', updated_at: now(), finished_at: now() })
        .where('file_hash', '=', facts.hash)
        .execute();
      // Marks the database as holding real data (the demo seed then stays out of it); the first import's time.
      await trx
        .insertInto('meta')
        .values({ key: 'opendata_imported_at', value: ctx.now })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    });
  }
  Object.assign(report, progress.counts, { rejections: progress.rejections, moreRejections: progress.moreRejections });
  report.unknownColumns = facts.format === 'json' ? reader.map.unknown : map.unknown;
  options.onProgress?.({ file, bytesRead: facts.size, totalBytes: facts.size, rows: progress.counts.read });
  return report;
}

/** Imports every file of `paths` (files or folders) and reports what happened to each row. */
export async function importOpenData(db: Kysely<Database>, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const files = await listImportFiles(paths);
  if (!files.length) throw new ImportUsageError(`no .csv or .json file in ${paths.join(', ')}`);
  const ctx = new WriteContext(
    (options.now ?? new Date()).toISOString(),
    options.structures ? new Set(options.structures) : undefined,
    sqliteConnection(db),
  );
  const planned: { facts: FileFacts; kind: DatasetKind | undefined; columns: string[]; error?: string }[] = [];
  for (const path of files) {
    const facts = await inspect(path);
    try {
      const columns = await sniffColumns(facts);
      planned.push({ facts, columns, kind: detectDataset(columns) });
    } catch (error) {
      planned.push({ facts, columns: [], kind: undefined, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const rank = (kind: DatasetKind | undefined) => (kind ? DATASET_ORDER.indexOf(kind) : DATASET_ORDER.length);
  planned.sort((a, b) => rank(a.kind) - rank(b.kind));

  if (options.dryRun) {
    // Every batch runs in one transaction, rolled back at the end: checks see the rows of earlier files (a
    // result may refer to a structure of the same upload) and nothing is kept.
    const trx = await db.startTransaction().execute();
    try {
      return await importPlanned(trx, planned, options, ctx);
    } finally {
      await trx.rollback().execute();
    }
  }
  // SQLite copies the write-ahead log into the database (and syncs both to disk) every 1000 pages by default: a
  // 500,000-row import spent a fifth of its time there, on a shared disk. During the import it does so every
  // WAL_PAGES pages (the same pages, copied less often). Its page cache (16 MB by default here) is raised to
  // CACHE_KIB: the indexes by date and by structure take each new row at a random place, and with a small cache
  // every such page was written out and read back again within the same batch. The connection's settings are
  // restored afterwards.
  const sqlite = ctx.sqlite;
  const deferring =
    !!sqlite && !options.structures && options.deferIndexes !== false && (options.deferIndexes || (await shouldDeferIndexes(db, planned)));
  const checkpointEvery = sqlite?.pragma('wal_autocheckpoint', { simple: true }) as number | undefined;
  const cacheSize = sqlite?.pragma('cache_size', { simple: true }) as number | undefined;
  if (sqlite && checkpointEvery !== undefined && checkpointEvery > 0 && checkpointEvery < WAL_PAGES) sqlite.pragma(`wal_autocheckpoint = ${WAL_PAGES}`);
  // cache_size: a negative value is in KiB, a positive one in pages.
  const cacheKib = cacheSize === undefined ? 0 : cacheSize < 0 ? -cacheSize : (cacheSize * (sqlite!.pragma('page_size', { simple: true }) as number)) / 1024;
  if (sqlite && cacheKib < CACHE_KIB) sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  try {
    if (deferring) deferIndexes(sqlite!, IMPORT_DEFERRED_INDEXES);
    return await importPlanned(db, planned, options, ctx);
  } finally {
    if (sqlite && checkpointEvery !== undefined) sqlite.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
    if (sqlite && cacheSize !== undefined) sqlite.pragma(`cache_size = ${cacheSize}`);
    if (deferring) {
      // Built again even when the import failed (if this process is killed first, the next migrate() does it),
      // with the page cache given back first: the sort that builds an index takes as much memory again.
      sqlite!.pragma('shrink_memory');
      restoreDeferredIndexes(sqlite!);
    }
  }
}

/**
 * Rows an experience export holds per byte, at most: real rows (a title, a description, the tags, replies) take
 * well over 500 bytes. Used to tell a big file without reading it first.
 */
const BYTES_PER_ROW = 1000;
/** Experience rows (estimated) from which a first import builds its random-key indexes at the end. */
const DEFER_FROM_ROWS = 50_000;

/**
 * Whether building the deferred indexes once at the end is cheaper than keeping them up to date: the experience
 * files hold at least DEFER_FROM_ROWS rows and at least as many as the database already has (building them again
 * costs a sort of the whole table, keeping them up to date a random write per new row).
 */
async function shouldDeferIndexes(db: Kysely<Database>, planned: { facts: FileFacts; kind: DatasetKind | undefined }[]): Promise<boolean> {
  const bytes = planned.filter((p) => p.kind === 'experiences').reduce((sum, p) => sum + p.facts.size, 0);
  const rows = bytes / BYTES_PER_ROW;
  if (rows < DEFER_FROM_ROWS) return false;
  const stored = await db.selectFrom('testimonies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(stored.n) <= rows;
}

/** Pages of write-ahead log between two checkpoints during an import on SQLite (64 MB of 4 KB pages). */
const WAL_PAGES = 16_384;
/** SQLite's page cache during an import, KiB (it counts in the importing process's memory budget). */
const CACHE_KIB = 20_480;

async function importPlanned(
  db: Kysely<Database>,
  planned: { facts: FileFacts; kind: DatasetKind | undefined; columns: string[]; error?: string }[],
  options: ImportOptions,
  ctx: WriteContext,
): Promise<ImportReport> {
  const reports: FileReport[] = [];
  for (const { facts, kind, columns, error } of planned) {
    if (!kind) {
      reports.push({
        file: facts.path,
        dataset: null,
        format: facts.format,
        encoding: facts.encoding,
        ...emptyCounts(),
        skipped: 0,
        resumedFromLine: null,
        unknownColumns: [],
        rejections: [],
        moreRejections: 0,
        error:
          error ??
          (columns.length
            ? `not a Services Publics+ export: its columns match no dataset (see docs/import.md)\n${explainColumns(columns)}`
            : 'empty file'),
      });
      continue;
    }
    reports.push(await importFile(db, facts, kind, columns, options, ctx));
  }
  const totals = { ...emptyCounts(), skipped: 0 };
  for (const r of reports) {
    for (const key of ['read', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'] as const) totals[key] += r[key];
  }
  return { files: reports, totals };
}
