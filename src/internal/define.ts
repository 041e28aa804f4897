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
    console.warn(`[spp] <${tag}> is already defined on this page (the script is probably included twice); keeping the first definition.`);
  }
}
