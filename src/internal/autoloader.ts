export type ElementLoaders = Record<string, () => Promise<unknown>>;

export interface Autoloader {
  /**
   * Resolves once every element currently on the page is loaded. An element is loaded when it comes within half a
   * screen of the viewport: for one farther down (or hidden), `ready` waits until the reader scrolls near it (or it
   * is shown); for a server-rendered fragment, until the reader starts using it (`wanted` in ./ssr.ts). To wait for
   * one tag only, use `customElements.whenDefined(tag)`.
   */
  ready: Promise<void>;
  /** Looks for elements again (also done automatically on DOM changes). */
  discover(root?: ParentNode): Promise<void>;
  disconnect(): void;
}

/** Fragment adoption (`ssr.ts`), asked for by the first element found with a server-rendered shadow root. */
let adopt: Promise<typeof import('./ssr.js')> | undefined;

/**
 * Imports an element's module only when its tag is on the page, including tags added later, and only once that
 * element nears the viewport (within half a screen): a page that shows only the banner downloads only the banner,
 * and a page of five elements boots only those the reader sees, the others as the reader scrolls to them (their
 * reserved space keeps the page still). A module that fails to load (network cut) is retried on the next discovery
 * instead of being remembered as failed.
 */
export function createAutoloader(loaders: ElementLoaders, root: Document | Element = document): Autoloader {
  const loading = new Map<string, Promise<unknown>>();
  const tags = Object.keys(loaders);
  const selector = tags.join();

  const load = (tag: string): Promise<unknown> => {
    let pending = loading.get(tag);
    if (!pending) {
      // A fragment's element must find the adoption code in place before its module defines it; the module defines
      // its tag a task later (`defineElement`): loaded means defined.
      pending = Promise.resolve(adopt)
        .then(loaders[tag])
        .then(() => customElements.whenDefined(tag))
        .catch((error: unknown) => {
          loading.delete(tag);
          // The error says why (a network cut: "Failed to fetch dynamically imported module"); short for the budget.
          console.error(`[spp] <${tag}>`, error);
        });
      loading.set(tag, pending);
    }
    return pending;
  };

  // One watcher per element found (a page holds a few): loads its module once it nears the viewport (a fragment's,
  // once the reader uses it). Each discovery that found the element waits on its own watcher, so `ready` and later
  // discoveries all resolve. The first key pressed on the page loads every element found, so a keyboard user never
  // tabs past an empty one.
  const nearby = (el: Element): Promise<unknown> =>
    new Promise((resolve) => {
      const go = () => (watcher.disconnect(), resolve(load(el.localName)));
      const watcher = new IntersectionObserver(([entry]) => entry!.isIntersecting && go(), { rootMargin: '50%' });
      // A fragment's element, its content on screen already, waits instead for the reader to use it (`wanted`).
      if (el.shadowRoot) void adopt!.then((ssr) => ssr.wanted(el)).then(go);
      else watcher.observe(el);
      addEventListener('keydown', go, { capture: true, once: true });
    });

  // The catalog is never empty (an empty selector would throw): no check for it, the banner's budget counts bytes.
  const discover = async (scope: ParentNode = root): Promise<void> => {
    const found = [...scope.querySelectorAll(selector)];
    // The scope itself may be one of the tags (an element added to the page); a document has no `matches`.
    if ((scope as Element).matches?.(selector)) found.push(scope as Element);
    // Asked for at once (the watchers and the key listener are set without waiting for it); `load` waits for it.
    for (const el of found) if (el.shadowRoot) adopt ??= import('./ssr.js');
    await Promise.all(found.filter((el) => !customElements.get(el.localName)).map(nearby));
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  });
  // Started a task later, not in the task that evaluates this module: the page's script tag is a module, which runs
  // at the end of the page's parsing, in the same task as the parser's last chunk and the style and layout after
  // it. Its work added to theirs made that task a long one (over 50 ms at 4x CPU) on one load in two of a page
  // carrying a fragment; a task apart, no more than without the script (6 loads in 25, 4 without). The observer
  // starts with the first discovery, so an element added in between is found once, by that discovery (found twice,
  // it had two watchers: a module that failed to load was asked for again at once, not at the next discovery).
  // A document is observed as a whole (any node may be observed), so no special case for it.
  const started = new Promise((go) => setTimeout(go)).then(() => observer.observe(root, { childList: true, subtree: true }));
  return { ready: started.then(() => discover()), discover, disconnect: () => started.then(() => observer.disconnect()) };
}
