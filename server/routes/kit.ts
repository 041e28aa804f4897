import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { queryLang } from '../i18n.js';
import type { ApiContext } from '../http/context.js';
import { loadKit, type KitData } from '../kit/data.js';
import { escapeHtml } from '../http/html.js';
import { publicOrigin } from '../http/origin.js';
import { KIT, kitText } from '../kit/format.js';
import { kitPage, notFoundPage, pageShell } from '../kit/page.js';
import { engagementsPdf, resultsPdf, type PaperSize } from '../kit/pdf.js';
import { signatureHtml } from '../kit/signature.js';
import { socialPng } from '../kit/social.js';
import { apiText } from '../http/problem.js';

/**
 * The communication kit of one structure (`/kit/{code}`, its files below it) and the two public pages its links
 * and QR codes point to: `/resultats/{code}` (the results card, the improvement plan) and `/temoignages/{code}`
 * (published experiences with the replies). The kit follows the data: no file is stored, each is made on request.
 */

const KIT_CSS = readFileSync(new URL('../kit/assets/kit.css', import.meta.url), 'utf8');
const KIT_JS = readFileSync(new URL('../kit/assets/kit.js', import.meta.url), 'utf8');

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The signature is a document of inline styles only (what mail clients keep) and no script.
const SIGNATURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const PUBLIC_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

function html(reply: FastifyReply, status: number, body: string, csp = PAGE_CSP): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', csp)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', status === 200 ? 'no-cache' : 'no-store')
    .send(body);
}

function file(reply: FastifyReply, type: string, name: string, body: Buffer | string, inline = true): FastifyReply {
  return reply
    .code(200)
    .type(type)
    .header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-cache')
    .send(body);
}

const fileName = (data: KitData, suffix: string) => `${data.structure.code.replace(/[^A-Za-z0-9_.-]/g, '_')}-${suffix}`;

export function registerKitRoutes(app: FastifyInstance, { store, publicUrl }: ApiContext): void {
  const origin = (request: FastifyRequest) => publicOrigin(request, publicUrl);

  /** Loads the kit, or answers the 404 page (in the asked language) and returns undefined. */
  async function kitOr404(request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply): Promise<KitData | undefined> {
    const lang = queryLang(request.query);
    const data = await loadKit(store, request.params.code, lang, origin(request));
    if (!data) {
      const path = `/kit/${encodeURIComponent(request.params.code)}`;
      html(reply, 404, notFoundPage(lang, lang === 'en' ? path : `${path}?lang=en`));
    }
    return data;
  }

  app.get('/kit/assets/kit.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(KIT_CSS));
  app.get('/kit/assets/kit.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(KIT_JS));

  app.get<{ Params: { code: string } }>('/kit/:code', async (request, reply) => {
    const data = await kitOr404(request, reply);
    if (data) return html(reply, 200, kitPage(data));
    return reply;
  });

  app.get<{ Params: { code: string }; Querystring: { size?: string } }>('/kit/:code/engagements.pdf', async (request, reply) => {
    const size = (request.query.size ?? 'A4').toUpperCase();
    if (size !== 'A4' && size !== 'A3') {
      const lang = queryLang(request.query);
      return reply
        .code(400)
        .type('application/problem+json')
        .header('Cache-Control', 'no-store')
        .send({
          type: 'about:blank',
          title: apiText(lang, 'kitBadRequest'),
          status: 400,
          errors: [{ field: 'size', code: 'invalid_value', message: apiText(lang, 'kitSize') }],
        });
    }
    const data = await kitOr404(request, reply);
    if (!data) return reply;
    return file(reply, 'application/pdf', fileName(data, `engagements-${size}.pdf`), await engagementsPdf(data, size as PaperSize));
  });

  app.get<{ Params: { code: string } }>('/kit/:code/results.pdf', async (request, reply) => {
    const data = await kitOr404(request, reply);
    if (!data) return reply;
    if (!data.figures.length) {
      const t = KIT[data.lang];
      return html(reply, 404, pageShell(data.lang, t.resultsPdf, `<h1>${t.resultsPdf}</h1>\n<p>${t.noResultsPdf}</p>\n<p><a href="${escapeHtml(data.links.kit)}">${escapeHtml(kitText(data.lang, 'kitTitle', { name: data.structure.name }))}</a></p>`, data.links.kit));
    }
    return file(reply, 'application/pdf', fileName(data, 'resultats.pdf'), await resultsPdf(data));
  });

  app.get<{ Params: { code: string } }>('/kit/:code/signature.html', async (request, reply) => {
    const data = await kitOr404(request, reply);
    if (!data) return reply;
    return html(reply, 200, signatureHtml(data), SIGNATURE_CSP);
  });

  app.get<{ Params: { code: string; n: string } }>('/kit/:code/social/:n(^\\d{1,2}).png', async (request, reply) => {
    const data = await kitOr404(request, reply);
    if (!data) return reply;
    const png = socialPng(data, Number(request.params.n));
    if (!png) return html(reply, 404, notFoundPage(data.lang, data.links.kit));
    return file(reply, 'image/png', fileName(data, `${request.params.n}.png`), png);
  });

  // The public pages the kit's links and QR codes lead to: the same widgets a webmaster pastes.
  const publicPage = (kind: 'results' | 'testimonies') => async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) => {
    const lang = queryLang(request.query);
    const data = await loadKit(store, request.params.code, lang, origin(request));
    if (!data) return html(reply, 404, notFoundPage(lang, `/${kind === 'results' ? 'resultats' : 'temoignages'}/${encodeURIComponent(request.params.code)}`), PUBLIC_CSP);
    const code = escapeHtml(data.structure.code);
    const langAttr = lang === 'en' ? ' lang="en"' : '';
    const title = kitText(lang, kind === 'results' ? 'publicResultsTitle' : 'publicTestimoniesTitle', { name: data.structure.name });
    const widgets =
      kind === 'results'
        ? `<spp-results structure="${code}" results-url="${escapeHtml(data.links.results)}"${langAttr}></spp-results>\n<spp-improvements structure="${code}"${langAttr}></spp-improvements>`
        : `<spp-testimonies structure="${code}" heading-level="2"${langAttr}></spp-testimonies>`;
    const other = kind === 'results' ? `<p><a href="${escapeHtml(data.links.testimonies)}">${kitText(lang, 'publicTestimoniesLink')}</a></p>` : `<p><a href="${escapeHtml(data.links.results)}">${kitText(lang, 'publicResultsLink')}</a></p>`;
    const body = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Services Publics+</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/form-page.css">
<script type="module" src="/widgets/spp-widgets.js"></script>
</head>
<body>
<header class="bar"><p class="brand">Services Publics+</p></header>
<main class="page">
<h1>${escapeHtml(title)}</h1>
${widgets}
<p><a href="${escapeHtml(data.links.form)}">${kitText(lang, 'publicFormLink')}</a></p>
${other}
</main>
</body>
</html>
`;
    return html(reply, 200, body, PUBLIC_CSP);
  };
  app.get<{ Params: { code: string } }>('/resultats/:code', publicPage('results'));
  app.get<{ Params: { code: string } }>('/temoignages/:code', publicPage('testimonies'));
}
