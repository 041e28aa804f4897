import type { Lang } from '../contract/common.js';

/** Strings of one element in both languages; French is the reference and must list every key. */
export type Catalog<K extends string> = Record<Lang, Record<K, string>>;

/** Fills `{name}` placeholders. Values are inserted as text by Lit, never as HTML. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
export const locale = (lang: Lang): string => LOCALES[lang];

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

/** The language an element speaks: its `lang` attribute, else the page's around it, else French. */
export function resolveLang(element: Element): Lang {
  const own = element.getAttribute('lang');
  const inherited = own ?? element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return inherited?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
