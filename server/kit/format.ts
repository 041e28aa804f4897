import type { Lang, UnitType } from '../../src/contract/index.js';
import { LOCALE, strings } from '../i18n.js';
import { KIT_FR } from './kit.strings.js';
import { KIT_EN } from './kit.strings.en.js';

/**
 * Numbers and periods as the kit prints them ("95,2 %", "4,6 jours", "7,8/10", "3e trimestre 2026"), through
 * `Intl` like the results card. The server may not import the elements' code (DESIGN: server → elements never),
 * so these few lines mirror `src/elements/results/results-format.ts` for the cases the kit prints.
 */

export const localeOf = (lang: Lang): string => LOCALE[lang];

/** The kit's strings in both languages (`kit.strings.ts`, French reference, and `kit.strings.en.ts`). */
export const KIT = strings(KIT_FR, KIT_EN);

/** One kit string in `lang`, its `{name}` placeholders filled. */
export const kitText = KIT.text;

// French typography (and screen readers) want a real minus sign, not the hyphen Intl writes.
const minus = (text: string) => text.replace('-', '\u2212');

export function formatValue(value: number, unit: UnitType, lang: Lang): string {
  const locale = localeOf(lang);
  switch (unit) {
    case 'percent':
      // One rule of decimals per unit, as on the results card (docs/wording.md): one decimal for % and /10.
      return minus(new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100));
    case 'score10':
      return `${minus(new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value))}/10`;
    case 'points': {
      const n = minus(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value));
      const one = new Intl.PluralRules(locale).select(Math.abs(value)) === 'one';
      return `${n} ${one ? 'point' : 'points'}`;
    }
    default:
      return minus(
        new Intl.NumberFormat(locale, { style: 'unit', unit: unit === 'days' ? 'day' : 'minute', unitDisplay: 'long', maximumFractionDigits: 1 }).format(value),
      );
  }
}

/** "3e trimestre 2026" / "1er trimestre 2026" / "mai 2026" / "2026"; English "Q3 2026", "May 2026". */
export function formatPeriod(period: string, lang: Lang): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return year;
  if (period.includes('Q')) {
    const n = Number(period.slice(-1));
    return kitText(lang, n === 1 ? 'quarterFirst' : 'quarter', { n, year });
  }
  const month = new Date(Date.UTC(Number(year), Number(period.slice(5, 7)) - 1, 15));
  return new Intl.DateTimeFormat(localeOf(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(month);
}

/** "26 novembre 2026" from `YYYY-MM-DD` or an ISO timestamp. */
export function formatDate(value: string, lang: Lang): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);
}
