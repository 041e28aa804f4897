const warned = new Set<string>();

/**
 * Registers a custom element once. When the tag is already defined (the snippet pasted twice, or two versions
 * of the bundle on one page), it warns once and keeps the first definition instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    // Short on purpose: this module is in every element's first download (the banner's 12 KB budget).
    console.warn(`[spp] <${tag}> already defined`);
  }
}
