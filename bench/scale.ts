import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../server/store/database.js';
import { migrationProvider } from '../server/store/migrations/index.js';
import { getResults } from '../server/store/results.js';
import { listPublished, type PublishedQuery } from '../server/store/testimonies.js';
import { count, mb, ms, percentile, progress, table } from './report.js';
import { generateScaleStore, type GeneratedStore, type ScaleShape } from './scale-data.js';

/**
 * Scale: the queries behind `GET .../results` and `GET .../testimonies`, through the store functions the
 * routes call (Kysely over the same SQLite settings as the server), on a generated store of the real
 * programme's size and more. `BENCH_SCALE_DIR=folder` keeps the generated store there and reuses it on the
 * next run (the report says so); otherwise it is generated in a temporary folder and deleted.
 */

export interface ScaleOptions extends ScaleShape {
  /** Timed calls per query. */
  queries: number;
}

export interface QueryTiming {
  label: string;
  calls: number;
  p50: number;
  p99: number;
  max: number;
  /** Rows returned by one call (e.g. items on the page), to show the query did real work. */
  returned: string;
}

export interface ScaleResult {
  shape: ScaleShape;
  rows: Record<string, number>;
  generatedSeconds: number;
  reused: boolean;
  databaseBytes: number;
  largestObjects: { name: string; bytes: number }[];
  busiest: { code: string; published: number };
  queries: QueryTiming[];
}

const MANIFEST = 'bench-scale.json';

async function storeFor(options: ScaleOptions): Promise<{ store: GeneratedStore; reused: boolean; cleanup(): void }> {
  const keep = process.env.BENCH_SCALE_DIR;
  const shape: ScaleShape = { structures: options.structures, testimonies: options.testimonies };
  if (keep && existsSync(join(keep, MANIFEST))) {
    const store = JSON.parse(readFileSync(join(keep, MANIFEST), 'utf8')) as GeneratedStore;
    const current = Object.keys(await migrationProvider.getMigrations()).sort().join();
    const sameSchema = (store.migrations ?? []).slice().sort().join() === current;
    if (sameSchema && store.shape.structures === shape.structures && store.shape.testimonies === shape.testimonies && existsSync(store.file)) {
      progress(`scale: reusing the store generated in ${keep} (delete it to regenerate)`);
      return { store, reused: true, cleanup: () => {} };
    }
  }
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'spp-scale-'));
  if (keep) rmSync(join(keep, 'spp.sqlite'), { force: true });
  progress(`scale: generating ${count(shape.structures)} structures and ${count(shape.testimonies)} testimonies into ${dataDir}`);
  const store = await generateScaleStore(dataDir, shape);
  if (keep) writeFileSync(join(keep, MANIFEST), JSON.stringify(store));
  return { store, reused: false, cleanup: () => (keep ? undefined : rmSync(dataDir, { recursive: true, force: true })) };
}

/** Deterministic sample of `n` items (a fixed stride through the list), so runs compare. */
function sample<T>(items: T[], n: number): T[] {
  const out: T[] = [];
  const step = items.length / n;
  for (let i = 0; i < n; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

async function time<T>(label: string, inputs: T[], call: (input: T) => Promise<unknown>, describe: (last: unknown) => string): Promise<QueryTiming> {
  progress(`scale: ${label} (${inputs.length} calls)`);
  for (const input of inputs.slice(0, 20)) await call(input); // warm the page cache and the statement cache
  const durations: number[] = [];
  let last: unknown;
  for (const input of inputs) {
    const start = performance.now();
    last = await call(input);
    durations.push(performance.now() - start);
  }
  return { label, calls: inputs.length, p50: percentile(durations, 50)!, p99: percentile(durations, 99)!, max: Math.max(...durations), returned: describe(last) };
}

function measureSize(file: string): { total: number; largest: { name: string; bytes: number }[] } {
  const db = new SQLite(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const largest = db
      .prepare('select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit 6')
      .all() as { name: string; bytes: number }[];
    return { total: statSync(file).size, largest };
  } finally {
    db.close();
  }
}

export async function runScaleSection(options: ScaleOptions): Promise<ScaleResult> {
  const { store, reused, cleanup } = await storeFor(options);
  try {
    const size = measureSize(store.file);
    const handle = await openDatabase({ dataDir: store.dataDir });
    const db = handle.db;
    const queries: QueryTiming[] = [];
    try {
      const items = (page: unknown) => `${(page as { items: unknown[] }).items.length} items`;
      queries.push(
        await time(
          'results of a structure (getResults)',
          sample(store.structuresWithResults, options.queries),
          (code) => getResults(db, code),
          (r) => {
            const results = r as { indicators: { points: unknown[] }[] };
            return `${results.indicators.length} indicators × ${results.indicators[0]?.points.length ?? 0} periods`;
          },
        ),
      );
      queries.push(
        await time('testimonies page 1, any structure (listPublished)', sample(store.structureCodes, options.queries), (code) => listPublished(db, code, {}), items),
      );
      const busiest = store.busiest.code;
      // Fewer calls there: each takes long enough that a hundred give a stable p50 and an honest tail.
      const repeat = Array.from({ length: Math.min(options.queries, 100) }, () => busiest);
      queries.push(await time(`testimonies page 1, busiest structure`, repeat, () => listPublished(db, busiest, {}), items));
      queries.push(
        await time('… busiest, feeling=negative', repeat, () => listPublished(db, busiest, { feeling: 'negative' }), items),
      );
      queries.push(await time('… busiest, tag=reactivity', repeat, () => listPublished(db, busiest, { tag: 'reactivity' }), items));
      // Deep pagination: the 50th page, reached by following the cursors once.
      let cursor: string | undefined;
      for (let page = 1; page < 50; page++) {
        const next: string | null = (await listPublished(db, busiest, { cursor } as PublishedQuery)).nextCursor;
        if (!next) break;
        cursor = next;
      }
      queries.push(await time('… busiest, page 50 (keyset cursor)', repeat, () => listPublished(db, busiest, { cursor }), items));
    } finally {
      await handle.close();
    }
    return {
      shape: store.shape,
      rows: store.rows,
      generatedSeconds: store.seconds,
      reused,
      databaseBytes: size.total,
      largestObjects: size.largest,
      busiest: store.busiest,
      queries,
    };
  } finally {
    cleanup();
  }
}

export function formatScale(result: ScaleResult): string {
  const rows = [['query', 'calls', 'p50', 'p99', 'max', 'one call returned']];
  for (const q of result.queries) rows.push([q.label, count(q.calls), ms(q.p50, 2), ms(q.p99, 2), ms(q.max, 1), q.returned]);
  const r = result.rows;
  return [
    `  Store: SQLite, ${count(r.structures)} structures, ${count(r.results)} results, ${count(r.testimonies)} testimonies ` +
      `(${count(r.testimony_structures)} structure links, ${count(r.replies)} replies); ` +
      (result.reused ? `reused (generated earlier in ${Math.round(result.generatedSeconds)} s)` : `generated in ${Math.round(result.generatedSeconds)} s`),
    `  Busiest structure: ${result.busiest.code}, ${count(result.busiest.published)} published testimonies.`,
    `  Database size: ${mb(result.databaseBytes)} (largest: ${result.largestObjects.map((o) => `${o.name} ${mb(o.bytes)}`).join(', ')})`,
    table(rows, { left: [5] }),
    '  No budget in DESIGN.md for these: the baseline is a results card and a testimonies page a widget can wait for (well under 100 ms).',
  ].join('\n');
}
