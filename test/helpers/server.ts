import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.js';
import { openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import { prepareDatabase } from '../../server/prepare.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  app: FastifyInstance;
  store: DatabaseHandle;
  dataDir: string;
  /** The environment a separate process (the admin CLI, a server) needs to reach this database. */
  databaseEnv: Record<string, string>;
  /** The built-widgets folder the server serves, when made from `dist` (a test may rewrite its files). */
  distDir?: string;
  close(): Promise<void>;
}

/**
 * A real server on a database of its own, migrated and seeded: a SQLite file in a fresh temporary folder, or a
 * fresh PostgreSQL database when `TEST_DATABASE_URL` is set. Requests go through HTTP with `app.inject`.
 * `dist` (path → content) makes a stand-in for the built widgets in a temporary folder, removed on `close`.
 */
export async function startTestServer(
  { dist, ...options }: { seed?: boolean; dist?: Record<string, string | Buffer> } & Partial<AppOptions> = {},
): Promise<TestServer> {
  const distDir = dist && fakeDist(dist);
  const database = await createTestDatabase();
  const { dataDir } = database.options;
  const store = await openDatabase(database.options);
  await prepareDatabase(store, { seed: options.seed !== false });
  // Suites post many testimonies from one address: a generous limit unless a test sets its own.
  const app = await buildApp({ logger: false, rateLimit: { max: 10_000, windowMs: 60_000 }, ...(distDir ? { distDir } : {}), ...options, store });
  await app.ready();
  return {
    app,
    store,
    dataDir,
    databaseEnv: { DATA_DIR: dataDir, ...(database.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : {}) },
    distDir,
    async close() {
      await app.close();
      await store.close();
      await database.dispose();
      if (distDir) rmSync(distDir, { recursive: true, force: true });
    },
  };
}

function fakeDist(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spp-dist-'));
  mkdirSync(join(dir, 'assets'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A valid submission body; override any field. */
export function validSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    feeling: 'negative',
    structures: ['CAF-69'],
    channels: [{ channel: 'phone', feeling: 'negative' }],
    title: 'Attente au téléphone',
    body: 'J’ai attendu quarante minutes au téléphone avant de pouvoir parler à quelqu’un, puis la ligne a coupé.',
    postedAs: 'user',
    ...overrides,
  };
}

let keyCounter = 0;
export const newKey = (): string => `test-key-${process.pid}-${Date.now()}-${++keyCounter}`;

export function postTestimony(app: FastifyInstance, body: unknown, key: string | null = newKey(), headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/testimonies',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
