import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../../src/contract/index.js';
import { apiText, requestLang, statusTitle } from './problem.js';

/**
 * Security headers on every answer (what `@fastify/helmet` would set, without its page-agnostic CSP):
 * - everything: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, and
 *   `Cross-Origin-Resource-Policy: cross-origin`, because the widget scripts and the API are made to be used
 *   from other sites (that, and not framing, is how this server is embedded);
 * - HTML pages: a CSP (a page that sets its own, like `/form`, `/suivi` or `/agent`, keeps it; the demo pages get
 *   `PAGE_CSP`), `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no page here is meant to be framed: a
 *   framed form or tracking page only helps clickjacking), `Cross-Origin-Opener-Policy: same-origin`;
 * - anything else (JSON, scripts): `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'`, so an
 *   answer opened as a document runs nothing.
 * An error answered as plain text by a plugin (CORS's "Invalid Preflight Request") becomes problem+json, like
 * every other error. HTML error pages for people (the form page's 404) stay HTML.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!reply.hasHeader('Referrer-Policy')) reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (type.startsWith('text/html')) {
      const csp = reply.getHeader('Content-Security-Policy');
      if (!csp) reply.header('Content-Security-Policy', PAGE_CSP);
      else if (!/frame-ancestors/.test(String(csp))) reply.header('Content-Security-Policy', `${String(csp)}; frame-ancestors 'none'`);
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Cross-Origin-Opener-Policy', 'same-origin');
      return payload;
    }
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', RESOURCE_CSP);
    if (reply.statusCode >= 400 && !type.startsWith(PROBLEM_CONTENT_TYPE) && !type.startsWith('application/json')) {
      const lang = requestLang(request);
      const detail =
        request.method === 'OPTIONS'
          ? apiText(lang, 'corsPreflight')
          : typeof payload === 'string' && payload.length < 200
            ? payload
            : undefined;
      reply.header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
      reply.removeHeader('content-length');
      return JSON.stringify({
        type: 'about:blank',
        title: statusTitle(reply.statusCode, lang),
        status: reply.statusCode,
        ...(detail ? { detail } : {}),
        instance: request.url.split('?')[0],
      });
    }
    return payload;
  });
}
