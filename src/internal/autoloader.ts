export type ElementLoaders = Record<string, () => Promise<unknown>>;

export interface Autoloader {
  /** Resolves once every element currently on the page is loaded. */
  ready: Promise<void>;
  /** Looks for elements again (also done automatically on DOM changes). */
  discover(root?: ParentNode): Promise<void>;
  disconnect(): void;
}

/** Fragment adoption (`ssr.ts`), asked for by the first element found with a server-rendered shadow root. */
let adopt: Promise<unknown> | undefined;

/**
 * Imports an element's module only when its tag is on the page, including tags added later: a page that
 * shows only the banner downloads only the banner. A module that fails to load (network cut) is retried on
 * the next discovery instead of being remembered as failed.
 */
export function createAutoloader(loaders: ElementLoaders, root: Document | Element = document): Autoloader {
  const loading = new Map<string, Promise<unknown>>();
  const tags = Object.keys(loaders);
  const selector = tags.join();

  const load = (tag: string): Promise<unknown> => {
    let pending = loading.get(tag);
    if (!pending) {
      pending = loaders[tag]!().catch((error: unknown) => {
        loading.delete(tag);
        console.error(`[spp] <${tag}> not loaded`, error);
      });
      loading.set(tag, pending);
    }
    return pending;
  };

  // The catalog is never empty (an empty selector would throw): no check for it, the banner's budget counts bytes.
  const discover = async (scope: ParentNode = root): Promise<void> => {
    const found = new Set<string>();
    // The scope itself may be one of the tags (an element added to the page); a document has no `matches`.
    if ((scope as Element).matches?.(selector)) found.add((scope as Element).localName);
    for (const el of scope.querySelectorAll(selector)) {
      found.add(el.localName);
      // A fragment's element must find the adoption code in place before its module defines it.
      if (el.shadowRoot) adopt ??= import('./ssr.js');
    }
    await adopt;
    await Promise.all([...found].filter((tag) => !customElements.get(tag)).map(load));
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  });
  // A document is observed as a whole (any node may be observed), so no special case for it.
  observer.observe(root, { childList: true, subtree: true });

  return { ready: discover(), discover, disconnect: () => observer.disconnect() };
}
