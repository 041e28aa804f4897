import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../test/helpers/e2e.js';
import { DEMO_STRUCTURE } from '../test/helpers/elements.js';
import { count, ms, progress, ratio, table } from './report.js';

/**
 * API: autocannon against the real server process (`server/main.ts`, logs off, rate limit raised out of the
 * way) and, in the same run, against a bare Fastify route in its own process: the ratio says what our stack
 * (routing, contract validation, database, ETag) costs over Fastify itself. One column per store: SQLite
 * always, PostgreSQL when `BENCH_DATABASE_URL` is set (its database gets migrated, seeded and written to).
 */

const ROOT = resolve(import.meta.dirname, '..');

export interface LoadOptions {
  seconds: number;
  connections: number;
}

export interface LoadMeasure {
  label: string;
  method: 'GET' | 'POST';
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  /** Connection errors + timeouts + non-2xx answers: must be 0. */
  errors: number;
  non2xx: number;
  /** Throughput over the bare route's; p99 latency over the bare route's. */
  throughputRatio?: number;
  p99Ratio?: number;
  /** GETs must keep at least half the bare route's throughput. */
  withinBudget?: boolean;
}

export interface StoreColumn {
  store: string;
  location: string;
  routes: LoadMeasure[];
}

export interface ApiResult {
  options: LoadOptions;
  bare: LoadMeasure;
  stores: StoreColumn[];
}

export const GET_THROUGHPUT_BUDGET = 0.5;

const SUBMISSION = JSON.stringify({
  feeling: 'negative',
  structures: [DEMO_STRUCTURE],
  channels: [{ channel: 'phone', feeling: 'negative' }],
  title: 'Attente au téléphone (bench)',
  body: 'J’ai attendu quarante minutes au téléphone avant de pouvoir parler à quelqu’un, puis la ligne a coupé.',
  postedAs: 'user',
});

interface Target {
  label: string;
  method: 'GET' | 'POST';
  path: string;
}

const TARGETS: Target[] = [
  { label: 'GET /api/v1/engagements', method: 'GET', path: '/api/v1/engagements' },
  { label: `GET /api/v1/structures/${DEMO_STRUCTURE}/results`, method: 'GET', path: `/api/v1/structures/${DEMO_STRUCTURE}/results` },
  { label: 'POST /api/v1/testimonies', method: 'POST', path: '/api/v1/testimonies' },
];

async function load(origin: string, target: Target, options: LoadOptions): Promise<LoadMeasure> {
  const post = target.method === 'POST';
  const run = (seconds: number) =>
    autocannon({
      url: `${origin}${target.path}`,
      connections: options.connections,
      duration: seconds,
      method: target.method,
      headers: post ? { 'content-type': 'application/json' } : { accept: 'application/json' },
      body: post ? SUBMISSION : undefined,
      // A new testimony per request: each POST is a first submission, never an idempotent replay.
      requests: post ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }] : undefined,
    });
  await run(1); // warm-up: JIT, connection pools, SQLite page cache
  const result = await run(options.seconds);
  return {
    label: target.label,
    method: target.method,
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
  };
}

function spawnBare(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveOrigin, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolveOrigin({ origin: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

export async function runApiSection(options: LoadOptions, postgresUrl: string | undefined): Promise<ApiResult> {
  progress(`api: bare Fastify route (${options.seconds} s, ${options.connections} connections)`);
  const bare = await spawnBare();
  let bareMeasure: LoadMeasure;
  try {
    bareMeasure = await load(bare.origin, { label: 'bare Fastify route (baseline)', method: 'GET', path: '/bare' }, options);
  } finally {
    bare.child.kill('SIGTERM');
  }

  const stores: { store: string; env: Record<string, string> }[] = [{ store: 'sqlite', env: {} }];
  if (postgresUrl) stores.push({ store: 'postgres', env: { DATABASE_URL: postgresUrl } });
  const columns: StoreColumn[] = [];
  for (const { store, env } of stores) {
    // RATE_LIMIT_MAX: the per-IP limit would turn a load test from one address into 429s.
    const server = await startServerProcess({ RATE_LIMIT_MAX: '1000000000', ...env });
    try {
      const routes: LoadMeasure[] = [];
      for (const target of TARGETS) {
        progress(`api: ${store}: ${target.label}`);
        const measure = await load(server.url, target, options);
        measure.throughputRatio = measure.requestsPerSecond / bareMeasure.requestsPerSecond;
        measure.p99Ratio = bareMeasure.latencyP99 ? measure.latencyP99 / bareMeasure.latencyP99 : undefined;
        if (target.method === 'GET') measure.withinBudget = measure.throughputRatio >= GET_THROUGHPUT_BUDGET && measure.errors === 0;
        routes.push(measure);
      }
      columns.push({ store, location: store === 'sqlite' ? 'SQLite file (WAL)' : 'PostgreSQL (BENCH_DATABASE_URL)', routes });
    } finally {
      await server.dispose();
    }
  }
  return { options, bare: bareMeasure, stores: columns };
}

export function formatApi(result: ApiResult): string {
  const header = ['route'];
  for (const column of result.stores) header.push(`${column.store} req/s`, '× bare', 'p99', '× bare', 'errors', '');
  const rows = [header];
  const bareCells = (m: LoadMeasure) => [count(Math.round(m.requestsPerSecond)), '1.00×', ms(m.latencyP99), '1.00×', count(m.errors), ''];
  rows.push([result.bare.label, ...result.stores.flatMap(() => bareCells(result.bare))]);
  result.stores[0]?.routes.forEach((route, index) => {
    const row = [route.label];
    for (const column of result.stores) {
      const m = column.routes[index]!;
      const verdict = m.errors ? 'FAIL' : m.withinBudget === undefined ? '' : m.withinBudget ? 'ok' : 'OVER';
      row.push(count(Math.round(m.requestsPerSecond)), ratio(m.throughputRatio), ms(m.latencyP99), ratio(m.p99Ratio), count(m.errors), verdict);
    }
    rows.push(row);
  });
  const notes = [
    `  autocannon, ${result.options.connections} connections, ${result.options.seconds} s per route after a 1 s warm-up, server and load generator on this machine.`,
    `  Budget: GET throughput ≥ ${GET_THROUGHPUT_BUDGET}× the bare route; errors (network, timeouts, non-2xx) must be 0. Each POST has its own Idempotency-Key.`,
  ];
  if (result.stores.length === 1) notes.push('  PostgreSQL column: set BENCH_DATABASE_URL=postgres://... (a throwaway database: it gets migrated, seeded and written to).');
  return [table(rows), ...notes].join('\n');
}
