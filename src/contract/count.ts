import type { Lang } from './common.js';
import { LOCALE } from './locale.js';

// Apart from `locale.ts`, which the results card and the lists download with their `Intl` helpers: only the form
// (its counters, the contract's messages) and the server use this.

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
