import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import { HttpProblem, requestLang, statusTitle } from './problem.js';

/**
 * Per-address rate limits for the routes that write (today: `POST /api/v1/testimonies`). A route opts in with
 * `options: rateLimited()`; every other route is unlimited. Over the limit: 429 problem+json with
 * `Retry-After` (seconds), which the form explains and honours before trying again.
 */

export interface RateLimitSettings {
  /** Requests per address per window. */
  max: number;
  windowMs: number;
}

/**
 * Defaults: 20 submissions per address per 10 minutes. A person writes one testimony at a time; a France
 * Services desk helping several people from one address stays well under it, and so do the form's retries.
 */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 20, windowMs: 10 * 60 * 1000 };

/** `RATE_LIMIT_MAX` and `RATE_LIMIT_WINDOW_MS`; `RATE_LIMIT_MAX=0` turns the limit off. */
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
  return { max, windowMs: read('RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs) || DEFAULT_RATE_LIMIT.windowMs };
}

/**
 * The one place where the counters live. In memory, per process, for now: enough for one instance. Several
 * instances need a shared store (Redis when `REDIS_URL` is set): return `{ redis }` from here.
 */
function counterStore(): Pick<RateLimitPluginOptions, 'redis' | 'store'> {
  return {};
}

function tooManyRequests(request: FastifyRequest, retryAfterSeconds: number): HttpProblem {
  const lang = requestLang(request);
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const detail =
    lang === 'en'
      ? `Too many submissions from your connection. Your text is kept: try again in ${seconds} s.`
      : `Trop d’envois depuis votre connexion. Votre texte est conservé : réessayez dans ${seconds} s.`;
  return new HttpProblem(429, statusTitle(429, lang), detail, undefined, { 'Retry-After': String(seconds) });
}

/** Registers the limiter (before the routes, which it hooks as they are added). */
export async function registerRateLimit(app: FastifyInstance, settings: RateLimitSettings | false): Promise<void> {
  if (!settings) return;
  await app.register(rateLimit, {
    global: false,
    max: settings.max,
    timeWindow: settings.windowMs,
    ...counterStore(),
    // Behind a proxy, `request.ip` is the client's only with TRUST_PROXY=1 (see app.ts).
    errorResponseBuilder: (request, context) => tooManyRequests(request, context.ttl / 1000),
  });
}

/** Route options that put a route under the per-address limit. */
export function rateLimited(): Record<string, unknown> {
  return { config: { rateLimit: {} } };
}
