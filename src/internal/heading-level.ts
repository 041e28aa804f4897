/**
 * Heading levels, the same rule for every element: `heading-level` sets the level of the element's main heading
 * (its inner headings follow one level down each). Without it, the element takes one level below the nearest
 * heading before it on the page (`<h1>`…`<h6>` or `role="heading"` with `aria-level`, looking out of shadow roots),
 * and level 2 when there is none: dropped under a page's `<h1>`, or in a section titled `<h2>`, it keeps the page's
 * outline in order. Written tersely on purpose: it sits in the chunk every element loads (the banner's 12 KB budget).
 */

/** The level of the nearest heading before `node` in document order (out through shadow roots), or `undefined`. */
export function levelAbove(node: Node | undefined): number | undefined {
  let level: number | undefined;
  while (!level && node) {
    const root = node.getRootNode() as ShadowRoot;
    // Document order: the last heading that precedes the node (and is not around it) wins; one without a level is skipped.
    for (const h of root.querySelectorAll?.('h1,h2,h3,h4,h5,h6,[role=heading]') ?? []) {
      if (h.compareDocumentPosition(node) & 4 && !h.contains(node)) level = +(h.getAttribute('aria-level') || h.tagName[1]!) || level;
    }
    node = root.host;
  }
  return level;
}
