import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const PAGE = readFileSync(new URL('../agent/page.html', import.meta.url), 'utf8');
const STYLES = readFileSync(new URL('../agent/page.css', import.meta.url), 'utf8');

/**
 * The page agents moderate and reply on hands a token to the admin API: it runs under a strict policy (only
 * this server's scripts, styles and API; no inline code; no framing, against clickjacking) and is never cached.
 */
const HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** `GET /agent` (the agent page) and its stylesheet. The module itself is `/widgets/spp-agent.js`. */
export function registerAgentPage(app: FastifyInstance): void {
  app.get('/agent', async (_request, reply) => reply.headers(HEADERS).type('text/html; charset=utf-8').send(PAGE));
  app.get('/agent/page.css', async (_request, reply) => reply.headers(HEADERS).type('text/css; charset=utf-8').send(STYLES));
}
