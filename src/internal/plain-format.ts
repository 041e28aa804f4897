import type { Lang } from '../contract/common.js';
import { formatCount, pluralForm } from '../contract/count.js';
import { format } from '../contract/format.js';

/*
 * Dates and decimals exactly as `Intl` writes them in `fr-FR` and `en-GB` ("26 novembre 2026", "4,6", "75,0 %"),
 * without creating an `Intl` formatter. A page's first `Intl.NumberFormat` or `Intl.DateTimeFormat` loads locale
 * data in one native call of 130 to 240 ms on a phone (measured at 4× CPU): a long task no splitting can shorten,
 * and the widgets need nothing more than a month's name and a decimal point. Browser tests compare both.
 */

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

const HOUR = 3_600_000;

/**
 * 01:00 UTC on the last Sunday of a month (0 = January): when Europe/Paris changes its clocks. The EU rule of 1996
 * is applied to every year (`Intl` knows the older rules: before 1996, winter time began in September).
 */
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
  const summer = time >= lastSunday(year, 2) && time < lastSunday(year, 9);
  const paris = new Date(time + (summer ? 2 : 1) * HOUR);
  return `${paris.getUTCDate()} ${MONTHS[lang][paris.getUTCMonth()]} ${paris.getUTCFullYear()}`;
}

/**
 * A number of at least 0 rounded to at most `max` decimals (at least `min`), as plain text ("1000.5"). Like `Intl`,
 * it rounds half away from zero on the number's shortest decimal text (1.15 gives "1.2", where `toFixed` gives
 * "1.1"). `scale` moves the point to the right first (2 for a percentage of a ratio), on the text too. Numbers
 * under a millionth (which `String` writes with an exponent) are 0 at the four decimals or fewer asked here.
 */
function roundDecimal(value: number, max: number, min: number, scale: number): string {
  const [whole, fraction = ''] = (value < 1e-6 ? '0' : String(value)).split('.');
  const digits = fraction.padEnd(scale + max + 1, '0');
  const rounded = String(BigInt(whole! + digits.slice(0, scale + max)) + (digits[scale + max]! >= '5' ? 1n : 0n)).padStart(max + 1, '0');
  const decimals = rounded.slice(rounded.length - max).replace(/0+$/, '').padEnd(min, '0');
  const integer = rounded.slice(0, rounded.length - max);
  return decimals ? `${integer}.${decimals}` : integer;
}

/**
 * A number with at most `max` decimals (at least `min`), grouped and pointed as `Intl.NumberFormat` writes it in the
 * language ("1 000,5" with a narrow no-break space, "1,000.5"), and the rounded number itself (for its plural).
 * Negative numbers take a real minus sign ("−3"), as French typography and screen readers want (`Intl` writes a
 * hyphen); what rounds to zero is "0".
 */
function decimal(value: number, lang: Lang, max: number, min = 0, scale = 0): [text: string, rounded: number] {
  // Beyond what a widget shows (and not a number at all): `Intl`, through `formatCount`.
  if (!(Math.abs(value) < 1e21)) return [formatCount(value, lang), value];
  const text = roundDecimal(Math.abs(value), max, min, scale);
  const rounded = Number(text);
  const [integer, decimals] = text.split('.');
  const grouped = formatCount(Number(integer), lang) + (decimals ? `${lang === 'fr' ? ',' : '.'}${decimals}` : '');
  return [`${rounded !== 0 && value < 0 ? '\u2212' : ''}${grouped}`, rounded];
}

/** See `decimal`: "4,6", "1 000", "−1,2". */
export const formatDecimal = (value: number, lang: Lang, max: number, min = 0): string => decimal(value, lang, max, min)[0];

/** A ratio (0 to 1) as a percentage with one decimal, as `Intl` writes it: "75,0 %" (no-break space), "75.0%". */
export const formatPercent = (ratio: number, lang: Lang): string =>
  `${decimal(ratio, lang, 1, 1, 2)[0]}${lang === 'fr' ? '\u00a0%' : '%'}`;

/**
 * A quantity with at most one decimal and its unit in the plural form of the number shown, from `{count}` patterns:
 * "1,5 jour", "3 jours", "1 day", "1.5 days" (what `Intl`'s long units write).
 */
export function formatQuantity(value: number, lang: Lang, one: string, other: string): string {
  const [text, rounded] = decimal(value, lang, 1);
  return format(pluralForm(rounded, lang) === 'one' ? one : other, { count: text });
}
