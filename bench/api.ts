import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../test/helpers/e2e.js';
import { DEMO_STRUCTURE } from '../test/helpers/elements.js';
import { count, median, ms, percentile, progress, ratio, table } from './report.js';

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
  /** Why this store could not be measured (the other columns still are). */
  error?: string;
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

interface Slice {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  non2xx: number;
}

/** One autocannon run; latencies recorded per response (autocannon's own histogram rounds to whole ms). */
async function slice(origin: string, target: Target, seconds: number, connections: number): Promise<Slice> {
  const post = target.method === 'POST';
  const latencies: number[] = [];
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolveResult, reject) => {
    instance = autocannon({
    url: `${origin}${target.path}`,
    connections,
    duration: seconds,
    method: target.method,
    // What a widget's fetch sends from Chromium: the server compresses JSON bodies over 1 KB.
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'fr-FR,fr;q=0.9',
      ...(post ? { 'content-type': 'application/json' } : {}),
    },
    body: post ? SUBMISSION : undefined,
    // A new testimony per request: each POST is a first submission, never an idempotent replay.
    requests: post ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }] : undefined,
    }, (error, result) => (error ? reject(error) : resolveResult(result)));
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  return { requests: result.requests.total, seconds, latencies, errors: result.errors + result.timeouts + result.non2xx, non2xx: result.non2xx };
}

function measure(label: string, method: Target['method'], slices: Slice[]): LoadMeasure {
  const latencies = slices.flatMap((s) => s.latencies);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  return {
    label,
    method,
    requestsPerSecond: requests / seconds,
    latencyP50: percentile(latencies, 50) ?? 0,
    latencyP99: percentile(latencies, 99) ?? 0,
    requests,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
  };
}

const BARE: Target = { label: 'bare Fastify route (baseline)', method: 'GET', path: '/bare' };
const SLICES = 3;

/**
 * A route and the bare route in alternating slices (bare, route, bare, route...), so that a colleague's build
 * starting halfway through a run slows both sides alike: this machine is shared.
 */
async function loadAgainstBare(origin: string, bareOrigin: string, target: Target, options: LoadOptions): Promise<{ route: LoadMeasure; bare: LoadMeasure }> {
  await slice(bareOrigin, BARE, 1, options.connections); // warm-up: JIT, connection pools, SQLite page cache
  await slice(origin, target, 1, options.connections);
  const bareSlices: Slice[] = [];
  const routeSlices: Slice[] = [];
  for (let i = 0; i < SLICES; i++) {
    const seconds = Math.max(1, Math.round(options.seconds / SLICES));
    bareSlices.push(await slice(bareOrigin, BARE, seconds, options.connections));
    routeSlices.push(await slice(origin, target, seconds, options.connections));
  }
  const bare = measure(BARE.label, 'GET', bareSlices);
  const route = measure(target.label, target.method, routeSlices);
  // The median of the pairwise ratios: one slice disturbed by another process weighs nothing.
  route.throughputRatio = median(routeSlices.map((r, i) => r.requests / r.seconds / (bareSlices[i]!.requests / bareSlices[i]!.seconds))) ?? undefined;
  route.p99Ratio = bare.latencyP99 ? route.latencyP99 / bare.latencyP99 : undefined;
  if (target.method === 'GET') route.withinBudget = (route.throughputRatio ?? 0) >= GET_THROUGHPUT_BUDGET && route.errors === 0;
  return { route, bare };
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

export async function runApiSection(
  options: LoadOptions,
  postgresUrl: string | undefined,
  postgresLocation = 'PostgreSQL (BENCH_DATABASE_URL)',
): Promise<ApiResult> {
  const bareServer = await spawnBare();
  const stores: { store: string; env: Record<string, string> }[] = [{ store: 'sqlite', env: {} }];
  if (postgresUrl) stores.push({ store: 'postgres', env: { DATABASE_URL: postgresUrl } });
  const columns: StoreColumn[] = [];
  const bareSlices: LoadMeasure[] = [];
  try {
    for (const { store, env } of stores) {
      const location = store === 'sqlite' ? 'SQLite file (WAL)' : postgresLocation;
      // RATE_LIMIT_MAX: the per-address limit would turn a load test from one address into 429s.
      const server = await startServerProcess({ RATE_LIMIT_MAX: '1000000000', ...env }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        progress(`api: ${store}: the server did not start: ${message}`);
        columns.push({ store, location, routes: [], error: `the server did not start: ${message}` });
        return undefined;
      });
      if (!server) continue;
      try {
        const routes: LoadMeasure[] = [];
        for (const target of TARGETS) {
          progress(`api: ${store}: ${target.label}, alternating with the bare route (${options.seconds} s each, ${options.connections} connections)`);
          const { route, bare } = await loadAgainstBare(server.url, bareServer.origin, target, options);
          routes.push(route);
          bareSlices.push(bare);
        }
        columns.push({ store, location, routes });
      } finally {
        await server.dispose();
      }
    }
  } finally {
    bareServer.child.kill('SIGTERM');
  }
  const bare: LoadMeasure = {
    ...BARE,
    requestsPerSecond: bareSlices.reduce((sum, m) => sum + m.requestsPerSecond, 0) / bareSlices.length,
    latencyP50: Math.max(...bareSlices.map((m) => m.latencyP50)),
    latencyP99: Math.max(...bareSlices.map((m) => m.latencyP99)),
    requests: bareSlices.reduce((sum, m) => sum + m.requests, 0),
    errors: bareSlices.reduce((sum, m) => sum + m.errors, 0),
    non2xx: bareSlices.reduce((sum, m) => sum + m.non2xx, 0),
  };
  return { options, bare, stores: columns };
}

export function formatApi(result: ApiResult): string {
  const header = ['route'];
  for (const column of result.stores) header.push(`${column.store} req/s`, '× bare', 'p99', '× bare', 'errors', '');
  const rows = [header];
  const bareCells = (m: LoadMeasure) => [count(Math.round(m.requestsPerSecond)), '1.00×', ms(m.latencyP99, 1), '1.00×', count(m.errors), ''];
  rows.push([result.bare.label, ...result.stores.flatMap(() => bareCells(result.bare))]);
  TARGETS.forEach((target, index) => {
    const row = [target.label];
    for (const column of result.stores) {
      const m = column.routes[index];
      if (!m) {
        row.push('–', '', '', '', '', 'FAIL');
        continue;
      }
      const verdict = m.errors ? 'FAIL' : m.withinBudget === undefined ? '' : m.withinBudget ? 'ok' : 'OVER';
      row.push(count(Math.round(m.requestsPerSecond)), ratio(m.throughputRatio), ms(m.latencyP99, 1), ratio(m.p99Ratio), count(m.errors), verdict);
    }
    rows.push(row);
  });
  const notes = [
    `  autocannon, ${result.options.connections} connections, ${result.options.seconds} s per route after a 1 s warm-up, in ${SLICES} slices alternating with the`,
    '  bare route (its row: the mean of those slices; a throughput ratio is the median of the ratios of neighbouring slices).',
    '  Server and load generator share this machine with whatever else runs: compare ratios, not absolute figures;',
    '  requests carry the headers a browser sends (Accept-Encoding: gzip, br: JSON over 1 KB is sent compressed, each version compressed once).',
    `  Budget: GET throughput ≥ ${GET_THROUGHPUT_BUDGET}× the bare route; errors (network, timeouts, non-2xx) must be 0. Each POST has its own Idempotency-Key.`,
  ];
  for (const column of result.stores.filter((c) => c.error)) notes.push(`  ${column.store}: FAILED, ${column.error}`);
  if (result.stores.length === 1) notes.push('  PostgreSQL column: install PostgreSQL (a throwaway cluster is started), or set BENCH_DATABASE_URL=postgres://... (a throwaway database: it gets migrated, seeded and written to).');
  return [table(rows), ...notes].join('\n');
}
