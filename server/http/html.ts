import type { FastifyReply } from 'fastify';

/** Text made safe for HTML content and quoted attributes: the server's one escaper (pages, kit, e-mails). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An element's attributes as HTML (` name="value"` each, values escaped): fragments, pages holding them, the form link. */
export const attributesHtml = (attributes: Record<string, string>): string =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');

/** A whole HTML page the server writes itself, under its own CSP, never sniffed, never leaking a Referer. */
export function sendHtml(reply: FastifyReply, status: number, html: string, { csp, cache }: { csp: string; cache: string }): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', csp)
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', cache)
    .send(html);
}
