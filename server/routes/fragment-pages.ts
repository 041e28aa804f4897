import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FRAGMENT_TAGS, renderFragment, type FragmentTag } from '../fragments/render.js';
import { attributesHtml } from '../http/html.js';
import { publicOrigin } from '../http/origin.js';
import { ATTRIBUTES, COMMON, DEFAULTS, formLinkFragment, setFragmentPageCsp } from './fragments.js';

/**
 * The demo pages (`/` and `/mairie`) served the way a CMS would serve a page that includes the fragments
 * (docs/fragments.md, "The demo pages"): each element tag written in the page's HTML file, such as
 * `<spp-results structure="PREF-69" theme="dsfr"></spp-results>`, is replaced by its fragment, rendered in this
 * process (`renderFragment`, no HTTP request). The HTML files stay plain host pages (the script alone would
 * render them the same): the server only fills the tags.
 * - An element the renderer cannot make (an error, more than `RENDER_TIMEOUT_MS`, an attribute the fragment does
 *   not take) stays the bare tag: the script renders it as on any page.
 * - Attributes the element does not read (`id`, `class`) stay on the element.
 * - Cached like the fragments (ETag, 304, the response cache keyed on the data version: `composedPage` in
 *   server/http/caching.ts), compressed (br/gzip), and the page's CSP allows the fragments' `<style>` by hash.
 */

/** Path → the file of `demoDir` it serves (the other demo files stay plain static files). */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/mairie': 'mairie.html',
  '/mairie.html': 'mairie.html',
};

/** Past this, the page goes out with the bare element rather than keep its reader waiting. */
const RENDER_TIMEOUT_MS = 3000;

/** Attributes any element takes that the fragment does not need to know: kept on the host as written. */
const HOST_ONLY = new Set(['id', 'class', 'hidden', 'title']);

const ELEMENT = /<(spp-[a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>\s*<\/\1>/g;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)")?/g;

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

type Made = { html: string; rendered: boolean };
/** The renderer (a parameter for the tests, which make it fail). */
export type Render = typeof renderFragment;

async function include(
  app: FastifyInstance,
  render: Render,
  tag: string,
  written: string,
  attributeText: string,
  origin: string,
): Promise<Made> {
  const bare: Made = { html: written, rendered: false };
  const attributes: Record<string, string> = {};
  const host: Record<string, string> = {};
  const allowed = tag === 'spp-testimony-form' ? COMMON : ATTRIBUTES[tag as FragmentTag];
  if (!allowed) return bare;
  for (const [, name, raw = ''] of attributeText.matchAll(ATTRIBUTE)) {
    const value = unescape(raw);
    if (HOST_ONLY.has(name!)) host[name!] = value;
    else if (allowed[name!]?.(value)) attributes[name!] = value;
    // An attribute only the script knows what to do with (the preview's `source`, `api`), or a value the
    // fragment would refuse: the script renders it, as on any page.
    else return bare;
  }
  const hostAttributes = attributesHtml(host);
  const withHost = (html: string) => html.replace(`<${tag}`, `<${tag}${hostAttributes}`);
  // The fragments here bring no script (`FragmentRequest.script`): the page has its own line, which an element left
  // bare (a failed render) needs anyway.
  if (tag === 'spp-testimony-form') return { html: withHost(formLinkFragment(attributes, origin)), rendered: true };
  let timer: NodeJS.Timeout | undefined;
  try {
    const fragment = await Promise.race([
      render(app, { tag: tag as FragmentTag, attributes: { ...DEFAULTS, ...attributes } }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no fragment after ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
      }),
    ]);
    return { html: withHost(fragment.html), rendered: true };
  } catch (error) {
    app.log.warn({ err: error, tag }, 'fragment not included: the page has the bare element (the script renders it)');
    return bare;
  } finally {
    clearTimeout(timer);
  }
}

/** The page's HTML with every element the server can render replaced by its fragment. */
export async function includeFragments(app: FastifyInstance, html: string, origin: string, render: Render = renderFragment): Promise<string> {
  const found = [...html.matchAll(ELEMENT)];
  // One after the other: they share the renderer (and the DOM shim), and each is a few milliseconds.
  const made: Made[] = [];
  for (const [written, tag, attributeText] of found) {
    made.push(FRAGMENT_TAGS.includes(tag as FragmentTag) || tag === 'spp-testimony-form' ? await include(app, render, tag!, written, attributeText ?? '', origin) : { html: written, rendered: false });
  }
  let i = 0;
  return html.replace(ELEMENT, () => made[i++]!.html);
}

export function registerPagesWithFragments(app: FastifyInstance, demoDir: string, publicUrl?: string, render: Render = renderFragment): void {
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, { config: { cacheable: true, languageDependent: false, composedPage: true }, onSend: setFragmentPageCsp }, async (request: FastifyRequest, reply) => {
      const origin = publicOrigin(request, publicUrl);
      const html = await readFile(join(demoDir, file), 'utf8');
      return reply.type('text/html; charset=utf-8').send(await includeFragments(app, html, origin, render));
    });
  }
}
