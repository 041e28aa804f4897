import type { Lang } from './common.js';
import { LOCALE } from './locale.js';

// Apart from `locale.ts`, which the results card downloads with its `Intl` helpers: the form (its counters, the
// contract's messages), the lists and the server use this.

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

/**
 * Which of our strings' two forms, `_one` or `_other`, a number takes, as `Intl.PluralRules` of `LOCALE` says (its
 * "many", French millions, reads as "other" here): in French 0 and 1 (and 1,5) are singular, in English only 1. The
 * number is the one shown (rounded as written). Without `Intl`: creating `Intl.PluralRules` costs a page about
 * 10 ms on a phone, for a rule of one line.
 */
export const pluralForm = (n: number, lang: Lang): 'one' | 'other' =>
  (lang === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1) ? 'one' : 'other';
