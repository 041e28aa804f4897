import type { Lang } from '../contract/common.js';
import { format } from '../internal/i18n.js';
import { numberFormat, pluralRules } from '../internal/intl.js';

/**
 * A sentence holding a count, in the form its language wants for it (French: singular for 0 and 1, "1 erreur",
 * "0 erreur"; English: singular for 1 only), the count written by `Intl` ("1 200"). Never "erreur(s)".
 */
export function counted(lang: Lang, count: number, one: string, other: string, values: Record<string, string | number> = {}): string {
  return format(pluralRules(lang).select(count) === 'one' ? one : other, { ...values, count: numberFormat(lang).format(count) });
}
