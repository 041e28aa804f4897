/**
 * Heading levels, the same rule for every element: `heading-level` sets the level of the element's main heading
 * (its inner headings follow one level down each). Without it, the element takes one level below the nearest
 * heading before it on the page (`<h1>`…`<h6>` or `role="heading"`, looking out of shadow roots), and level 2
 * when there is none: dropped under a page's `<h1>`, or in a section titled `<h2>`, it keeps the page's outline
 * in order.
 */
export const DEFAULT_HEADING_LEVEL = 2;

const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/** The level of the nearest heading before `element` in document order, or `undefined`. */
export function levelAbove(element: Element): number | undefined {
  let node: Element = element;
  for (;;) {
    const root = node.getRootNode() as Document | ShadowRoot;
    if (!('querySelectorAll' in root)) return undefined;
    const headings = root.querySelectorAll(HEADINGS);
    for (let i = headings.length - 1; i >= 0; i--) {
      const heading = headings[i]!;
      if (heading === node || heading.contains(node) || !(heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const level = Number(heading.getAttribute('aria-level')) || Number(/^H([1-6])$/.exec(heading.tagName)?.[1]);
      if (level >= 1 && level <= 6) return level;
    }
    if (!(root instanceof ShadowRoot)) return undefined;
    node = root.host;
  }
}

/** The level to use: the attribute when set, else one below the heading above (else the default), within range. */
export function resolveHeadingLevel(attribute: number | null | undefined, above: number | undefined, min = 1, max = 6): number {
  const set = typeof attribute === 'number' && Number.isFinite(attribute) && attribute >= 1 ? Math.trunc(attribute) : undefined;
  const wanted = set ?? (above !== undefined ? above + 1 : DEFAULT_HEADING_LEVEL);
  return Math.min(max, Math.max(min, wanted));
}
