import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
    response.writeHead(200, {
      'content-type': page.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...page.headers,
    });
    response.end(page.body);
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

export interface HostPageOptions {
  /** The widgets' script URL (the API origin's `/widgets/spp-widgets.js`); omitted for a static page. */
  scriptUrl?: string;
  /** Markup of the widgets (or their static copy). */
  widgets: string;
  title?: string;
  /** Extra markup at the end of `<head>` (styles, meta). */
  head?: string;
  /** Height of empty space before the widgets, to keep them below the fold at first. */
  spacerPx?: number;
}

/**
 * A plain content page of a public service, the widgets in the middle of its text: what grows or moves
 * when a widget renders shows up as layout shift of the text after it.
 */
export function hostPageHtml(options: HostPageOptions): string {
  const script = options.scriptUrl ? `<script type="module" src="${options.scriptUrl}"></script>` : '';
  const spacer = options.spacerPx ? `<div class="spacer" style="height:${options.spacerPx}px"></div>` : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'Un service public – page de test'}</title>
${script}
${options.head ?? ''}
</head>
<body>
<header><p>République française – Un service public</p></header>
<main>
<h1>Nos engagements de qualité de service</h1>
<p>Ce service participe au programme Services Publics+. Voici notre promesse, nos résultats et ce que vous nous dites.</p>
${spacer}
${options.widgets}
<p>Pour toute question, contactez-nous par téléphone du lundi au vendredi, de 9 h à 17 h, ou prenez rendez-vous en ligne.</p>
<p>Les informations de cette page sont mises à jour chaque trimestre.</p>
</main>
<footer><p>Mentions légales – Accessibilité : partiellement conforme</p></footer>
</body>
</html>`;
}
