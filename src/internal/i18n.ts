import type { Lang } from '../contract/common.js';

/** Strings of one element in both languages; French is the reference and must list every key. */
export type Catalog<K extends string> = Record<Lang, Record<K, string>>;

/** Fills `{name}` placeholders. Values are inserted as text by Lit, never as HTML. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

// Kept reachable from here for existing imports; new code imports `intl.js` directly (see there why).
export { dateFormat, formatDate, locale, numberFormat } from './intl.js';

/** The language an element speaks: its `lang` attribute, else the page's around it, else French. */
export function resolveLang(element: Element): Lang {
  // An empty `lang` (a reflected empty property) says nothing: look further up.
  const own = element.getAttribute('lang') || null;
  const inherited = own ?? element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return inherited?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
