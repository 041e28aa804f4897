import type { Problem } from '../contract/problem.js';
import { ApiError } from './api-error.js';

export { ApiError, type ApiErrorKind } from './api-error.js';

/**
 * Worth trying again later: the network, a timeout, a server error or a rate limit. Here with the retries, not on
 * `ApiError`: a page that never retries (the banner alone) does not download it.
 */
export function isTransient(error: ApiError): boolean {
  const { kind, status = 0 } = error;
  return kind === 'network' || kind === 'timeout' || (kind === 'http' && (status >= 500 || status === 429 || status === 408));
}

/**
 * The API client: timeouts, retries with exponential backoff honouring `Retry-After`, an in-memory ETag cache
 * shared by every element of the page, and strict parsing (a response that does not match the contract is an
 * error, never half-rendered).
 */

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Per attempt. Default 8 s. */
  timeoutMs?: number;
  /** Extra attempts after the first on transient failures. Default 2 for GET, 0 otherwise. */
  retries?: number;
  /** First backoff delay; doubles each attempt (with jitter), capped at 30 s. Default 500 ms. */
  backoffMs?: number;
  signal?: AbortSignal;
  /** Called before each retry, e.g. to show "nouvelle tentative dans 4 s". */
  onRetry?: (info: { attempt: number; delayMs: number; error: ApiError }) => void;
}

export interface JsonResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const MAX_BACKOFF_MS = 30_000;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('aborted', 'aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ApiError('aborted', 'aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` in seconds or as an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(attempt: number, baseMs: number, error: ApiError): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_BACKOFF_MS * 4);
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

const isJson = (type: string | null) => !!type && /^application\/([\w.+-]+\+)?json\b/i.test(type);

async function attempt(url: string, options: RequestOptions, headers: Record<string, string>): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeoutMs = options.timeoutMs ?? 8000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
      credentials: 'omit',
      mode: 'cors',
    });
  } catch (error) {
    if (options.signal?.aborted) throw new ApiError('aborted', 'aborted');
    if (timedOut) throw new ApiError('timeout', `no answer within ${timeoutMs} ms`);
    throw new ApiError('network', error instanceof Error ? error.message : 'network error');
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (!isJson(response.headers.get('content-type'))) {
    throw new ApiError('malformed', `expected JSON, got ${response.headers.get('content-type') ?? 'no content type'}`, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError('malformed', 'invalid JSON', response.status);
  }
}

async function httpError(response: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  if (isJson(response.headers.get('content-type'))) {
    try {
      const body = (await response.json()) as Problem;
      if (body && typeof body === 'object' && typeof body.status === 'number') problem = body;
    } catch {
      // the status code alone tells enough
    }
  }
  return new ApiError(
    'http',
    problem?.detail ?? problem?.title ?? `HTTP ${response.status}`,
    response.status,
    problem,
    parseRetryAfter(response.headers.get('retry-after')),
  );
}

interface CacheEntry {
  etag: string;
  data: unknown;
}
const etagCache = new Map<string, CacheEntry>();
const inflight = new Map<string, Promise<JsonResponse<unknown>>>();

/** Forget cached responses (tests, or after a write that changes what a GET returns). */
export function clearCache(): void {
  etagCache.clear();
  inflight.clear();
}

async function send<T>(url: string, parse: (data: unknown) => T, options: RequestOptions): Promise<JsonResponse<T>> {
  const method = options.method ?? 'GET';
  const retries = options.retries ?? (method === 'GET' ? 2 : 0);
  const cached = method === 'GET' ? etagCache.get(url) : undefined;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (cached) headers['If-None-Match'] = cached.etag;

  for (let n = 0; ; n++) {
    try {
      const response = await attempt(url, options, headers);
      if (response.status === 304 && cached) {
        return { status: 200, data: parse(cached.data), headers: response.headers };
      }
      if (!response.ok) throw await httpError(response);
      const raw = await readJson(response);
      let data: T;
      try {
        data = parse(raw);
      } catch {
        throw new ApiError('malformed', 'the response does not match the API contract', response.status);
      }
      const etag = response.headers.get('etag');
      if (method === 'GET' && etag) etagCache.set(url, { etag, data: raw });
      return { status: response.status, data, headers: response.headers };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
      if (!isTransient(apiError) || n >= retries) throw apiError;
      const delayMs = backoffDelay(n, options.backoffMs ?? 500, apiError);
      options.onRetry?.({ attempt: n + 1, delayMs, error: apiError });
      await sleep(delayMs, options.signal);
    }
  }
}

/**
 * Requests JSON and parses it with a contract schema. Concurrent identical GETs share one request.
 * Throws `ApiError` for every failure.
 */
export function requestJson<T>(url: string, parse: (data: unknown) => T, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  if ((options.method ?? 'GET') !== 'GET' || options.signal) return send(url, parse, options);
  const pending = inflight.get(url) as Promise<JsonResponse<T>> | undefined;
  if (pending) return pending;
  const request = send(url, parse, options).finally(() => inflight.delete(url));
  inflight.set(url, request);
  return request;
}

export async function getJson<T>(url: string, parse: (data: unknown) => T, options: RequestOptions = {}): Promise<T> {
  return (await requestJson(url, parse, options)).data;
}
