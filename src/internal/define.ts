/** Tags this bundle defined or will define, and `1` for a tag it has warned about. */
const tags = new Map<string, CustomElementConstructor | 1>();

/**
 * Registers a custom element once. When the tag is already defined (the snippet pasted twice, or two versions
 * of the bundle on one page), it warns once and keeps the first definition instead of throwing.
 *
 * The definition itself runs in a task of its own, after the module's evaluation: on a phone, evaluating the
 * module and then upgrading and first-rendering the element are two shorter tasks instead of one long one (total
 * blocking time), and the element's reserved space (`:not(:defined)`) holds until it renders, so nothing moves.
 * Wait for `customElements.whenDefined(tag)`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const known = tags.get(tag) ?? customElements.get(tag);
  if (!known) {
    tags.set(tag, ctor);
    setTimeout(() => customElements.get(tag) || customElements.define(tag, ctor));
  } else if (known !== ctor && known !== 1) {
    tags.set(tag, 1);
    // Short on purpose: this module is in every element's first download (the banner's 12 KB budget).
    console.warn(`[spp] <${tag}> already defined`);
  }
}
