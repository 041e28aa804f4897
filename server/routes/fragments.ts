import { readFile } from 'node:fs/promises';
import { attributesHtml, escapeHtml } from '../http/html.js';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpProblem, requestLang, statusTitle } from '../http/problem.js';
import { PAGE_CSP } from '../http/security-headers.js';
import { publicOrigin } from '../http/origin.js';
import { WIDGETS_SCRIPT } from '../widgets.js';
import { FRAGMENT_TAGS, fragmentStyleHashes, renderFragment, scriptTag, serveFragmentsFrom, type FragmentTag } from '../fragments/render.js';

/**
 * `GET /fragments/{tag}?structure=&lang=&theme=&…`: the element with its content rendered on the server as
 * declarative shadow DOM, to include in a page server-side (CMS, static-site build, `<esi:include>`); the widget
 * script then adopts it without rendering it again. See docs/fragments.md. Cached like the API (ETag, 304,
 * `Cache-Control`, the in-memory response cache: see server/http/caching.ts). Unknown structure: 404 with the
 * element's own "unknown" message; a tag or attribute it does not take: problem+json 400 naming it.
 */

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
const LEVEL = /^[1-6]$/;
/** A link a host page gives; never one that runs script. */
const HREF = /^(?!\s*(javascript|data|vbscript):)[^\s<>"]{1,500}$/i;

type Check = (value: string) => boolean;
export const COMMON: Record<string, Check> = {
  structure: (v) => CODE.test(v),
  lang: (v) => v === 'fr' || v === 'en',
  theme: (v) => v === 'dsfr' || v === 'neutral',
  'heading-level': (v) => LEVEL.test(v),
};
export const ATTRIBUTES: Record<FragmentTag, Record<string, Check>> = {
  'spp-engagements': {
    ...COMMON,
    variant: (v) => v === 'full' || v === 'compact' || v === 'badge',
    highlight: (v) => /^[0-9]{1,2}(,[0-9]{1,2}){0,8}$/.test(v),
    href: (v) => HREF.test(v),
  },
  'spp-results': {
    ...COMMON,
    'network-href': (v) => HREF.test(v),
    'feedback-href': (v) => HREF.test(v),
    'results-url': (v) => HREF.test(v),
  },
  'spp-testimonies': { ...COMMON, 'page-size': (v) => /^[0-9]{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 50 },
  'spp-improvements': { ...COMMON, 'testimonies-href': (v) => HREF.test(v) },
};

/** Attributes a fragment always carries: hydration needs the client to compute what the server did. */
export const DEFAULTS: Record<string, string> = { lang: 'fr', theme: 'dsfr', 'heading-level': '2' };

function badRequest(lang: 'fr' | 'en', field: string, fr: string, en: string): HttpProblem {
  return new HttpProblem(400, statusTitle(400, lang), lang === 'en' ? `Check these fields: ${field}.` : `Vérifiez ces champs : ${field}.`, [
    { field, code: 'invalid', message: lang === 'en' ? en : fr },
  ]);
}

/** The form's fragment: no shadow root, a link to the form's own page (`/form/{code}`) as light DOM. Without the
 * script it is what the reader gets; once the element is defined, its shadow root (which has no slot) hides it. */
const FORM_LINK = { fr: 'Donner votre avis sur ce service', en: 'Give your opinion on this service' };

/**
 * `spp-testimony-form`'s fragment for these (checked) attributes; `origin` is where the form's page is. `script`:
 * the widgets' script it brings, as every fragment (`scriptTag`); in its light DOM, which the form's shadow root hides.
 */
export function formLinkFragment(attributes: Record<string, string>, origin: string, script?: string): string {
  const pageLang = attributes.lang === 'en' ? 'en' : 'fr';
  const code = attributes.structure ?? '';
  const href = `${origin}/form${code ? `/${encodeURIComponent(code)}` : ''}${pageLang === 'en' ? '?lang=en' : ''}`;
  const html = attributesHtml({ ...DEFAULTS, ...attributes });
  return `<spp-testimony-form${html}><a href="${escapeHtml(href)}">${FORM_LINK[pageLang]}</a>${script ? scriptTag(script) : ''}</spp-testimony-form>`;
}

/** The widgets' script a fragment served by `origin` brings: the address the docs give webmasters (docs/embedding.md). */
const widgetsScript = (origin: string) => `${origin}${WIDGETS_SCRIPT}`;

/**
 * The demo pages' policy (`PAGE_CSP`) with the fragments' `<style>` blocks allowed by their hashes: what a page
 * holding fragments needs (and a fragment opened on its own), still without `'unsafe-inline'`. Set in `onSend`,
 * so an answer from the response cache (which skips the handler) gets it too: the hashes of every fragment this
 * process made (one per element: its static styles), a cached answer having been made by it.
 */
export function fragmentPageCsp(): string {
  const hashes = fragmentStyleHashes();
  return hashes.length ? PAGE_CSP.replace("style-src 'self'", `style-src 'self' ${hashes.join(' ')}`) : PAGE_CSP;
}

export const setFragmentPageCsp = async (_request: unknown, reply: FastifyReply, payload: unknown) => {
  reply.header('Content-Security-Policy', fragmentPageCsp());
  return payload;
};

const GUIDE = fileURLToPath(new URL('../../docs/fragments.md', import.meta.url));

export function registerFragmentRoutes(app: FastifyInstance, publicUrl?: string): void {
  serveFragmentsFrom(app);
  // The how-to the configurator's "HTML + script" option links to, as plain text.
  app.get('/docs/fragments.md', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(await readFile(GUIDE, 'utf8')),
  );
  app.get<{ Params: { tag: string }; Querystring: Record<string, string | string[]> }>(
    '/fragments/:tag',
    { config: { cacheable: true, languageDependent: false }, onSend: setFragmentPageCsp },
    async (request, reply) => {
      const lang = requestLang(request);
      const tag = request.params.tag.replace(/\.html$/, '') as FragmentTag;
      const origin = publicOrigin(request, publicUrl);
      if ((tag as string) === 'spp-testimony-form') {
        const query = request.query;
        for (const [name, raw] of Object.entries(query)) {
          const check = COMMON[name];
          if (!check) throw badRequest(lang, name, `<${tag}> n’a pas d’attribut « ${name} ».`, `<${tag}> has no "${name}" attribute.`);
          if (typeof raw !== 'string' || !check(raw)) throw badRequest(lang, name, `Valeur invalide pour « ${name} ».`, `Invalid value for "${name}".`);
        }
        return reply
          .type('text/html; charset=utf-8')
          .header('Access-Control-Allow-Origin', '*')
          .send(formLinkFragment(query as Record<string, string>, origin, widgetsScript(origin)));
      }
      if (!FRAGMENT_TAGS.includes(tag)) {
        throw badRequest(lang, 'tag', `Éléments servis en fragment : ${FRAGMENT_TAGS.join(', ')}, spp-testimony-form.`, `Elements served as fragments: ${FRAGMENT_TAGS.join(', ')}, spp-testimony-form.`);
      }
      const allowed = ATTRIBUTES[tag];
      const attributes: Record<string, string> = { ...DEFAULTS };
      for (const [name, raw] of Object.entries(request.query)) {
        const check = allowed[name];
        if (!check) {
          throw badRequest(lang, name, `<${tag}> n’a pas d’attribut « ${name} ».`, `<${tag}> has no "${name}" attribute.`);
        }
        if (typeof raw !== 'string' || !check(raw)) {
          throw badRequest(lang, name, `Valeur invalide pour « ${name} ».`, `Invalid value for "${name}".`);
        }
        attributes[name] = raw;
      }
      const fragment = await renderFragment(app, { tag, attributes, script: widgetsScript(origin) });
      return reply
        .code(fragment.found ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('Access-Control-Allow-Origin', '*')
        .send(fragment.html);
    },
  );
}
