import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { LitElement } from 'lit';
import { SSR_BUNDLE, SSR_TAGS } from '../../scripts/ssr-bundle.js';
import { attributesHtml, escapeHtml } from '../http/html.js';

/**
 * The one place where server code runs the elements' own Lit templates (DESIGN.md: "server → elements: never,
 * SSR aside through the elements' templates"). Nothing else on the server imports from `src/elements` or
 * `src/internal`; `server/routes/fragments.ts` only calls `renderFragment`.
 *
 * How a fragment is made, in two passes, so that the server shows exactly what the element would show:
 * 1. A probe instance of the element class is given the request's attributes and its `api` set to
 *    `FRAGMENT_API`; its own `willUpdate` and LoadControllers load its data with its own code (same URL, same checks, same error
 *    states: an unknown structure gives the element's own "unknown" message). The fetches to `FRAGMENT_API` are
 *    answered in-process by `app.inject` (the API's routes, validation and response cache), never over the network.
 *    Once no fetch is pending, the element's reactive state (the properties declared `state: true`) is read.
 * 2. `@lit-labs/ssr` renders the element as declarative shadow DOM with that state applied and its `willUpdate`
 *    skipped (it would start loading again). The state goes into the shadow root as a
 *    `<script type="application/json" data-spp-state>` block: the client applies it before hydrating
 *    (`src/internal/ssr.ts`), so its first render is the server's and nothing is re-rendered.
 *
 * The DOM shim of `@lit-labs/ssr` is installed (globally) on the first fragment request only, so a server that
 * never serves a fragment never loads it.
 */

/** Stands for the API in the probe's requests (one host per app: tests run several in one process); answered by `app.inject`. */
const FRAGMENT_API = /^http:\/\/app-([0-9]+)\.spp-fragment\.invalid/;
const apps: FastifyInstance[] = [];
const apiOf = (app: FastifyInstance) => `http://app-${apps.indexOf(app)}.spp-fragment.invalid`;

/** Call while registering the routes: the app then answers its fragments' data requests. */
export function serveFragmentsFrom(app: FastifyInstance): void {
  apps.push(app);
  app.addHook('onClose', async () => {
    delete apps[apps.indexOf(app)];
  });
}

export const FRAGMENT_TAGS = SSR_TAGS;
export type FragmentTag = (typeof FRAGMENT_TAGS)[number];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The elements as the browser gets them (same template strings, so hydration matches: scripts/ssr-bundle.ts):
 * made by the widgets' build into `dist-ssr/`, so a built server needs neither esbuild's transform nor `typescript`.
 * Without a build (development), made here once per process, into `node_modules/.cache`.
 */
async function elementsBundle(): Promise<string> {
  if (existsSync(SSR_BUNDLE)) return pathToFileURL(SSR_BUNDLE).href;
  const { buildSsrBundle } = await import('../../scripts/ssr-bundle.js');
  const file = await buildSsrBundle(join(ROOT, 'node_modules', '.cache', 'spp-fragments', `elements-${process.pid}-${Date.now()}.mjs`));
  return pathToFileURL(file).href;
}

let attributeToProperty: (element: LitElement, name: string, value: string | null) => void;

type Ssr = typeof import('@lit-labs/ssr') & { collectResult: typeof import('@lit-labs/ssr/lib/render-result.js').collectResult };
type Internals = { willUpdate(changed: Map<PropertyKey, unknown>): void; language: string; t: unknown };
type ElementClass = typeof LitElement & { elementProperties: Map<PropertyKey, { state?: boolean; attribute?: unknown }> };

/** What the bundle exports besides defining the elements (scripts/ssr-bundle.ts). */
interface BundleExports {
  NOSCRIPT_CSS: string;
  resultsWithoutScript(results: unknown, lang: string, t: unknown): unknown;
}

let ready: Promise<{ ssr: Ssr; classes: Record<FragmentTag, ElementClass>; bundle: BundleExports }> | undefined;
let pending = 0;

/** Loads the DOM shim, then Lit's server renderer and the elements (in that order: Lit looks for the shim when it loads). */
function load() {
  return (ready ??= (async () => {
    await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
    // Only results reads these when it is constructed or connected; nothing on the server prints or observes.
    const g = globalThis as Record<string, unknown>;
    g.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
    g.location ??= { href: '' };
    g.requestAnimationFrame ??= (callback: () => void) => setTimeout(callback);
    const nativeFetch = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = String(input instanceof Request ? input.url : input);
      const app = apps[Number(FRAGMENT_API.exec(url)?.[1] ?? -1)];
      if (!app) return nativeFetch(input, init);
      pending++;
      try {
        const path = url.replace(FRAGMENT_API, '');
        const answer = await app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'identity' } });
        return new Response(answer.statusCode === 304 ? null : answer.body, {
          status: answer.statusCode,
          headers: Object.entries(answer.headers).map(([name, value]) => [name, String(value)] as [string, string]),
        });
      } finally {
        pending--;
      }
    };
    const [ssr, result, support] = await Promise.all([
      import('@lit-labs/ssr'),
      import('@lit-labs/ssr/lib/render-result.js'),
      import('lit-element/private-ssr-support.js'),
    ]);
    attributeToProperty = support._$LE.attributeToProperty as typeof attributeToProperty;
    const bundle = (await import(await elementsBundle())) as BundleExports;
    const classes = {} as Record<FragmentTag, ElementClass>;
    // `defineElement` defines a task after the module's evaluation (a shorter boot task in the browser).
    for (const tag of FRAGMENT_TAGS) classes[tag] = (await customElements.whenDefined(tag)) as unknown as ElementClass;
    // English strings are chunks the elements import on demand: loaded once here, so every later render is synchronous.
    // (Each asks for its strings while rendering; a render before they are here may throw: nothing is kept of it.)
    for (const tag of FRAGMENT_TAGS) {
      const probe = new classes[tag]() as unknown as Internals & { lang: string; render(): unknown };
      probe.lang = 'en';
      try {
        probe.render();
      } catch {
        // Strings not here yet: what was asked for.
      }
    }
    await settle();
    return { ssr: { ...ssr, collectResult: result.collectResult }, classes, bundle };
  })());
}

/**
 * Loads the renderer and the elements ahead of the first fragment (`npm start` calls it once listening): else the
 * first reader of a fragment waits for it (about a second with `dist-ssr/`, several without). Installs the DOM shim.
 */
export async function warmUpFragments(): Promise<void> {
  await load();
}

/** Resolves once the probes' fetches and the tasks they queue (results renders a task later) are done. */
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, pending ? 1 : 0));
    quiet = pending ? 0 : quiet + 1;
  }
}

export interface FragmentRequest {
  tag: FragmentTag;
  /** Attribute name → value, already checked; written on the element as they are. */
  attributes: Record<string, string>;
  /**
   * The widgets' script (`…/widgets/spp-widgets.js`) the fragment brings with it, so that a page of fragments needs no
   * script line of its own; none where the page has that line already (the demo pages). See `scriptTag`.
   */
  script?: string;
}

export interface Fragment {
  html: string;
  /** False when the element shows its "unknown structure" state. */
  found: boolean;
  /** CSP sources (`'sha256-…'`) of the fragment's `<style>` blocks, for the `style-src` of a page holding it. */
  styleHashes: string[];
}

/** Every `<style>` block a fragment of this process held, as CSP hash sources: one per element (its static styles). */
const knownStyleHashes = new Set<string>();

/** The `style-src` sources that allow the fragments' styles, and only those (see `server/routes/fragments.ts`). */
export function fragmentStyleHashes(): string[] {
  return [...knownStyleHashes];
}

function styleHashesOf(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
  }
  for (const hash of hashes) knownStyleHashes.add(hash);
  return [...hashes];
}

/** Property name of each attribute of the element (`heading-level` → `headingLevel`). */
function propertyOf(ctor: ElementClass, attribute: string): PropertyKey | undefined {
  for (const [name, options] of ctor.elementProperties) {
    const attr = options.attribute === undefined || options.attribute === true ? String(name).toLowerCase() : options.attribute;
    if (attr === attribute) return name;
  }
  return undefined;
}

/**
 * The widgets' script as the fragment's last node, inside its shadow root. A page's own script line, wherever it
 * stands, is found by the browser's preload scanner as soon as the HTML arrives and requested in the navigation's
 * first task, before the first paint: on a phone (4× CPU) the fragment's content then painted 1.13× later than the
 * same markup without script (results 12×24, `npm run bench`, 1,017 loads), over the 1.1× budget. The scanner
 * skips what a `<template>` holds, so this one is requested only when the parser reaches it, after the content
 * (1.07×, 300 loads). A parser-inserted module script runs once the document is parsed, and once per address
 * however many fragments carry it: it finds every element on the page, fragments or not.
 */
export const scriptTag = (src: string) => `<script type="module" src="${escapeHtml(src)}"></script>`;

/** JSON that cannot close its `<script>` element nor open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

export async function renderFragment(app: FastifyInstance, request: FragmentRequest): Promise<Fragment> {
  const { ssr, classes, bundle } = await load();
  const ctor = classes[request.tag];

  // Pass 1: the element loads its own data.
  const probe = new ctor() as unknown as Internals & Record<PropertyKey, unknown>;
  const changed = new Map<PropertyKey, unknown>();
  for (const [attribute, value] of Object.entries(request.attributes)) {
    const property = propertyOf(ctor, attribute);
    if (property === undefined) continue;
    // As the browser would: the attribute converted to the property by the element's own declaration.
    attributeToProperty(probe as unknown as LitElement, attribute, value);
    changed.set(property, undefined);
  }
  probe.api = apiOf(app);
  changed.set('api', undefined);
  probe.willUpdate(changed);
  // What Lit does next in an update: the controllers' `hostUpdate`, where a LoadController starts loading.
  for (const load of loads(probe)) load.hostUpdate();
  await settle();
  const state: Record<string, unknown> = {};
  for (const [name, options] of ctor.elementProperties) if (options.state) state[String(name)] = probe[name];
  // What the element's LoadControllers hold (the data itself), in the order the element declares them.
  const controllers = loads(probe);
  const values = controllers.map((load) => load.value);
  const failed = controllers.some((load) => load.error !== undefined);
  // Results draws its cards a few per frame; a fragment holds them all.
  const results = (probe.results as Load | undefined)?.value as { indicators?: unknown[] } | undefined;
  if (request.tag === 'spp-results' && results?.indicators) state.shown = results.indicators.length;

  // Pass 2: Lit's server renderer, with that state and without `willUpdate`.
  const renderer = class extends ssr.LitElementRenderer {
    override connectedCallback(): void {
      const element = this.element as unknown as Record<string, unknown>;
      Object.assign(element, state);
      // Lit's server renderer skips the controllers' `hostUpdate` (where they load): they get the probe's answers.
      loads(element).forEach((load, i) => Object.assign(load, { value: values[i], error: controllers[i]!.error, pending: false }));
      element.willUpdate = () => {};
      super.connectedCallback();
    }
  };
  // `data-spp-fragment`: the host page's CSS can tell a fragment (its content already there) from an element waiting
  // for its script, and reserve space for the latter only (`spp-x:not(:defined):not([data-spp-fragment])`).
  const attributes = attributesHtml({ ...request.attributes, 'data-spp-fragment': '' });
  const { html: litHtml, unsafeStatic } = await import('lit/static-html.js');
  const template = litHtml`<${unsafeStatic(request.tag)}${unsafeStatic(attributes)}></${unsafeStatic(request.tag)}>`;
  let html = await ssr.collectResult(ssr.render(template, { elementRenderers: [renderer] }));
  // The state block and the script come last: the content, which the browser paints as it parses it, comes first.
  const close = html.lastIndexOf('</template>');
  const block = `<script type="application/json" data-spp-state${request.tag !== 'spp-engagements' && !failed ? ' data-spp-loaded' : ''}>${scriptJson({ s: state, v: values })}</script>`;
  html = `${html.slice(0, close)}${block}${request.script ? scriptTag(request.script) : ''}${html.slice(close)}`;
  // Results without JavaScript: every indicator's table where the history's chart would be (results-noscript.ts).
  const history = request.tag === 'spp-results' && !failed ? html.indexOf('</section>', html.indexOf('<section class="history"')) : -1;
  if (results?.indicators?.length && history > 0) {
    const tables = await ssr.collectResult(ssr.render(bundle.resultsWithoutScript(results, probe.language, probe.t) as never));
    // Lit's markers are for hydration, which never sees this part.
    const noscript = `<noscript><style>${bundle.NOSCRIPT_CSS}</style>${tables.replace(/<!--[^]*?-->/g, '')}</noscript>`;
    html = `${html.slice(0, history)}${noscript}${html.slice(history)}`;
  }
  return {
    html: stripOuterMarkers(html),
    found: !controllers.some((load) => (load.error as { status?: number } | undefined)?.status === 404),
    styleHashes: styleHashesOf(html),
  };
}

/** What `LoadController` (src/internal/load-controller.ts) holds that the fragment carries. */
interface Load {
  value: unknown;
  error: unknown;
  pending: boolean;
  run(): Promise<void>;
  hostUpdate(): void;
}

/**
 * The element's LoadControllers, in declaration order (the client finds them the same way, `src/internal/ssr.ts`).
 * The banner keeps no LoadController: it is never marked `data-spp-loaded` (it keeps track of the structure whose
 * commitments it holds in its own `willUpdate`, which the client runs again).
 */
const loads = (element: object): Load[] =>
  Object.values(element).filter((field): field is Load => typeof (field as Load | null)?.run == 'function' && 'pending' in field);

/** Lit's markers around the top-level template: the page including the fragment is not a Lit template. */
function stripOuterMarkers(html: string): string {
  return html.replace(/^<!--lit-part [^>]*-->/, '').replace(/<!--\/lit-part-->$/, '');
}
