import type { Lang } from './common.js';

/**
 * The locale of `Intl` formats in each language (dates, numbers), for the server, the contract's messages and the
 * browser's `Intl` helpers. Apart from `format.ts`: the `{name}` filler is on every page (the banner's included),
 * this table only where something formats a number or a date.
 */
export const LOCALE: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
