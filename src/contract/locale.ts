import type { Lang } from './common.js';

/**
 * The locale of `Intl` formats in each language (dates, numbers), for the server, the contract's messages and the
 * browser's `Intl` helpers. Apart from `format.ts`: the `{name}` filler is on every page (the banner's included),
 * this table only where something formats a number or a date.
 */
export const LOCALE: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * A whole count as people read it, "5 000" in French (narrow no-break space) and "5,000" in English: the text
 * `Intl.NumberFormat` of `LOCALE` gives, without creating one. A page's first `Intl` formatter loads locale data in
 * one 100 to 200 ms task on a phone, and the form's messages ("5 000 caractères au plus"), which it builds as soon
 * as its second module arrives, need nothing but whole counts. Anything else goes to `Intl`.
 */
export function formatCount(n: number, lang: Lang): string {
  return Number.isSafeInteger(n) && n >= 0
    ? String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'fr' ? '\u202f' : ',')
    : new Intl.NumberFormat(LOCALE[lang]).format(n);
}
