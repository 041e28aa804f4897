import type { Lang } from '../contract/common.js';
import type { LazyStrings } from './i18n.js';

/**
 * The one wait-for-English gate, for a `scheduleUpdate()`: a promise while one of `tables` is still downloading its
 * English (the element then neither renders nor loads before every word is in its language), else `undefined`
 * (update at once). A failed download lets the update go on and is told to `failed`. Apart from `i18n.ts`, which
 * the banner downloads.
 *
 *     protected override scheduleUpdate() {
 *       return untilStrings(lang, [tables])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
 *     }
 */
export function untilStrings(lang: Lang, tables: LazyStrings<unknown>[], failed: (error: unknown) => void = () => {}): Promise<unknown> | undefined {
  const missing = tables.filter((table) => !table(lang, { requestUpdate() {} }, () => {}));
  return missing.length
    ? Promise.all(
        missing.map(
          (table) =>
            new Promise((done) =>
              table(lang, { requestUpdate: () => done(0) }, (error) => {
                failed(error);
                done(0);
              }),
            ),
        ),
      )
    : undefined;
}

/**
 * The words of an element speaking through one `lazyStrings` table, French for good when its English could not be
 * downloaded (the failure goes to `failed`, the element's `spp-error`). `until()` is `untilStrings` for that table.
 */
export class StringsGate<T> {
  #french = false;

  constructor(
    private readonly host: { readonly language: Lang; requestUpdate(): void },
    private readonly table: LazyStrings<T>,
    private readonly failed: (error: unknown) => void,
  ) {}

  get #lang(): Lang {
    return this.#french ? 'fr' : this.host.language;
  }

  get strings(): T {
    return this.table(this.#lang, this.host, () => {})!;
  }

  until(): Promise<unknown> | undefined {
    return untilStrings(this.#lang, [this.table as LazyStrings<unknown>], (error) => {
      this.#french = true;
      this.failed(error);
    });
  }
}
