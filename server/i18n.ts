import type { Lang } from '../src/contract/index.js';

/**
 * The server's one strings mechanism, the browser's shape: each table is an `x.strings.ts` file whose French
 * object is the reference (its type lists every key), with the English object of the same type in
 * `x.strings.en.ts`. Code looks a string up by key in the request's language and fills its `{name}` placeholders;
 * it never writes `lang === 'en' ? '…' : '…'`.
 */

/** Both languages of one table, looked up by the request's language. */
export type Strings<T> = Readonly<Record<Lang, T>>;

/** Pairs a French reference table with its English twin. */
export function strings<T>(fr: T, en: NoInfer<T>): Strings<T> {
  return { fr, en };
}

/** Fills `{name}` placeholders (the same rule as the browser's `format`); an unknown name stays as written. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** The locale of `Intl` formats in each language (dates, numbers). */
export const LOCALE: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
