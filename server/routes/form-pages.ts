import type { FastifyInstance, FastifyReply } from 'fastify';
import { REFERENCE_PATTERN, type Lang } from '../../src/contract/common.js';
import type { ApiContext } from '../http/context.js';
import { queryLang, strings } from '../i18n.js';
import { PAGES_FR } from './pages.strings.js';
import { PAGES_EN } from './pages.strings.en.js';
import { getStructureSummary } from '../store/structures.js';
import { sendHtml, escapeHtml } from '../http/html.js';

/**
 * Pages the API hosts for citizens:
 * - `/form/{structure}` (and `/form`): the testimony form on a page of its own, for sites that strip scripts
 *   and can only link (`<spp-testimony-form mode="link">` points here);
 * - `/suivi/{reference}`: the author's private tracking page. The token stays in the fragment (`#token=…`),
 *   which browsers never send to a server nor put in a Referer; the element reads it from the address.
 * Both load the same widget script as any host page, under a strict CSP.
 */

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;


const PAGES = strings(PAGES_FR, PAGES_EN);

function page(lang: Lang, title: string, main: string): string {
  const t = PAGES.in(lang);
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)} – ${t('site')}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/form-page.css" />
    <script type="module" src="/widgets/spp-widgets.js"></script>
  </head>
  <body>
    <header class="bar"><p class="brand">${t('site')}</p></header>
    <main class="page">
      <h1>${escapeHtml(title)}</h1>
${main}
    </main>
    <footer class="page footer"><p>${t('footer')}</p></footer>
  </body>
</html>
`;
}

const send = (reply: FastifyReply, status: number, html: string, cache: string): FastifyReply => sendHtml(reply, status, html, { csp: CSP, cache });

export function registerFormPages(app: FastifyInstance, { store }: ApiContext): void {
  const formPage = async (code: string | undefined, lang: Lang, reply: FastifyReply) => {
    const t = PAGES.in(lang);
    const langAttr = lang === 'en' ? ' lang="en"' : '';
    if (code !== undefined) {
      const structure = CODE.test(code) ? await getStructureSummary(store.db, code) : undefined;
      if (!structure) {
        const main = `      <p>${t('notFound')}</p>\n      <p><a href="/form${lang === 'en' ? '?lang=en' : ''}">${t('searchInstead')}</a></p>`;
        return send(reply, 404, page(lang, t('notFoundTitle'), main), 'no-store');
      }
      const main = `      <spp-testimony-form structure="${escapeHtml(structure.code)}" heading-level="2"${langAttr}></spp-testimony-form>
      <noscript><p>${t('noscript')}</p></noscript>`;
      return send(reply, 200, page(lang, t('formTitleNamed', { name: structure.name }), main), 'public, max-age=300');
    }
    const main = `      <spp-testimony-form heading-level="2"${langAttr}></spp-testimony-form>
      <noscript><p>${t('noscript')}</p></noscript>`;
    return send(reply, 200, page(lang, t('formTitle'), main), 'public, max-age=300');
  };

  app.get('/form', async (request, reply) => formPage(undefined, queryLang(request.query), reply));
  app.get<{ Params: { structure: string } }>('/form/:structure', async (request, reply) =>
    formPage(request.params.structure, queryLang(request.query), reply),
  );

  app.get<{ Params: { reference: string } }>('/suivi/:reference', async (request, reply) => {
    const lang = queryLang(request.query);
    const t = PAGES.in(lang);
    const reference = request.params.reference;
    const langAttr = lang === 'en' ? ' lang="en"' : '';
    // The reference is checked here only to refuse junk; the token (in the fragment) is checked by the API.
    const main = REFERENCE_PATTERN.test(reference)
      ? `      <spp-testimony-tracking reference="${escapeHtml(reference)}" heading-level="2"${langAttr}></spp-testimony-tracking>
      <noscript><p>${t('noscript')}</p></noscript>`
      : `      <p>${t('notFound')}</p>`;
    return send(reply, REFERENCE_PATTERN.test(reference) ? 200 : 404, page(lang, t('trackingTitle'), main), 'no-store');
  });
}
