import type { Lang } from '../../contract/common.js';
import type { UnitType } from '../../contract/results.js';
import { format } from '../../internal/i18n.js';
import { dateFormat, locale, numberFormat } from '../../internal/intl.js';
import type { ResultsStrings } from './results.strings.js';

/**
 * Numbers, units and periods of `<spp-results>` as a citizen reads them, all through `Intl`:
 * "95,2 %", "4,6 jours", "12 minutes", "7,8/10", "31 points"; changes "+1,2 point", "−3 minutes";
 * periods "3e trimestre 2026" / "Q3 2026".
 */

const pluralRules = new Map<Lang, Intl.PluralRules>();
function plural(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(locale(lang))));
  return rules;
}

function points(value: number, lang: Lang, t: ResultsStrings, signed = false): string {
  const number = signedNumber(value, lang, signed);
  return `${number} ${plural(lang).select(Math.abs(value)) === 'one' ? t.point : t.points}`;
}

// French typography (and screen readers) want a real minus sign, not the hyphen Intl writes.
const minus = (text: string) => text.replace('-', '\u2212');

function signedNumber(value: number, lang: Lang, signed: boolean, options: Intl.NumberFormatOptions = {}): string {
  const text = numberFormat(lang, { maximumFractionDigits: 1, ...options, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(value);
  return minus(text);
}

/**
 * One rule of decimals per unit (docs/wording.md), the same in the kit (`server/kit/format.ts`): percentages and
 * scores /10 always with one decimal ("89,2 %", "8,0/10"), so that a value, its target and the network average
 * read alike side by side; days, minutes and points with at most one ("5 jours", "4,6 jours", "+1,2 point").
 */
export const PERCENT: Intl.NumberFormatOptions = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 };

const TIME_UNITS: Partial<Record<UnitType, string>> = { days: 'day', minutes: 'minute' };

/**
 * A value with its unit. `spoken` spells "/10" out ("7,8 sur 10") for places where the text is read by a
 * screen reader or printed in a table.
 */
export function formatValue(value: number, unit: UnitType, lang: Lang, t: ResultsStrings, spoken = false): string {
  switch (unit) {
    case 'percent':
      return minus(numberFormat(lang, PERCENT).format(value / 100));
    case 'score10': {
      const number = signedNumber(value, lang, false, { minimumFractionDigits: 1 });
      return spoken ? format(t.outOf10, { value: number }) : `${number}/10`;
    }
    case 'points':
      return points(value, lang, t);
    default:
      return signedNumber(value, lang, false, { style: 'unit', unit: TIME_UNITS[unit], unitDisplay: 'long' });
  }
}

/** A change between two periods, signed: percentages and scores change by points ("+1,2 point"). */
export function formatDelta(delta: number, unit: UnitType, lang: Lang, t: ResultsStrings): string {
  const timeUnit = TIME_UNITS[unit];
  return timeUnit
    ? signedNumber(delta, lang, true, { style: 'unit', unit: timeUnit, unitDisplay: 'long' })
    : points(delta, lang, t, true);
}

export type PeriodKind = 'quarter' | 'half' | 'month' | 'year';

export function periodKind(period: string): PeriodKind {
  return period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : period.includes('S') ? 'half' : 'month';
}

/** "3e trimestre 2026" (short: "T3 2026"), "mai 2026", "2026"; English "Q3 2026", "May 2026". */
export function formatPeriod(period: string, lang: Lang, t: ResultsStrings, short = false): string {
  const year = period.slice(0, 4);
  const kind = periodKind(period);
  if (kind === 'year') return year;
  const n = Number(period.slice(-1));
  if (kind === 'quarter') return format(short ? t.quarterShort : n === 1 ? t.quarter1 : t.quarter, { n, year });
  if (kind === 'half') return format(short ? t.halfShort : n === 1 ? t.half1 : t.half, { n, year });
  const month = new Date(Date.UTC(Number(year), Number(period.slice(5, 7)) - 1, 15));
  return dateFormat(lang, { month: short ? 'short' : 'long', year: 'numeric' }).format(month);
}
