import { constants as zlib } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

/**
 * Compression of everything else the server sends: demo pages and their CSS/JS, the configurator, the form and
 * tracking pages, the agent page, the kit pages, and JSON not covered by the public cache. Three paths, one rule
 * (brotli when the client accepts it, else gzip, else nothing; `Vary: Accept-Encoding` on every text answer):
 * - `/widgets/*`: precompressed `.br`/`.gz` files (scripts/compress.mjs, brotli 11) sent as they are by
 *   `@fastify/static`; an answer that already has a `Content-Encoding` is never compressed again;
 * - public API GETs: compressed once per ETag and kept (`http/caching.ts`);
 * - the rest (this plugin): compressed per request, brotli quality 4. Measured on the demo files: quality 11
 *   saves 15–20 % more (configurator.js 7.2 → 6.0 KB) but costs 50–160 ms of CPU per answer, quality 4 costs
 *   0.1–3 ms; these pages are hand-written files of 4–23 KB, so the difference is about 1 KB on a slow 4G line.
 * Below 1 KB nothing is compressed (the headers would cost more than it saves). Streams (`@fastify/static`
 * files) are compressed as they flow; 304s and HEADs carry no body, so nothing is compressed there.
 */

/** Content types worth compressing: text, JSON, JavaScript, SVG and XML (not PDFs, PNGs or fonts). */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:javascript|(?:[\w.+-]+\+)?json|(?:[\w.+-]+\+)?xml)|image\/svg\+xml)/i;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Route-level hooks: applies to the routes registered after this (so register it before them).
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });

  // The plugin names `Accept-Encoding` in `Vary` only when it compressed; an answer sent uncompressed (a client
  // without gzip, a body under 1 KB that may grow) must say so too, or a shared cache could hand the
  // uncompressed copy to everyone. Lower case, as the plugin and `@fastify/static` write it (they look for it).
  app.addHook('onSend', async (request, reply, payload) => {
    // No body to compress: the plugin would still send a 1-byte empty brotli stream and `Content-Encoding`
    // (a 304 from @fastify/static carries its stream). Its documented opt-out is this request header.
    if (request.method === 'HEAD' || reply.statusCode === 304 || reply.statusCode === 204) request.headers['x-no-compression'] = '1';
    // A 304 has no Content-Type but must carry the Vary its 200 would have (RFC 9110, 15.4.5).
    if (reply.statusCode !== 304 && !COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding|\*/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    return payload;
  });
}
