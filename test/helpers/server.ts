import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.js';
import { migrate, openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import { seedDatabase } from '../../server/seed/index.js';

export interface TestServer {
  app: FastifyInstance;
  store: DatabaseHandle;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A real server on a real SQLite file in a fresh temporary folder, migrated and seeded.
 * Requests go through HTTP with `app.inject`.
 */
export async function startTestServer(options: { seed?: boolean } & Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spp-test-'));
  const store = await openDatabase({ dataDir });
  await migrate(store.db);
  if (options.seed !== false) await seedDatabase(store.db);
  // Suites post many testimonies from one address: a generous limit unless a test sets its own.
  const app = await buildApp({ logger: false, rateLimit: { max: 10_000, windowMs: 60_000 }, ...options, store });
  await app.ready();
  return {
    app,
    store,
    dataDir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
