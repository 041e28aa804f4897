import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { rateLimitFromEnv, type RateLimitSettings } from '../../server/http/rate-limit.js';
import { redisMissing, startRedis, type RedisProcess } from '../helpers/redis.js';
import { newKey, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

const WINDOW_MS = 60_000;

const submit = (app: FastifyInstance, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/testimonies',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
    payload: JSON.stringify(validSubmission()),
  });

describe('rate limits across instances', { skip: redisMissing }, () => {
  let redis: RedisProcess;
  let server: TestServer;
  const extraApps: FastifyInstance[] = [];

  /** Another instance: its own process state (limiter, pool of counters), the same database. */
  const anotherInstance = async (rateLimit: RateLimitSettings) => {
    const app = await buildApp({ logger: false, store: server.store, rateLimit });
    await app.ready();
    extraApps.push(app);
    return app;
  };

  before(async () => {
    redis = await startRedis();
    server = await startTestServer({ rateLimit: { max: 4, windowMs: WINDOW_MS, redisUrl: redis.url } });
  });
  after(async () => {
    for (const app of extraApps) await app.close();
    await server?.close();
    await redis?.stop();
  });

  it('shares one limit per address between instances through Redis', async () => {
    const one = server.app;
    const two = await anotherInstance({ max: 4, windowMs: WINDOW_MS, redisUrl: redis.url });
    const address = '203.0.113.40';
    const statuses = [];
    for (const app of [one, two, one, two, one, two]) statuses.push((await submit(app, address)).statusCode);
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    const limited = await submit(two, address);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= WINDOW_MS / 1000, `Retry-After ${limited.headers['retry-after']}`);
    assert.equal((await submit(two, '203.0.113.41')).statusCode, 201, 'another address has its own count');
  });

  it('counts per process without Redis', async () => {
    const one = await anotherInstance({ max: 2, windowMs: WINDOW_MS });
    const two = await anotherInstance({ max: 2, windowMs: WINDOW_MS });
    const address = '203.0.113.50';
    const statuses = [];
    for (const app of [one, two, one, two, one, two]) statuses.push((await submit(app, address)).statusCode);
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
  });

  it('keeps accepting testimonies, promptly, when Redis goes down', async () => {
    const own = await startRedis();
    const app = await anotherInstance({ max: 2, windowMs: WINDOW_MS, redisUrl: own.url });
    const address = '203.0.113.60';
    assert.equal((await submit(app, address)).statusCode, 201);
    await own.stop();
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await submit(app, address);
      assert.equal(res.statusCode, 201, 'a limiter outage never loses a testimony');
      assert.ok(Date.now() - started < 1500, `answered in ${Date.now() - started} ms`);
    }
  });

  it('starts, unlimited, when Redis is unreachable', async () => {
    const gone = await startRedis();
    await gone.stop();
    const app = await anotherInstance({ max: 1, windowMs: WINDOW_MS, redisUrl: gone.url });
    assert.equal((await submit(app, '203.0.113.70')).statusCode, 201);
    assert.equal((await submit(app, '203.0.113.70')).statusCode, 201);
  });

  it('takes Redis from REDIS_URL', () => {
    assert.deepEqual(rateLimitFromEnv({ REDIS_URL: 'redis://cache.internal:6379' }), {
      max: 20,
      windowMs: 600_000,
      redisUrl: 'redis://cache.internal:6379',
    });
  });
});
