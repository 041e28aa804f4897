import { once } from 'node:events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { apiText, HttpProblem, requestLang, statusTitle } from './problem.js';

/**
 * Per-address rate limits for the routes that write (today: `POST /api/v1/testimonies`). A route opts in with
 * `options: rateLimited()`; every other route is unlimited. Over the limit: 429 problem+json with
 * `Retry-After` (seconds), which the form explains and honours before trying again.
 */

export interface RateLimitSettings {
  /** Requests per address per window. */
  max: number;
  windowMs: number;
  /** `redis://...`: counters shared by every instance using this Redis; without it, each process counts alone. */
  redisUrl?: string;
}

/**
 * Defaults: 20 submissions per address per 10 minutes. A person writes one testimony at a time; a France
 * Services desk helping several people from one address stays well under it, and so do the form's retries.
 */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 20, windowMs: 10 * 60 * 1000 };

/** `RATE_LIMIT_MAX`, `RATE_LIMIT_WINDOW_MS` and `REDIS_URL`; `RATE_LIMIT_MAX=0` turns the limit off. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitSettings | false {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
    return value;
  };
  const max = read('RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT.max);
  if (max === 0) return false;
  const windowMs = read('RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs) || DEFAULT_RATE_LIMIT.windowMs;
  return env.REDIS_URL ? { max, windowMs, redisUrl: env.REDIS_URL } : { max, windowMs };
}

/**
 * The one place where the counters live: in memory, per process, for one instance; in Redis when `REDIS_URL` is
 * set, so N instances behind a load balancer enforce one limit per address rather than N.
 */
async function counterStore(
  app: FastifyInstance,
  settings: RateLimitSettings,
): Promise<Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>> {
  if (!settings.redisUrl) return {};
  const redis = new Redis(settings.redisUrl, {
    // A citizen's submission must not wait on, or fail because of, the limiter: when Redis is slow or down a
    // command fails fast (no offline queue, a short timeout) and the request goes through unlimited.
    enableOfflineQueue: false,
    commandTimeout: 500,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    lazyConnect: false,
  });
  // One line per outage, not one per reconnection attempt.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) app.log.warn({ err: error }, 'rate limit: Redis unavailable, requests are not limited until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) app.log.info('rate limit: Redis is back');
    down = false;
  });
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  // Start counting from the first request when Redis is there; start anyway (unlimited) when it is not.
  await once(redis, 'ready', { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  return { redis, nameSpace: 'spp:rate-limit:', skipOnError: true };
}

function tooManyRequests(request: FastifyRequest, retryAfterSeconds: number): HttpProblem {
  const lang = requestLang(request);
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const detail = apiText(lang, 'tooManySubmissions', { seconds });
  return new HttpProblem(429, statusTitle(429, lang), detail, undefined, { 'Retry-After': String(seconds) });
}

/** Registers the limiter (before the routes, which it hooks as they are added). */
export async function registerRateLimit(app: FastifyInstance, settings: RateLimitSettings | false): Promise<void> {
  if (!settings) return;
  await app.register(rateLimit, {
    global: false,
    max: settings.max,
    timeWindow: settings.windowMs,
    ...(await counterStore(app, settings)),
    // Behind a load balancer, `request.ip` is the client's only with TRUST_PROXY set (see http/trust-proxy.ts).
    errorResponseBuilder: (request, context) => tooManyRequests(request, context.ttl / 1000),
  });
}

/**
 * Route options that put a route under the per-address limit. `isReplay` (checked once the body is parsed)
 * exempts a request that only asks again for an answer already given (same Idempotency-Key, same body): a
 * citizen who lost the first answer gets the tracking link back at once, and the replay is not counted.
 */
export function rateLimited(isReplay?: (request: FastifyRequest) => Promise<boolean>): Record<string, unknown> {
  if (!isReplay) return { config: { rateLimit: {} } };
  return {
    config: {
      rateLimit: {
        hook: 'preValidation',
        allowList: (request: FastifyRequest) => isReplay(request).catch(() => false),
      },
    },
  };
}
