import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import type { Engagement } from '../../contract/engagement.js';
import { ENGAGEMENTS_FR } from '../../data/engagements.fr.js';
import { SppElement } from '../../internal/base-element.js';
import { defineElement } from '../../internal/define.js';
import type { SppErrorDetail } from '../../internal/events.js';
import { format, lazyStrings } from '../../internal/i18n.js';
import { STRINGS_FR, type EngagementsPack, type EngagementsStrings } from './engagements.strings.js';
import { engagementsStyles } from './engagements.styles.js';
import { fetchLocalCommitments, LOCAL_COMMITMENTS_GRACE_MS, type LocalCommitments } from './local-commitments.js';

export type EngagementsVariant = 'full' | 'compact' | 'badge';

/** The programme's public site, where the badge leads unless the host page names its own list. */
export const PROGRAMME_URL = 'https://www.plus.transformation.gouv.fr/';

/** French from the bundle; English (wording and words) its own chunk, downloaded only by pages that ask for it. */
const pack = lazyStrings<EngagementsPack>({ doc: ENGAGEMENTS_FR, s: STRINGS_FR }, () =>
  import('./engagements.strings.en.js').then((module) => module.PACK_EN),
);

/** The text with its `emphasis` substrings (found in order, any case) in `<strong>`, everything as text nodes. */
function emphasise(text: string, emphasis: string[]): (string | TemplateResult)[] {
  const lower = text.toLowerCase();
  const parts: (string | TemplateResult)[] = [];
  let from = 0;
  for (const word of emphasis) {
    // Lower-casing changes the length of a few letters (no French ones); then positions would be wrong.
    const start = word && lower.length === text.length ? lower.indexOf(word.toLowerCase(), from) : -1;
    if (start < 0) continue;
    parts.push(text.slice(from, start), html`<strong part="keyword">${text.slice(start, start + word.length)}</strong>`);
    from = start + word.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The 9 engagements of Services Publics+ (the programme's "promise") in the official wording, grouped
 * "Des services publics + proches / + efficaces / + simples", with the structure's own local commitments.
 *
 * The engagements ship inside the bundle: the banner shows whatever the API does; the API only adds the local
 * commitments of `structure`. With `structure`, the full banner keeps its space empty until they arrive or fail,
 * 1 s at most, then shows once (rather than showing the engagements and pushing them down to insert the
 * commitments); commitments from an API slower than that are inserted when they come. Without `structure`, and
 * in the `compact` and `badge` variants, it shows at once. English (our own translation: the official text is
 * French) is a separate chunk, downloaded only when `lang="en"`.
 *
 * The wording is not fetched from `GET /api/v1/engagements`: the server stores the same bundled data (its seed)
 * and serves the script, so the bundle is as new as the server; a request on every page view would buy nothing
 * but bytes, a round trip and a layout shift when the text is swapped.
 *
 * Reserve the banner's space in the host page's CSS so the page does not jump when the script arrives:
 *
 *     spp-engagements:not(:defined) { display: block; min-height: 30rem; }
 *     spp-engagements[variant='compact']:not(:defined) { min-height: 4.5rem; }
 *     spp-engagements[variant='badge']:not(:defined) { min-height: 2.75rem; }
 *
 * In one column (below 48em, where the banner is over 70rem tall) reserve 40rem, most of a phone's screen, with
 * `(max-width: 48em)` as the media query of the first rule.
 *
 * @tagname spp-engagements
 * @summary The 9 engagements of Services Publics+, with the structure's local commitments.
 *
 * @attr variant - `full` (default: the 3 groups and their 9 engagements), `compact` (one strip with the 9 keywords,
 *   expanding to the full list) or `badge` (a small mark linking to the full list).
 * @attr highlight - Engagement numbers to spotlight, comma-separated (`6,7`); the others stay listed. Numbers that
 *   are not engagements are ignored.
 * @attr structure - SP+ structure code whose local commitments are shown under the matching engagements.
 * @attr heading-level - Level of the banner's heading, 1 to 6; group headings use the next level. Without it, one
 *   level below the nearest heading before the element on the page, or 2 when there is none (the rule of every element).
 * @attr href - Where the `badge` leads (default: the programme's site).
 * @attr lang - `fr` (default) or `en`.
 * @attr theme - `dsfr` (default) or `neutral`.
 * @attr api - API base URL (default: the origin that served the script).
 *
 * @fires spp-error - The local commitments could not be loaded (API down, no answer within 5 s, HTTP error,
 *   malformed answer) or the English text could not be downloaded; the banner still shows the engagements.
 *
 * @csspart banner - The whole banner (`full` and `compact`).
 * @csspart group - One of the 3 groups.
 * @csspart engagement - One engagement.
 * @csspart highlighted - A spotlit engagement (with `engagement`) or keyword (with `keyword`).
 * @csspart number - The engagement's number.
 * @csspart text - The engagement's official text.
 * @csspart keyword - An emphasised keyword in the text, or a keyword of the `compact` strip.
 * @csspart commitment - One local commitment of the structure.
 * @csspart toggle - A disclosure button ("Pourquoi cet engagement ?", the `compact` expander).
 * @csspart quote - A citizen's words under an engagement.
 * @csspart badge - The `badge` link.
 *
 * @cssprop --spp-color-primary - Headings, numbers, keywords, buttons.
 * @cssprop --spp-color-primary-hover - Buttons and links under the pointer.
 * @cssprop --spp-color-on-primary - Numbers on the primary colour.
 * @cssprop --spp-color-accent - Spotlight marker.
 * @cssprop --spp-color-text - Text.
 * @cssprop --spp-color-text-muted - Labels and notes.
 * @cssprop --spp-color-background - Background.
 * @cssprop --spp-color-background-alt - Groups (`neutral`), spotlit engagements, quotes.
 * @cssprop --spp-color-border - Borders.
 * @cssprop --spp-color-focus - Focus ring.
 * @cssprop --spp-font-family - Font (`neutral`: the host page's).
 * @cssprop --spp-radius - Corner radius.
 * @cssprop --spp-space - Spacing unit.
 */
export class SppEngagements extends SppElement {
  static override styles = [...SppElement.styles, engagementsStyles];

  // No decorators, like `SppElement`: their helpers would cost this budget-bound element about 0.3 KB gzip.
  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    highlight: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    href: {},
    // `state` implies `attribute: false` in Lit 3: not spelt out, for the budget.
    local: { state: true },
    openQuotes: { state: true },
    expanded: { state: true },
    englishFailed: { state: true },
  };

  /** `full` (default), `compact` or `badge`; anything else is shown as `full`. */
  variant: EngagementsVariant = 'full';

  /** Engagement numbers to spotlight, comma-separated (`6,7`). */
  highlight = '';

  /** Level of the banner's heading (1 to 6); group headings use the next level. Unset: from the page's outline (2 at the top). */
  headingLevel: number | undefined = undefined;

  /** Where the `badge` leads; default: the programme's site. */
  href = '';

  /** `null`: asked for and not settled yet; the full banner waits (see `LOCAL_COMMITMENTS_GRACE_MS`). */
  private local?: LocalCommitments | null;
  private openQuotes: number[] = [];
  private expanded = false;
  /** The failure of the English download, reported once; the banner is then French. */
  private englishFailed?: SppErrorDetail;

  /** `api|structure` of the commitments asked for; an answer to an older question is dropped. */
  #localKey = '';

  /** What to show: French from the bundle, English once its chunk is here, French if it cannot come. */
  private get pack(): EngagementsPack | undefined {
    return pack(this.englishFailed ? 'fr' : this.language, this, (error) => (this.englishFailed ||= this.reportError(error)));
  }

  protected override willUpdate(): void {
    const key = this.variant !== 'badge' && this.structure ? `${this.apiBase}|${this.structure}` : '';
    if (key !== this.#localKey) {
      this.#localKey = key;
      this.local = key ? null : undefined;
      if (key) {
        // The commitments, or, after a failure or the grace period, none yet (those of a slower API come in late).
        const settle = (local?: LocalCommitments) => key === this.#localKey && (local || this.local === null) && (this.local = local);
        setTimeout(settle, LOCAL_COMMITMENTS_GRACE_MS);
        fetchLocalCommitments(this.apiBase, this.structure).then(settle, (error: unknown) => {
          settle();
          if (key === this.#localKey) this.reportError(error);
        });
      }
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const compact = this.variant === 'compact';
    // English still downloading, or the full banner waiting for the structure's commitments: the reserved space
    // stays empty rather than showing French then switching, or engagements then pushing them down.
    if (!this.pack || (this.local === null && !compact)) return nothing;
    const { doc, s } = this.pack;
    const lang = doc.lang;
    const every = doc.pillars.flatMap((group) => group.engagements);
    const count = every.length;
    if (this.variant === 'badge') {
      // The attribute may come from a CMS field: never let it run script.
      const href = !this.href || /^\s*(javascript|data|vbscript):/i.test(this.href) ? PROGRAMME_URL : this.href;
      return html`<div class="root" lang=${lang}>
        <a class="badge" part="badge" href=${href}
          ><span class="mark" aria-hidden="true">+</span>Services Publics+ <span class="by">${format(s.badge, { count })}</span></a
        >
      </div>`;
    }
    const level = this.headingLevelFor(this.headingLevel);
    const spotlight = this.highlight.split(/[\s,;]+/).map(Number);
    const groups =
      !compact || this.expanded
        ? html`<div class="groups">
            ${doc.pillars.map(
              (group) => html`<section class="group" part="group" aria-labelledby="g-${group.id}">
                <div class="group-title" role="heading" aria-level=${Math.min(6, level + 1)} id="g-${group.id}">${group.title}</div>
                <ol class="list" role="list">
                  ${group.engagements.map((e) => this.renderEngagement(e, spotlight.includes(e.number), lang, s))}
                </ol>
              </section>`,
            )}
          </div>`
        : nothing;
    const note = doc.translated ? html`<p class="note">${s.translated}</p>` : nothing;
    if (!compact) {
      return html`<section class="root" part="banner" lang=${lang} aria-labelledby="title">
        <div class="title" role="heading" aria-level=${level} id="title">${s.title}</div>
        ${groups}${note}
      </section>`;
    }
    return html`<section class="root" part="banner" lang=${lang} aria-labelledby="title">
      <div class="strip">
        <div class="title" role="heading" aria-level=${level} id="title">Services Publics+</div>
        <ol class="keywords" role="list">
          ${every.map((e) =>
            spotlight.includes(e.number)
              ? html`<li part="keyword highlighted">
                  <span class="sr-only">${s.engagementPrefix} ${e.number}, </span><strong>${e.keyword}</strong>
                </li>`
              : html`<li part="keyword"><span class="sr-only">${s.engagementPrefix} ${e.number}, </span>${e.keyword}</li>`,
          )}
        </ol>
        <button
          class="toggle"
          part="toggle"
          aria-expanded=${this.expanded}
          aria-controls="all"
          @click=${() => (this.expanded = !this.expanded)}
        >${format(s.details, { count })}</button>
      </div>
      <div id="all" class="all" ?hidden=${!this.expanded}>${groups}</div>
      ${note}
    </section>`;
  }

  private renderEngagement(e: Engagement, on: boolean, lang: Lang, s: EngagementsStrings): TemplateResult {
    const open = this.openQuotes.includes(e.number);
    const local = this.local?.commitments.filter((c) => c.engagement === e.number) ?? [];
    // A structure writes its commitments in French: marked so when the banner speaks English.
    const localLang = lang === 'fr' ? nothing : 'fr';
    return html`<li class="engagement ${on ? 'on' : ''}" part=${on ? 'engagement highlighted' : 'engagement'}>
      <span class="number" part="number"><span class="sr-only">${s.engagementPrefix} </span>${e.number}</span>
      <div>
        ${on ? html`<p class="flag">${s.highlighted}</p>` : nothing}
        <p part="text">${emphasise(e.text, e.emphasis)}</p>
        ${local.length
          ? html`<div class="local">
              <p class="by">${s.localBy} – <span lang=${localLang}>${this.local!.name}</span></p>
              <ul role="list">
                ${local.map((c) => html`<li part="commitment" lang=${localLang}>${c.text}</li>`)}
              </ul>
            </div>`
          : nothing}
        ${e.quote
          ? html`<button
                class="toggle"
                part="toggle"
                aria-expanded=${open}
                aria-controls="q${e.number}"
                @click=${() =>
                  (this.openQuotes = open ? this.openQuotes.filter((n) => n !== e.number) : [...this.openQuotes, e.number])}
              >${s.why}<span class="sr-only"> (${format(s.whyFor, { n: e.number })})</span></button>
              <blockquote class="quote" part="quote" id="q${e.number}" ?hidden=${!open}>
                <p>${format(s.quote, { text: e.quote })}</p>
              </blockquote>`
          : nothing}
      </div>
    </li>`;
  }
}

defineElement('spp-engagements', SppEngagements);

declare global {
  interface HTMLElementTagNameMap {
    'spp-engagements': SppEngagements;
  }
}
