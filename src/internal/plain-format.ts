import type { Lang } from '../contract/common.js';
import { formatCount } from '../contract/count.js';
import { format } from '../contract/format.js';
import { formatDate, numberFormat, pluralRules } from './intl.js';

/*
 * Dates and decimals exactly as `Intl` writes them in `fr-FR` and `en-GB` ("26 novembre 2026", "4,6", "75,0 %"),
 * without creating an `Intl` formatter. A page's first `Intl.NumberFormat` or `Intl.DateTimeFormat` loads locale
 * data in one native call of 130 to 240 ms on a phone (measured at 4× CPU): a long task no splitting can shorten,
 * and the lists need nothing more than a month's name and a decimal point. Anything outside what is written here
 * (a negative number, an exponent, a year outside 1996 to 2099) goes to `Intl`; browser tests compare both.
 */

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0 = January): when Europe/Paris changes its clocks (EU rule since 1996). */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * 24 * HOUR;
}

/**
 * A `YYYY-MM-DD` day or an ISO timestamp as the day it is in Paris, written out: "26 novembre 2026",
 * "26 November 2026" (what `formatDate` writes through `Intl`). Text that is not a date is given back as it is.
 */
export function formatDay(value: string, lang: Lang): string {
  const time = new Date(value.length === 10 ? `${value}T12:00:00Z` : value).getTime();
  if (Number.isNaN(time)) return value;
  const year = new Date(time).getUTCFullYear();
  if (year < 1996 || year > 2099) return formatDate(value, lang);
  const summer = time >= lastSunday(year, 2) && time < lastSunday(year, 9);
  const paris = new Date(time + (summer ? 2 : 1) * HOUR);
  return `${paris.getUTCDate()} ${MONTHS[lang][paris.getUTCMonth()]} ${paris.getUTCFullYear()}`;
}

/**
 * A number of at least 0 rounded to at most `max` decimals (at least `min`), as plain text ("1000.5"). Like `Intl`,
 * it rounds half away from zero on the number's shortest decimal text (1.15 gives "1.2", where `toFixed` gives
 * "1.1"). `scale` moves the point to the right first (2 for a percentage of a ratio), on the text too. Undefined for
 * what this does not write (negative numbers, exponents).
 */
function roundDecimal(value: number, max: number, min: number, scale: number): string | undefined {
  const text = String(value);
  if (!(value >= 0) || text.includes('e')) return undefined;
  const [whole, fraction = ''] = text.split('.');
  const digits = fraction.padEnd(scale + max + 1, '0');
  const rounded = String(BigInt(whole + digits.slice(0, scale + max)) + (digits[scale + max]! >= '5' ? 1n : 0n)).padStart(max + 1, '0');
  const decimals = rounded.slice(rounded.length - max).replace(/0+$/, '').padEnd(min, '0');
  const integer = rounded.slice(0, rounded.length - max);
  return decimals ? `${integer}.${decimals}` : integer;
}

/** `roundDecimal`'s text grouped and pointed as `Intl` does: "1 000,5" (narrow no-break space), "1,000.5". */
function localize(text: string, lang: Lang): string {
  const [integer, decimals] = text.split('.');
  const grouped = formatCount(Number(integer), lang);
  return decimals ? `${grouped}${lang === 'fr' ? ',' : '.'}${decimals}` : grouped;
}

/** A number with at most `max` decimals (at least `min`), as `Intl.NumberFormat` of the language writes it. */
export function formatDecimal(value: number, lang: Lang, max: number, min = 0, scale = 0): string {
  const text = roundDecimal(value, max, min, scale);
  return text === undefined
    ? numberFormat(lang, { maximumFractionDigits: max, minimumFractionDigits: min }).format(value * 10 ** scale)
    : localize(text, lang);
}

/** A ratio (0 to 1) as a percentage with one decimal, as `Intl` writes it: "75,0 %" (no-break space), "75.0%". */
export const formatPercent = (ratio: number, lang: Lang): string =>
  `${formatDecimal(ratio, lang, 1, 1, 2)}${lang === 'fr' ? '\u00a0%' : '%'}`;

/**
 * A quantity with at most one decimal and its unit in the plural form of the number shown, from the strings'
 * `{count}` patterns: "1,5 jour", "3 jours", "1 day", "1.5 days" (what `Intl`'s long units write). `Intl.PluralRules`
 * picks the form: unlike the formatters, it costs a few milliseconds.
 */
export function formatQuantity(value: number, lang: Lang, forms: { one: string; other: string }): string {
  const text = roundDecimal(value, 1, 0, 0);
  if (text === undefined) return format(forms.other, { count: formatDecimal(value, lang, 1) });
  return format(pluralRules(lang).select(Number(text)) === 'one' ? forms.one : forms.other, { count: localize(text, lang) });
}
