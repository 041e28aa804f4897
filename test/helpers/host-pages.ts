import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export { hostPageBody, hostPageHtml, type HostPageOptions } from './host-page-html.js';

/**
 * A webmaster's site: pages on their own origin (another port than the API), embedding the widgets with the
 * one script tag from the API origin, exactly as the snippet says. Used by the bench and the resilience tests.
 */

export interface HostPage {
  body: string;
  /** `text/html; charset=utf-8` unless given. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface HostServer {
  /** Origin of the host site, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Adds or replaces a page; returns its absolute URL. */
  page(path: string, page: HostPage | string): string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, HostPage>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const page = pages.get(path);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const contentType = page.contentType ?? 'text/html; charset=utf-8';
    // Compressed like a real site's pages (brotli, else gzip; text of 1 KB or more), so the bench's Lighthouse rows
    // do not count an uncompressed host page against the widgets.
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding =
      page.headers?.['content-encoding'] || !/^text\/|javascript|json/.test(contentType) || Buffer.byteLength(page.body) < 1024
        ? undefined
        : /\bbr\b/.test(accepted)
          ? 'br'
          : /\bgzip\b/.test(accepted)
            ? 'gzip'
            : undefined;
    response.writeHead(200, {
      'content-type': contentType,
      'cache-control': 'no-store',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...page.headers,
    });
    response.end(
      encoding === 'br'
        ? brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : encoding === 'gzip'
          ? gzipSync(page.body)
          : page.body,
    );
  });
  // Keep-alive sockets would hold `close()` until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(path, page) {
      pages.set(path, typeof page === 'string' ? { body: page } : page);
      return `${url}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
