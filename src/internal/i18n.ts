import type { Lang } from '../contract/common.js';

/**
 * One strings table, the one mechanism of every element and of the agent page: French, the reference, ships in
 * the bundle (`x.strings.ts`); English (`x.strings.en.ts`, typed by the French table, so a missing key fails the
 * type-check) is its own chunk, downloaded the first time something asks for English: French pages never pay
 * for it. The result answers `undefined` while English downloads (the caller shows nothing rather than French
 * for a moment), then updates `host`; a failed download calls `failed` and is tried again on the next call.
 */
export function lazyStrings<T>(fr: T, english: () => Promise<T>) {
  let en: T | undefined;
  let loading: Promise<unknown> | undefined;
  return (lang: Lang, host: { requestUpdate(): void }, failed: (error: unknown) => void): T | undefined => {
    if (lang != 'en') return fr;
    if (!en)
      (loading ??= english().then(
        (table) => (en = table),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )).then(() => host.requestUpdate(), failed);
    return en;
  };
}

/** What `lazyStrings` makes. */
export type LazyStrings<T> = ReturnType<typeof lazyStrings<T>>;

// The one `{name}` filler is the contract's (the server's too). Values are inserted as text by Lit, never as HTML.
export { format } from '../contract/format.js';

// Kept reachable from here for existing imports; new code imports `intl.js` directly (see there why).
export { dateFormat, formatDate, locale, numberFormat } from './intl.js';

/** The language an element speaks: its `lang` (attribute or property), else the page's around it, else French. */
export function resolveLang(element: HTMLElement): Lang {
  // An empty `lang` (a reflected empty property) says nothing: look further up.
  const inherited = element.lang || (element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  return inherited?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
