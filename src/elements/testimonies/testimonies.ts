import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { getJson } from '../../client/http.js';
import {
  CHANNELS,
  FEELINGS,
  TAGS,
  TestimoniesPage,
  type Channel,
  type Feeling,
  type PublishedTestimony,
  type Tag,
  type TestimonyStats,
} from '../../contract/testimony.js';
import { formatCount, pluralForm } from '../../contract/count.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { failureMessage, failureOf, isFinal } from '../../internal/failure.js';
import { format } from '../../internal/i18n.js';
import { formatDay, formatPercent, formatQuantity } from '../../internal/plain-format.js';
import { LoadController } from '../../internal/load-controller.js';
import { failureView, loadingView } from '../../internal/load-view.js';
import { parserFor } from '../../internal/parse.js';
import { StringsGate } from '../../internal/strings-gate.js';
import { testimoniesStrings } from './testimonies.strings.js';
import { testimoniesStyles } from './testimonies.styles.js';

const parsePage = parserFor(TestimoniesPage);

interface Filters {
  feeling?: Feeling;
  channel?: Channel;
  tag?: Tag;
}

const clamp = (value: number, min: number, max: number, fallback: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;

/**
 * Citizens' published experiences of a structure, newest first, each with the public reply of every structure
 * concerned, the structure's response rate and median reply time, filters by feeling, contact channel and
 * theme, and "Voir plus" pagination. Everything a citizen or an agent wrote is rendered as text, never as HTML.
 *
 * Reserve its space in the host page's CSS so the page does not jump when the script arrives:
 *
 *     spp-testimonies:not(:defined) { display: block; min-height: 40rem; }
 *
 * @tagname spp-testimonies
 * @summary Published experiences with the administration's public replies.
 *
 * @attr structure - SP+ structure code whose experiences are shown.
 * @attr page-size - Experiences per page, 1 to 50 (10 by default).
 * @attr heading-level - Level of each experience's title, 2 to 6. Without it, one level below the nearest heading
 *   before the element on the page, or 2 when there is none (the rule of every element).
 * @attr lang - `fr` (default) or `en`.
 * @attr theme - `dsfr` (default) or `neutral`.
 * @attr api - API base URL (default: the origin that served the script).
 *
 * @fires spp-error - The experiences could not be loaded (API down, timeout, HTTP error, malformed answer); the
 *   element shows its own message and a "Réessayer" button.
 *
 * @csspart stats - The response rate and median reply time.
 * @csspart filters - The filter form.
 * @csspart list - The list of experiences.
 * @csspart item - One experience.
 * @csspart title - An experience's title.
 * @csspart feeling - An experience's feeling (Positif / Neutre / Négatif).
 * @csspart tag - One theme of an experience.
 * @csspart reply - A structure's reply.
 * @csspart more - The "Voir plus" button.
 * @csspart message - The loading, empty and error messages.
 *
 * @cssprop --spp-color-primary - Buttons, focus accents.
 * @cssprop --spp-color-primary-hover - Buttons under the pointer.
 * @cssprop --spp-color-on-primary - Text on the primary colour.
 * @cssprop --spp-color-text - Text.
 * @cssprop --spp-color-text-muted - Dates and labels.
 * @cssprop --spp-color-background - Background.
 * @cssprop --spp-color-background-alt - Replies and statistics.
 * @cssprop --spp-color-border - Borders of the experiences and fields.
 * @cssprop --spp-color-success - Positive feeling marker.
 * @cssprop --spp-color-warning - Neutral feeling marker.
 * @cssprop --spp-color-error - Negative feeling marker and error messages.
 * @cssprop --spp-color-focus - Focus ring.
 * @cssprop --spp-font-family - Font (`neutral`: the host page's).
 * @cssprop --spp-radius - Corner radius.
 * @cssprop --spp-space - Spacing unit.
 */
export class SppTestimonies extends SppElement {
  static override styles = [...SppElement.styles, testimoniesStyles];

  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    filters: { state: true },
    announcement: { state: true },
  };

  /** Experiences per page (1 to 50). */
  pageSize = 10;

  /** Level of each experience's title (2 to 6). Unset: from the page's outline (2 at the top). */
  headingLevel: number | undefined = undefined;

  private filters: Filters = {};
  private announcement = '';

  /** Set when a user action (filter, retry, "Voir plus") asked for the answer: its outcome is announced. */
  #announceNext = false;
  /** The latest request (in flight or done) asked for the next page, added to the list. */
  #append = false;
  /** "Voir plus" asks the next request for the next page; any other request starts the list again. */
  #nextAppends = false;

  /**
   * The experiences shown: the first page, asked again when the structure, the API or the page size changes (a
   * filter, a retry or "Voir plus" ask through `fetchPage`); with "Voir plus", the list so far and the next page.
   */
  private readonly list: LoadController<TestimoniesPage | undefined> = new LoadController(
    this,
    async (signal): Promise<TestimoniesPage | undefined> => {
      if (!this.structure) return undefined;
      const append = (this.#append = this.#nextAppends);
      this.#nextAppends = false;
      const shown = this.list.value;
      const page = await getJson(this.url(append), parsePage, { signal });
      return append && shown ? { ...page, items: [...shown.items, ...page.items] } : page;
    },
    () => [this.structure, this.apiBase, this.pageSize],
    (error) => this.reportError(error),
  );

  private get items(): PublishedTestimony[] {
    return this.list.value?.items ?? [];
  }

  private get stats(): TestimonyStats | undefined {
    return this.list.value?.stats;
  }

  private get nextCursor(): string | null {
    return this.list.value?.nextCursor ?? null;
  }

  /** "Voir plus": waiting for the next page, or it failed (the list stays). */
  private get moreState(): 'idle' | 'loading' | 'error' {
    return !this.#append ? 'idle' : this.list.pending ? 'loading' : this.list.error ? 'error' : 'idle';
  }

  /** The element's words; French when English could not be downloaded. */
  readonly #strings = new StringsGate(this, testimoniesStrings, (error) => this.reportError(error));

  private get strings() {
    return this.#strings.strings;
  }

  /** In English nothing is drawn nor asked before the English strings are here: every message is then in English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#strings.until()?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  private url(append: boolean): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(this.filters)) if (value) params.set(name, value);
    params.set('limit', String(clamp(this.pageSize, 1, 50, 10)));
    if (append && this.nextCursor) params.set('cursor', this.nextCursor);
    return apiUrl(this.apiBase, `/api/v1/structures/${encodeURIComponent(this.structure)}/testimonies?${params}`);
  }

  /** A load a user asked for: the first page again (filters, retry) or the next one; its outcome is announced. */
  private async fetchPage(append: boolean): Promise<void> {
    const announce = this.#announceNext;
    this.#announceNext = false;
    this.#nextAppends = append;
    const firstNew = this.items.length;
    if (append) this.announcement = this.strings.loadingMore;
    else if (announce) this.announcement = this.strings.loading;
    await this.list.run();
    const { pending, error, value } = this.list;
    // A newer request took over: its own outcome is announced.
    if (pending || this.#append !== append) return;
    if (error || !value) {
      if (append) this.announcement = '';
      return;
    }
    if (append) {
      this.announcement = this.countMessage(value.items.length - firstNew, true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${firstNew}"]`)?.focus();
    } else if (announce) {
      this.announcement = this.items.length ? this.countMessage(this.items.length, false) : this.emptyMessage();
    }
  }

  private plural(key: 'shown' | 'shownMore', count: number): string {
    const form = pluralForm(count, this.language);
    return format(this.strings[`${key}_${form}`], { count });
  }

  private countMessage(count: number, more: boolean): string {
    const text = this.plural(more ? 'shownMore' : 'shown', count);
    return this.nextCursor ? `${text} ${this.strings.moreAvailable}` : text;
  }

  private emptyMessage(): string {
    return this.hasFilters ? this.strings.noneMatch : this.strings.noneYet;
  }

  private get hasFilters(): boolean {
    return Object.values(this.filters).some(Boolean);
  }

  private setFilter(name: keyof Filters, value: string): void {
    this.filters = { ...this.filters, [name]: value || undefined };
    this.#announceNext = true;
    void this.fetchPage(false);
  }

  private clearFilters(): void {
    this.filters = {};
    this.#announceNext = true;
    void this.fetchPage(false);
    // The button disappears with the filters it clears: keep the keyboard user in the form.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus());
  }

  private readonly retry = (): void => {
    this.#announceNext = true;
    void this.fetchPage(false);
  };

  private more(): void {
    if (this.moreState === 'loading' || !this.nextCursor) return;
    void this.fetchPage(true);
  }

  private get errorMessage(): string {
    return failureMessage(this.list.error, this.strings, this.language, this.structure);
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const published = this.stats?.published ?? 0;
    return html`<div class="root" lang=${this.language}>
      ${published > 0 ? this.renderStats(this.stats!) : nothing}
      ${published > 0 ? this.renderFilters() : nothing}
      <p class="sr-only" role="status">${this.announcement}</p>
      ${!this.structure
        ? failureView(s.errorNoStructure, s.retry)
        : this.list.pending && !this.#append
          ? loadingView(html`<p>${s.loading}</p>
              <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`)
          : this.list.error && !this.#append
            ? failureView(this.errorMessage, s.retry, isFinal(failureOf(this.list.error)) ? undefined : this.retry)
            : this.items.length === 0
            ? html`<p class="message empty" part="message">${this.emptyMessage()}</p>`
            : this.renderList()}
    </div>`;
  }

  private renderStats(stats: TestimonyStats): TemplateResult {
    const s = this.strings;
    const lang = this.language;
    const delay =
      stats.medianReplyDays === null
        ? null
        : stats.medianReplyDays < 1
          ? s.lessThanADay
          : formatQuantity(stats.medianReplyDays, lang, s.days_one, s.days_other);
    return html`<div class="stats" part="stats" role="group" aria-label=${s.statsLabel}>
      <dl>
        <div><dt>${s.statPublished}</dt><dd>${formatCount(stats.published, lang)}</dd></div>
        ${stats.responseRate === null
          ? nothing
          : html`<div><dt>${s.statRate}</dt><dd>${formatPercent(stats.responseRate, lang)}</dd></div>`}
        ${delay === null ? nothing : html`<div><dt>${s.statDelay}</dt><dd>${delay}</dd></div>`}
      </dl>
    </div>`;
  }

  private renderSelect<K extends keyof Filters>(name: K, label: string, values: readonly NonNullable<Filters[K]>[], labels: Record<string, string>) {
    const id = `filter-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => this.setFilter(name, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.filters[name]}>${this.strings.all}</option>
        ${values.map((value) => html`<option value=${value} ?selected=${this.filters[name] === value}>${labels[value]}</option>`)}
      </select>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const s = this.strings;
    return html`<form class="filters" part="filters" @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${s.filtersLegend}</legend>
        <div class="fields">
          ${this.renderSelect('feeling', s.feeling, FEELINGS, s.feelingLabels)}
          ${this.renderSelect('channel', s.channel, CHANNELS, s.channelLabels)}
          ${this.renderSelect('tag', s.tag, TAGS, s.tagLabels)}
        </div>
        ${this.hasFilters ? html`<button type="button" class="link-button" @click=${this.clearFilters}>${s.clearFilters}</button>` : nothing}
      </fieldset>
    </form>`;
  }

  private renderList(): TemplateResult {
    const s = this.strings;
    return html`<ul class="list" part="list" role="list">
        ${this.items.map((item, index) => this.renderItem(item, index))}
      </ul>
      ${this.moreState === 'error' ? html`<p class="more-error" part="message" role="alert">${s.errorMore} ${this.errorMessage}</p>` : nothing}
      ${this.nextCursor
        ? html`<button
            type="button"
            class="button more"
            part="more"
            aria-disabled=${this.moreState === 'loading' ? 'true' : 'false'}
            @click=${this.more}
          >
            ${this.moreState === 'loading' ? s.loadingMore : this.moreState === 'error' ? s.retry : s.more}
          </button>`
        : nothing}`;
  }

  private renderItem(item: PublishedTestimony, index: number): TemplateResult {
    const s = this.strings;
    const lang = this.language;
    const level = this.headingLevelFor(this.headingLevel, 2, 6);
    const titleId = `title-${index}`;
    // This structure's reply first: it is the one the host page is about.
    const replies = [...item.replies].sort((a, b) => Number(b.structure.code === this.structure) - Number(a.structure.code === this.structure));
    return html`<li class="item" part="item">
      <article class="card feeling-${item.feeling}" tabindex="-1" data-index=${index} aria-labelledby=${titleId}>
        <p class="meta">
          <span class="feeling" part="feeling"><span class="dot" aria-hidden="true"></span>${s.feelingLabels[item.feeling]}</span>
          <span class="date">${format(s.published, { date: formatDay(item.publishedAt, lang) })}</span>
        </p>
        <p class="title" part="title" role="heading" aria-level=${level} id=${titleId}>${item.title}</p>
        <p class="body">${item.body}</p>
        <dl class="facts">
          ${item.channels.length
            ? html`<div>
                <dt>${s.channels}</dt>
                <dd>
                  ${item.channels
                    .map((use) => s.channelLabels[use.channel] + (use.feeling ? ` (${s.feelingLabels[use.feeling].toLowerCase()})` : ''))
                    .join(', ')}
                </dd>
              </div>`
            : nothing}
          ${item.tags.length
            ? html`<div>
                <dt>${s.tags}</dt>
                <dd><ul class="tags" role="list">${item.tags.map((tag) => html`<li part="tag">${s.tagLabels[tag]}</li>`)}</ul></dd>
              </div>`
            : nothing}
          <div><dt>${s.structures}</dt><dd>${item.structures.map((st) => st.name).join(', ')}</dd></div>
        </dl>
        ${item.postedAs === 'helper' ? html`<p class="posted-as">${s.postedAs_helper}</p>` : nothing}
        ${replies.length
          ? replies.map(
              (reply, r) => html`<div class="reply" part="reply" role="group" aria-labelledby=${`reply-${index}-${r}`}>
                <p class="reply-head">
                  <span id=${`reply-${index}-${r}`} class="reply-from">${format(s.reply, { name: reply.structure.name })}</span>
                  <span class="date">${formatDay(reply.createdAt, lang)}</span>
                </p>
                <p class="body">${reply.body}</p>
                <p class="signature">${reply.signature}</p>
              </div>`,
            )
          : html`<p class="no-reply">${s.noReply}</p>`}
      </article>
    </li>`;
  }
}

defineElement('spp-testimonies', SppTestimonies);

declare global {
  interface HTMLElementTagNameMap {
    'spp-testimonies': SppTestimonies;
  }
}
