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

// One `{name}` filler and one locale table for the server, the browser and the contract.
export { format, LOCALE } from '../src/contract/format.js';
