import { LitElement, type PropertyDeclarations } from 'lit';
import type { Lang } from '../contract/common.js';
import { ApiError } from '../client/api-error.js';
import { scriptOrigin } from './config.js';
import { emit, type SppErrorDetail } from './events.js';
import { resolveLang } from './i18n.js';
import { themeStyles } from './theme.js';
import { levelAbove } from './heading-level.js';

export type Theme = 'dsfr' | 'neutral';

/**
 * What every `spp-*` element shares: the common attributes (`structure`, `api`, `lang`, `theme`), the API
 * base, the language, the theme tokens, and `spp-error` reporting. Elements render their content inside a
 * `.root` wrapper that carries `lang`, so assistive tech reads it in the right language whatever the page's.
 */
export abstract class SppElement extends LitElement {
  static override styles = [themeStyles];

  // Declared without decorators: an element page that uses none (the banner, 12 KB budget) then downloads
  // neither Lit's decorator helpers nor TypeScript's `__decorate`. Subclasses may use decorators.
  static override properties: PropertyDeclarations = {
    structure: { reflect: true },
    api: {},
    lang: { reflect: true },
    theme: { reflect: true },
  };

  /** SP+ structure code. */
  structure = '';

  /** API base URL; defaults to the origin that served the script. */
  api = '';

  /** `fr` (default) or `en`; without it, the language of the page around the element. */
  override lang = '';

  /** `dsfr` (State sites, default) or `neutral` (local authorities). */
  theme: Theme = 'dsfr';

  /** Level of the nearest heading before the element on the page, read when it is connected. */
  private headingAbove: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.headingAbove = levelAbove(this);
  }

  /** The level of the element's main heading: `heading-level` when set, else one below the heading above it (see `heading-level.ts`). */
  protected headingLevelFor(attribute: number | null | undefined, min = 1, max = 6): number {
    // The attribute when it is a level; else one below the heading above; else 2. Then within min..max.
    return Math.min(max, Math.max(min, attribute! >= 1 ? Math.trunc(attribute!) : (this.headingAbove ?? 1) + 1));
  }

  /** The language the element speaks. */
  get language(): Lang {
    return resolveLang(this);
  }

  get apiBase(): string {
    return this.api || scriptOrigin;
  }

  /** Tells the host page something failed (the element shows its own message). */
  protected reportError(error: unknown): SppErrorDetail {
    const detail: SppErrorDetail =
      error instanceof ApiError
        ? { kind: error.kind, ...(error.status ? { status: error.status } : {}), message: error.message }
        : { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    emit(this, 'spp-error', detail);
    return detail;
  }
}
