import type { Lang } from '../src/contract/index.js';

/**
 * The server's one strings mechanism, the browser's shape: each table is an `x.strings.ts` file whose French
 * object is the reference (its type lists every key), with the English object of the same type in
 * `x.strings.en.ts`. Code looks a string up by key in the request's language and fills its `{name}` placeholders;
 * it never writes `lang === 'en' ? '…' : '…'`.
 */

// One `{name}` filler and one locale table for the server, the browser and the contract.
import { format } from '../src/contract/format.js';
export { format } from '../src/contract/format.js';
export { LOCALE } from '../src/contract/locale.js';

/**
 * The language a page's address asks for (`?lang=en`), else `otherwise` (French): the server's pages (form,
 * tracking, "stop e-mails", kit) follow the link they were given, whatever the browser's languages; the API falls
 * back on `Accept-Language` (`requestLang`, http/problem.ts).
 */
export function queryLang(query: unknown, otherwise: Lang = 'fr'): Lang {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  return lang === 'en' || lang === 'fr' ? lang : otherwise;
}

/** Both languages of one table, looked up by the request's language. */
export interface Strings<T> extends Readonly<Record<Lang, T>> {
  /** One text of the table in `lang`, its `{name}` placeholders filled. */
  text(lang: Lang, key: keyof T, values?: Record<string, string | number>): string;
  /** `text` with the language fixed: for code that says many things in one language. */
  in(lang: Lang): (key: keyof T, values?: Record<string, string | number>) => string;
}

/** Pairs a French reference table with its English twin: the one lookup of every server table (API, kit, mail, store). */
export function strings<T extends Record<keyof T, string>>(fr: T, en: NoInfer<T>): Strings<T> {
  const tables = { fr, en };
  const text: Strings<T>['text'] = (lang, key, values) => format(tables[lang][key], values);
  return { fr, en, text, in: (lang) => (key, values) => text(lang, key, values) };
}
