import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLang } from './problem.js';
import type { ResponseCache } from './response-cache.js';

/**
 * HTTP caching for a CDN in front of several instances. Public GETs (and their HEADs) carry a weak ETag computed
 * from the body, so every instance gives the same ETag for the same data and a CDN or the widgets' client can
 * revalidate against any of them (`304`). Everything else (errors, submissions, authenticated or private reads)
 * is `no-store`: a shared cache must never keep a moderation queue or a citizen's tracking page.
 * Not `@fastify/etag`: a cache hit is answered (and revalidated) in `onRequest`, before any handler, with the ETag
 * stored beside the body; the tag must be of the body before compression; it must not tag errors or private
 * reads; and `If-None-Match` may list several tags. That plugin tags every answer in `onSend` and compares one tag.
 */

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, identical for every caller: may be stored by shared caches. */
    cacheable?: boolean;
    /** Without `?lang=`, the body follows `Accept-Language` (so shared caches must key on it). */
    languageDependent?: boolean;
    /** A page holding fragments (server/routes/fragment-pages.ts): cached like them, outside `/api/` and `/fragments/`. */
    composedPage?: boolean;
  }
}

/** Below this, compressing costs more than it saves (and most JSON errors or small objects fit). */
const COMPRESS_MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
// Bodies change only when data is published: compress each version once per encoding.
const compressed = new Map<string, Buffer>();
const COMPRESSED_ENTRIES = 500;

/** Browsers send a handful of distinct `Accept-Encoding` values: each is parsed once. */
const negotiated = new Map<string, 'br' | 'gzip' | undefined>();

function negotiateEncoding(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const header = String(request.headers['accept-encoding'] ?? '');
  if (negotiated.has(header)) return negotiated.get(header);
  const encoding = parseAcceptEncoding(header);
  if (negotiated.size < 100) negotiated.set(header, encoding);
  return encoding;
}

function parseAcceptEncoding(header: string): 'br' | 'gzip' | undefined {
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

async function compress(body: Buffer, etag: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding} ${etag}`;
  const hit = compressed.get(key);
  if (hit) {
    compressed.delete(key);
    compressed.set(key, hit);
    return hit;
  }
  const out =
    encoding === 'br'
      ? await brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : await gzipAsync(body, { level: 6 });
  compressed.set(key, out);
  if (compressed.size > COMPRESSED_ENTRIES) compressed.delete(compressed.keys().next().value!);
  return out;
}

const appendVary = (reply: FastifyReply, field: string) => {
  const current = String(reply.getHeader('vary') ?? '');
  const fields = current.split(',').map((f) => f.trim()).filter(Boolean);
  if (!fields.some((f) => f.toLowerCase() === field.toLowerCase())) reply.header('Vary', [...fields, field].join(', '));
};

function isPublicRead(request: FastifyRequest): boolean {
  return (
    request.routeOptions.config?.cacheable === true &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    // A request carrying credentials is never answered from, or into, a shared cache.
    request.headers.authorization === undefined
  );
}

function isPubliclyCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return reply.statusCode === 200 && isPublicRead(request);
}

function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const match = String(header)
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''));
  return match.includes(etag.slice(2)) || match.includes('*');
}

/** The API and the server-rendered fragments (`server/routes/fragments.ts`), which are made from it. */
const isCachedPath = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || request.url.startsWith('/fragments/') || request.routeOptions.config?.composedPage === true;

/**
 * The body depends on the URL (path and query, `lang` included), on the language picked from `Accept-Language`, and
 * on the host asked: without `PUBLIC_URL`, a fragment's script and form link, and the demo pages' links, are on the
 * request's own origin. The encoding is chosen per request from the entry's variants. Nothing else of the request
 * reaches a public GET.
 */
const cacheKey = (request: FastifyRequest) => `${requestLang(request)} ${request.host} ${request.url}`;

export function registerHttpCaching(app: FastifyInstance, cache?: ResponseCache): void {
  /** Requests that missed the cache: where to store their answer, and the data version it was read under. */
  const pending = new WeakMap<FastifyRequest, { key: string; version: number }>();
  const served = new WeakSet<FastifyRequest>();

  if (cache?.enabled) {
    // Callback style: a hit is answered without a promise per request on the hot path.
    app.addHook('onRequest', (request, reply, done) => {
      if (!isCachedPath(request) || !isPublicRead(request)) return done();
      const key = cacheKey(request);
      const entry = cache.get(key);
      if (!entry) {
        // Read before the handler queries: a write landing meanwhile moves the version and the answer is not kept.
        pending.set(request, { key, version: cache.version.current });
        return done();
      }
      served.add(request);
      reply.headers({ 'content-type': entry.contentType, etag: entry.etag, 'cache-control': PUBLIC_CACHE, vary: entry.vary });
      if (matchesEtag(request, entry.etag)) return void reply.code(304).send('');
      const encoding = entry.body.length >= COMPRESS_MIN_BYTES ? negotiateEncoding(request) : undefined;
      if (!encoding) return void reply.send(entry.body);
      const encoded = entry.encoded[encoding];
      if (encoded) return void reply.header('content-encoding', encoding).send(encoded);
      compress(entry.body, entry.etag, encoding).then(
        (made) => {
          entry.encoded[encoding] = made;
          reply.header('content-encoding', encoding).send(made);
        },
        (error: unknown) => done(error as Error),
      );
    });
  }

  app.addHook('onSend', async (request, reply, payload) => {
    if (served.has(request)) return payload;
    // An error may be gone on the next try (a structure just created, an instance just deployed): never keep it.
    if (reply.statusCode >= 400) {
      reply.header('Cache-Control', 'no-store');
      return payload;
    }
    if (!isCachedPath(request)) return payload;
    if (!isPubliclyCacheable(request, reply) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
      return payload;
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    reply.header('ETag', etag);
    reply.header('Cache-Control', PUBLIC_CACHE);
    appendVary(reply, 'Accept-Encoding');
    const query = request.query as Record<string, unknown> | undefined;
    if (request.routeOptions.config?.languageDependent && query?.lang === undefined) appendVary(reply, 'Accept-Language');

    const miss = pending.get(request);
    if (miss) {
      cache!.set(miss.key, miss.version, {
        body,
        etag,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        vary: String(reply.getHeader('vary')),
      });
    }
    if (matchesEtag(request, etag)) {
      reply.code(304);
      return '';
    }
    const encoding = body.length >= COMPRESS_MIN_BYTES ? negotiateEncoding(request) : undefined;
    if (!encoding) return body;
    reply.header('Content-Encoding', encoding);
    return compress(body, etag, encoding);
  });
}
