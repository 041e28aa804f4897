import type { Lang } from '../contract/common.js';
import { LOCALE } from '../contract/locale.js';

/*
 * `Intl` formatting, apart from `i18n.ts` so that an element that formats no number or date (the engagements
 * banner, 12 KB budget) does not download this.
 */

export const locale = (lang: Lang): string => LOCALE[lang];

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Cached `Intl.NumberFormat` (creating one is slow, and widgets format many numbers). */
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let fmt = numberFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale(lang), options);
    numberFormats.set(key, fmt);
  }
  return fmt;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let fmt = dateFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale(lang), { timeZone: 'Europe/Paris', ...options });
    dateFormats.set(key, fmt);
  }
  return fmt;
}

/** Formats `YYYY-MM-DD` or an ISO timestamp as a date ("26 novembre 2026"). */
export function formatDate(value: string, lang: Lang, options?: Intl.DateTimeFormatOptions): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(lang, options).format(date);
}

const pluralRulesByLang = new Map<Lang, Intl.PluralRules>();
/** Cached `Intl.PluralRules` of a language. */
export function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = pluralRulesByLang.get(lang);
  if (!rules) pluralRulesByLang.set(lang, (rules = new Intl.PluralRules(locale(lang))));
  return rules;
}
