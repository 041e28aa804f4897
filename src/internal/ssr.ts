import type { LitElement, PropertyValues } from 'lit';
import { hydrate } from '@lit-labs/ssr-client';

/**
 * Adoption of server-rendered fragments (`GET /fragments/{tag}`, docs/fragments.md). The autoloader imports this
 * module only when the page holds an `spp-*` element that already has a (declarative) shadow root, and before any
 * element's module: a page without fragments downloads none of it.
 *
 * It does what `@lit-labs/ssr-client/lit-element-hydrate-support.js` does (reuse the server's shadow root and its
 * styles, and hydrate it on the first update instead of rendering into it), through the same hook Lit calls when
 * it loads, but without importing Lit: this module has its own copy of lit-html for `hydrate()` (see
 * `hydrateLitHtmlCopy` in vite.config.ts, why). And things of ours:
 * - the element is loaded only when the reader starts using it (`wanted`): until then no element code runs;
 * - an attribute the element reads, changed by the page since the server rendered it, makes it render afresh;
 * - the element's state, written by the server into `<script type="application/json" data-spp-state>`, is applied
 *   just before the first render, so the client renders what the server did (no loading state, no second copy);
 *   with `data-spp-loaded`, its LoadControllers hold the server's answers and skip their first load: no second request;
 * - while the element cannot render it yet (its English strings still downloading: it renders `nothing` or another
 *   template), the server's content stays as it is and hydration is tried again on the next update;
 * - if it still does not match after `GIVE_UP_MS`, the server's content gives way to a normal render, so the
 *   element is never left without its behaviour;
 * - a button pressed before the element adopted its fragment is pressed again once it has (`pressed`).
 */

const GIVE_UP_MS = 3000;

/**
 * A button of a fragment pressed before its element has adopted it (module still downloading, upgrade a task
 * away): the server's button does nothing yet, so it is pressed again once the element has hydrated, instead of
 * the press being lost. Buttons only: links and form fields work without the script, and replaying them would
 * act twice. One press per element, the last.
 */
const pressed = new WeakMap<Element, HTMLButtonElement>();
addEventListener(
  'click',
  (event) => {
    const button = event.composedPath().find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
    const host = (button?.getRootNode() as ShadowRoot | undefined)?.host as Hydrating | undefined;
    if (host?.localName.startsWith('spp-') && (!customElements.get(host.localName) || host._$needsHydration)) pressed.set(host, button!);
  },
  true,
);
const NOTHING = Symbol.for('lit-nothing');

/**
 * Resolves when the reader starts using a fragment's `element`: the pointer over it or pressing on it, the focus
 * entering it, a click on it (an assistive technology's press comes as a click alone), the page changing one of
 * its attributes, or a part that only the script can fill (`data-spp-needs-script`) nearing the viewport; and, as
 * for every element (the autoloader), any key pressed on the page. Until then its module is not even loaded: the
 * fragment already shows everything, and loading, evaluating and hydrating an element is 100 to 300 ms of main
 * thread on a phone, which a reader who only reads never needs (the static page's long tasks and no more). The
 * first press is not lost: `pressed` above replays it once adopted.
 */
export function wanted(element: Element): Promise<void> {
  // The first look only: a later one (the element moved in the page) may already see the page's changes.
  if (!served.has(element)) served.set(element, attributesOf(element));
  return new Promise((resolve) => {
    const types = ['pointerover', 'pointermove', 'pointerdown', 'focusin', 'click'];
    const go = () => {
      changes.disconnect();
      near.disconnect();
      for (const type of types) element.removeEventListener(type, go, true);
      resolve();
    };
    for (const type of types) element.addEventListener(type, go, true);
    const changes = new MutationObserver(go);
    changes.observe(element, { attributes: true });
    // Information only the script can show (the results' history chart, `data-spp-needs-script`): loaded, as any
    // element without a fragment, when it comes within half a screen of the viewport.
    const near = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && go(), { rootMargin: '50%' });
    element.shadowRoot?.querySelectorAll('[data-spp-needs-script]').forEach((part) => near.observe(part));
  });
}

/**
 * A fragment's attributes as the page gave them (what the server rendered). If the page changes one that the
 * element reads before the element adopts its fragment (a host page's script switching the structure or the
 * language), the server's content is no longer what the element would show: it renders afresh instead.
 */
const served = new WeakMap<Element, Record<string, string>>();
const attributesOf = (element: Element) => Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));

type Hydrating = LitElement & {
  _$needsHydration?: boolean;
  renderOptions: { isConnected?: boolean };
  render(): unknown;
  createRenderRoot(): HTMLElement | DocumentFragment;
  update(changed: PropertyValues): void;
};

/** What the fragment seeds in a `LoadController` (./load-controller.ts). */
type Load = { value: unknown; run?: () => Promise<void>; pending: boolean };

/** Removes the server's content (its styles stay: they are the element's own), for a normal render. */
function clear(root: Node): void {
  for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
}

/** The server's content gives way to a normal render. */
function renderAfresh(element: Hydrating): void {
  element._$needsHydration = false;
  clear(element.renderRoot);
  element.requestUpdate();
}

function adopt(LitElement: typeof import('lit').LitElement): void {
  const proto = LitElement.prototype as unknown as Hydrating;
  const { createRenderRoot, update } = proto;
  const reflect = (Object.getPrototypeOf(proto) as Hydrating).update;

  proto.createRenderRoot = function (this: Hydrating) {
    if (!this.shadowRoot) return createRenderRoot.call(this);
    const ctor = this.constructor as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[]; observedAttributes: string[] };
    // A host page whose CSP blocks the fragment's `<style>` (which then has no sheet) gets the element's styles as
    // constructable sheets now. Otherwise that `<style>` styles the content already, and building the same sheets
    // again would only lengthen the adoption's task (5 to 15 ms per element on a phone).
    if (![...this.shadowRoot.querySelectorAll('style')].some((style) => style.sheet)) {
      this.shadowRoot.adoptedStyleSheets = ctor.elementStyles.map((style) => style.styleSheet ?? (style as CSSStyleSheet));
    }
    const then = served.get(this);
    const now = attributesOf(this);
    if (then && ctor.observedAttributes.some((name) => then[name] !== now[name])) {
      clear(this.shadowRoot);
      return this.shadowRoot;
    }
    this._$needsHydration = true;
    // The server loaded the data (`data-spp-loaded`): each LoadController (found as the server found them,
    // server/fragments/render.ts) starts with the server's answer and skips its first load, else it would ask again
    // and redraw (results draws its cards a few per frame after each load).
    const block = this.shadowRoot.querySelector('script[data-spp-state][data-spp-loaded]');
    if (block) {
      const { v } = JSON.parse(block.textContent!) as { v: unknown[] };
      Object.values(this)
        .filter((field: Load | null) => typeof field?.run == 'function' && 'pending' in field)
        .forEach((load: Load, i) => {
          load.value = v[i];
          load.run = async () => void delete load.run;
        });
    }
    return this.shadowRoot;
  };

  proto.update = function (this: Hydrating, changed: PropertyValues) {
    if (!this._$needsHydration) return update.call(this, changed);
    const block = this.renderRoot.querySelector('script[data-spp-state]');
    if (block) {
      block.remove();
      // What the server wrote for readers without JavaScript (results' tables) and the widgets' script the fragment
      // brought (it has run: it is what adopts this): never shown, and not the element's.
      this.renderRoot.querySelectorAll('noscript, script').forEach((node) => node.remove());
      Object.assign(this, (JSON.parse(block.textContent!) as { s: object }).s);
      setTimeout(() => this._$needsHydration && renderAfresh(this), GIVE_UP_MS);
    }
    const value = this.render();
    this.renderOptions.isConnected = this.isConnected;
    reflect.call(this, changed);
    if (value === NOTHING) return;
    try {
      hydrate(value, this.renderRoot, this.renderOptions);
      this._$needsHydration = false;
      const button = pressed.get(this);
      pressed.delete(this);
      // Once this update is over, the button's listener (attached by the hydration) answers as it would have.
      if (button) void this.updateComplete.then(() => button.isConnected && button.click());
    } catch {
      // Another template than the server's (not ready yet): the server's content stays until the next update.
    }
  };
}

type Hook = (lit: { LitElement: typeof import('lit').LitElement }) => void;
const global = globalThis as { litElementHydrateSupport?: Hook };
const previous = global.litElementHydrateSupport;
global.litElementHydrateSupport = (lit) => {
  previous?.(lit);
  adopt(lit.LitElement);
};
