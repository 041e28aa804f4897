import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching for a CDN in front of several instances. Public GETs (and their HEADs) carry a weak ETag computed
 * from the body, so every instance gives the same ETag for the same data and a CDN or the widgets' client can
 * revalidate against any of them (`304`). Everything else (errors, submissions, authenticated or private reads)
 * is `no-store`: a shared cache must never keep a moderation queue or a citizen's tracking page.
 */

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, identical for every caller: may be stored by shared caches. */
    cacheable?: boolean;
    /** Without `?lang=`, the body follows `Accept-Language` (so shared caches must key on it). */
    languageDependent?: boolean;
  }
}

/** Below this, compressing costs more than it saves (and most JSON errors or small objects fit). */
const COMPRESS_MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
// Bodies change only when data is published: compress each version once per encoding.
const compressed = new Map<string, Buffer>();
const COMPRESSED_ENTRIES = 500;

function negotiateEncoding(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accepted = new Set<string>();
  for (const part of String(request.headers['accept-encoding'] ?? '').toLowerCase().split(',')) {
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

function isPubliclyCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (
    request.routeOptions.config?.cacheable === true &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    reply.statusCode === 200 &&
    // A request carrying credentials is never answered from, or into, a shared cache.
    request.headers.authorization === undefined
  );
}

export function registerHttpCaching(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // An error may be gone on the next try (a structure just created, an instance just deployed): never keep it.
    if (reply.statusCode >= 400) {
      reply.header('Cache-Control', 'no-store');
      return payload;
    }
    if (!request.url.startsWith('/api/')) return payload;
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

    const match = String(request.headers['if-none-match'] ?? '')
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''));
    if (match.includes(etag.slice(2)) || match.includes('*')) {
      reply.code(304);
      return '';
    }
    const encoding = body.length >= COMPRESS_MIN_BYTES ? negotiateEncoding(request) : undefined;
    if (!encoding) return body;
    reply.header('Content-Encoding', encoding);
    return compress(body, etag, encoding);
  });
}
