import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, getJson } from '../../client/http.js';
import type { Lang } from '../../contract/common.js';
import { ResultsResponseSchema } from '../../contract/generated/results-response.js';
import type { Indicator, IndicatorFamily, ResultsResponse } from '../../contract/results.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { emit } from '../../internal/events.js';
import { failureMessage, failureOf, isFinal } from '../../internal/failure.js';
import { format } from '../../internal/i18n.js';
import { dateFormat, formatDate, numberFormat } from '../../internal/intl.js';
import { checkerFor } from '../../internal/json-check.js';
import { LoadController } from '../../internal/load-controller.js';
import { failureView, loadingView } from '../../internal/load-view.js';
import { isSignificant, isStale } from './indicator-status.js';
import { renderFamily } from './results-card.js';
import { formatPeriod, formatValue, PERCENT } from './results-format.js';
import type { ResultsHistory } from './results-history.js';
import type { QrCode } from './results-qr.js';
import { resultsStrings, RESULTS_FR, type ResultsTable } from './results.strings.js';
import { resultsStyles } from './results.styles.js';

// Checked against the contract without zod: zod and its schemas would take this page over its 18 KB budget.
const parseResults = checkerFor<ResultsResponse>(ResultsResponseSchema);

function warmUpIntl(lang: Lang): void {
  numberFormat(lang, PERCENT).format(1);
  dateFormat(lang).format(0);
}

const FAMILIES: IndicatorFamily[] = ['performance', 'satisfaction'];
/**
 * Indicator cards drawn per step, one step per frame: a long list appears over a few frames, each step's
 * script and layout short, instead of in one long task (12 cards take 6 frames).
 */
const CARDS_PER_FRAME = 2;

/** After the next frame is laid out and painted; a hidden page (no frames) goes on after 100 ms. */
const afterNextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });

/** Detail of `spp-loaded`. */
export interface SppResultsLoadedDetail {
  structure: string;
  indicators: number;
}

/**
 * @summary A public service's quality-of-service results (engagement 6): for each indicator, the latest value,
 * a badge against the target, the trend, the network average and how it is measured; the history as a chart
 * with the same data as a table; an A4 poster with a QR code when printed.
 *
 * Status badges: "objectif atteint" when the latest value reaches the target (at or above it when higher is
 * better, at or below when lower is better); "proche de l'objectif" when it misses by at most 5 % of the
 * target; "objectif non atteint" otherwise; "données insuffisantes" when the value was not measured or a
 * survey has fewer than 100 answers. A warning shows when the latest update is more than 12 months old.
 *
 * Reserve its space before the script loads: `spp-results:not(:defined) { display: block; min-height: 40rem }`.
 *
 * @attr structure - SP+ structure code (`CAF-69`).
 * @attr api - API base URL; defaults to the origin that served the script.
 * @attr lang - `fr` (default) or `en`; without it, the language of the page around the element.
 * @attr theme - `dsfr` (State sites, default) or `neutral` (local authorities).
 * @attr heading-level - Level of the structure name's heading, 1 to 4; families one level below, indicators two.
 *   Without it, one level below the nearest heading before the element on the page, or 2 when there is none (the
 *   rule of every element).
 * @attr network-href - Link to the results of the whole network; no link without it.
 * @attr feedback-href - Link to the testimony form ("Donnez votre avis"); no link without it.
 * @attr results-url - Address the printed poster's QR code points to; defaults to this page.
 * @attr poster - Shows the printed A4 poster layout on screen (for a page made to be printed).
 * @attr source - `api` (default) or `opendata`: read the Services Publics+ open-data portal instead of our API.
 * @attr portal - With `source="opendata"`: the portal's base URL (default the Services Publics+ portal).
 * @attr dataset-structures - With `source="opendata"`: the structures dataset id (see docs/import.md).
 * @attr dataset-indicators - With `source="opendata"`: the indicator catalogue dataset id.
 * @attr dataset-results - With `source="opendata"`: the results dataset id.
 *
 * @fires spp-results-loaded - Every indicator is shown. `detail`: `{ structure, indicators }` (number of indicators).
 * @fires spp-error - Loading failed; the element shows its own message. `detail`: `{ kind, status?, message }`; `kind` is
 *   `config` when the open-data portal does not know a dataset or field the element asked for (fix the attributes).
 *
 * @csspart base - The element's root.
 * @csspart header - Structure name, network and update date.
 * @csspart title - The structure name heading.
 * @csspart warning - The stale-results warning.
 * @csspart section - Each family of indicators ("Qualité rendue", "Qualité perçue").
 * @csspart indicator - One indicator's card.
 * @csspart value - An indicator's latest value.
 * @csspart badge - An indicator's status badge (also `badge-met`, `badge-close`, `badge-not-met`, `badge-insufficient`).
 * @csspart trend - The change since the previous period.
 * @csspart methodology - The "how is this measured?" disclosure.
 * @csspart history - The history section (chart and table).
 * @csspart chart - The chart container (give it another height with `--spp-results-chart-height`).
 * @csspart table - The data table.
 * @csspart button - The buttons (data toggle, retry).
 * @csspart link - The links (network results, feedback).
 * @csspart error - The error message.
 * @csspart message - The loading and error boxes.
 * @csspart qr - The poster's QR code and its caption.
 *
 * @cssprop --spp-color-primary - Main colour (links, our result's line). Default bleu France `#000091`.
 * @cssprop --spp-color-text - Text colour.
 * @cssprop --spp-color-text-muted - Secondary text, network average line, axes.
 * @cssprop --spp-color-background - Card background.
 * @cssprop --spp-color-background-alt - Indicator card background.
 * @cssprop --spp-color-border - Borders and chart grid.
 * @cssprop --spp-color-accent - Target line of the chart.
 * @cssprop --spp-color-success - "Objectif atteint" and improving trends.
 * @cssprop --spp-color-warning - "Proche de l'objectif" and the stale warning.
 * @cssprop --spp-color-error - "Objectif non atteint" and worsening trends.
 * @cssprop --spp-font-family - Font (Marianne when the page loads it, else the system font).
 * @cssprop --spp-radius - Corner radius.
 * @cssprop --spp-results-chart-height - Height of the history chart. Default `16rem`.
 * @cssprop --spp-results-min-height - Space reserved while loading. Default `40rem`.
 */
export class SppResults extends SppElement {
  static override styles = [...SppElement.styles, resultsStyles];

  // Declared without decorators: Lit's decorator helpers would cost every page holding the card.
  static override properties: PropertyDeclarations = {
    networkHref: { attribute: 'network-href' },
    feedbackHref: { attribute: 'feedback-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    resultsUrl: { attribute: 'results-url' },
    poster: { type: Boolean, reflect: true },
    source: {},
    portal: {},
    datasetStructures: { attribute: 'dataset-structures' },
    datasetIndicators: { attribute: 'dataset-indicators' },
    datasetResults: { attribute: 'dataset-results' },
    qr: { state: true, attribute: false },
    history: { state: true, attribute: false },
    historyFailed: { state: true, attribute: false },
    shown: { state: true, attribute: false },
  };

  /** Link to the results of the whole network; no link without it. */
  networkHref = '';
  /** Link to the testimony form ("Donnez votre avis"); no link without it. */
  feedbackHref = '';
  /** Level of the structure name's heading (1 to 4). Unset: from the page's outline (2 at the top). */
  headingLevel: number | undefined = undefined;
  /** Address the printed poster's QR code points to; defaults to this page. */
  resultsUrl = '';
  /** Shows the printed A4 poster layout on screen. */
  poster = false;
  /** `opendata`: the results come from the open-data portal instead of our API. */
  source = 'api';
  portal = '';
  datasetStructures = '';
  datasetIndicators = '';
  datasetResults = '';

  /** The results, from the API or the portal; asked again when the page changes where they come from. */
  private readonly results = new LoadController(
    this,
    async (signal) => {
      if (!this.structure) return undefined;
      // A page's first Intl formatter loads the locale data (~100 ms on a slow phone): do it while the
      // network is busy, not in the task that renders the results.
      setTimeout(() => warmUpIntl(this.language));
      const results = await this.fetchResults(signal);
      // Reading and checking a long history is a task's worth of work on a slow phone: render in the next one.
      await new Promise((resolve) => setTimeout(resolve));
      this.shown = CARDS_PER_FRAME;
      this.announced = false;
      return results;
    },
    () => [this.structure, this.apiBase, this.source, this.portal, this.datasetStructures, this.datasetIndicators, this.datasetResults],
    (error) => this.reportError(error),
  );
  private qr: QrCode | undefined;
  /** Chart and table, once loaded. */
  private history: ResultsHistory | undefined;
  private historyFailed = false;
  /** How many indicator cards are drawn so far (see `CARDS_PER_FRAME`). */
  private shown = 0;

  private focusTitleAfterLoad = false;
  private revealing: Promise<void> | undefined;
  private announced = false;
  private historyLoading: Promise<ResultsHistory> | undefined;
  private historyWatch: IntersectionObserver | undefined;
  private watched: Element | undefined;
  private readonly printMedia = matchMedia('print');

  /**
   * Where the results come from. The one place that knows the API path, so that another source (an open-data
   * adapter returning the same `ResultsResponse`) can replace it.
   */
  /** The main heading's level (see `heading-level`). */
  private get level(): number {
    return this.headingLevelFor(this.headingLevel, 1, 4);
  }

  protected fetchResults(signal: AbortSignal): Promise<ResultsResponse> {
    if (this.source === 'opendata') {
      // The portal adapter is a chunk of its own: pages that read our API never download it.
      return import('../../client/opendata.js').then(({ fetchOpenDataResults }) =>
        fetchOpenDataResults(
          { getJson, ApiError, parseResults, checkerFor },
          this.structure,
          {
            portal: this.portal,
            datasets: { structures: this.datasetStructures, indicators: this.datasetIndicators, results: this.datasetResults },
          },
          { signal },
        ),
      );
    }
    const url = apiUrl(this.apiBase, `/api/v1/structures/${encodeURIComponent(this.structure)}/results`);
    return getJson(url, parseResults, { signal });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: watch the history again (the next update does it).
    if (this.hasUpdated) this.requestUpdate();
    addEventListener('beforeprint', this.preparePoster);
    this.printMedia.addEventListener('change', this.onPrintMedia);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.historyWatch?.disconnect();
    this.watched = undefined;
    removeEventListener('beforeprint', this.preparePoster);
    this.printMedia.removeEventListener('change', this.onPrintMedia);
  }

  private readonly onPrintMedia = (event: MediaQueryListEvent) => event.matches && this.preparePoster();

  /** The QR code module is loaded only when the card is printed (or shown as a poster). */
  private get posterUrl(): string {
    return this.resultsUrl || location.href.split('#')[0]!;
  }

  private readonly preparePoster = async (): Promise<void> => {
    const text = this.posterUrl;
    if (this.qr?.text === text) return;
    const { makeQrCode } = await import('./results-qr.js');
    this.qr = makeQrCode(text);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('poster') && this.poster) || (changed.has('resultsUrl') && this.qr)) void this.preparePoster();
  }

  /** Resolves once every card is drawn, not only the first ones. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.revealing) {
      await this.revealing;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(): void {
    const { value, pending } = this.results;
    if (value && !pending) {
      const total = value.indicators.length;
      if (this.shown < total) {
        this.revealing ??= afterNextFrame().then(() => {
          this.revealing = undefined;
          this.shown += CARDS_PER_FRAME;
        });
      } else if (!this.announced) {
        this.announced = true;
        emit<SppResultsLoadedDetail>(this, 'spp-results-loaded', { structure: this.structure, indicators: total });
      }
    }
    const body = this.renderRoot.querySelector('.history-body') ?? undefined;
    if (!this.history && body !== this.watched) {
      // The chart and the table (and chart.js after them) load only once the history is on screen.
      this.historyWatch?.disconnect();
      this.watched = body;
      if (body) {
        this.historyWatch = new IntersectionObserver((entries) => {
          if (entries.some((entry) => entry.isIntersecting)) void this.loadHistory().catch(() => {});
        });
        this.historyWatch.observe(body);
      }
    }
    if (this.focusTitleAfterLoad && !pending) {
      this.focusTitleAfterLoad = false;
      this.renderRoot.querySelector<HTMLElement>('#title, .error')?.focus();
    }
  }

  private loadHistory(): Promise<ResultsHistory> {
    this.historyFailed = false;
    return (this.historyLoading ??= import('./results-history.js').then(
      ({ ResultsHistory }) => {
        this.historyWatch?.disconnect();
        return (this.history = new ResultsHistory(this, { formatPeriod, formatValue, isSignificant }));
      },
      (error: unknown) => {
        this.historyLoading = undefined;
        this.historyFailed = true;
        throw error;
      },
    ));
  }

  private readonly toggleTable = (): void => {
    this.loadHistory().then((history) => history.toggleTable(), () => {});
  };

  private readonly retry = (): void => {
    this.focusTitleAfterLoad = true;
    void this.results.run();
  };

  private get t(): ResultsTable {
    return resultsStrings(this.language, this, () => {}) ?? RESULTS_FR;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const { value, error, pending } = this.results;
    return html`<div class="root ${this.poster ? 'poster' : ''}" lang=${this.language} part="base">
      ${!this.structure
        ? failureView(t.noStructure, t.retry, undefined, 'card')
        : !resultsStrings(this.language, this, () => {}) || pending
          ? loadingView(
              html`<p class="sr-only" role="status">${t.loading}</p>
                <div class="bone title"></div>
                <div class="bone line"></div>
                <div class="indicators">${[0, 1, 2, 3].map(() => html`<div class="bone indicator"></div>`)}</div>`,
              'card skeleton',
            )
          : error || !value
            ? this.renderFailure(error)
            : this.renderResults(value)}
    </div>`;
  }

  private renderFailure(error: unknown): TemplateResult {
    const t = this.t;
    const message = failureMessage(error, t, this.language, this.structure);
    return failureView(message, t.retry, isFinal(failureOf(error)) ? undefined : this.retry, 'card');
  }

  private renderResults(results: ResultsResponse): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const { structure, updatedAt, indicators } = results;
    // Cards in reading order (performance first); the rest of the card waits for the last of them.
    const drawn = FAMILIES.flatMap((family) => indicators.filter((i) => i.family === family)).slice(0, this.shown);
    const complete = drawn.length === indicators.length;
    return html`<article class="card" aria-labelledby="title">
      <header part="header">
        <p class="eyebrow">${t.eyebrow}</p>
        <h2 id="title" part="title" tabindex="-1" aria-level=${this.level}>${structure.name}</h2>
        <p class="meta">
          ${format(t.network, { network: structure.network.name })}${updatedAt
            ? html`<span class="separator" aria-hidden="true"> · </span>${format(t.updated, { date: formatDate(updatedAt, lang) })}`
            : nothing}
        </p>
        ${this.networkHref
          ? html`<p><a href=${this.networkHref} part="link">${format(t.networkLink, { network: structure.network.name })}</a></p>`
          : nothing}
      </header>
      ${isStale(updatedAt)
        ? html`<p class="stale" part="warning"><span aria-hidden="true">⚠ </span>${format(t.stale, { date: formatDate(updatedAt!, lang) })}</p>`
        : nothing}
      ${indicators.length
        ? FAMILIES.map((family) => renderFamily(family, drawn, this.level, lang, t))
        : html`<p class="empty">${format(t.empty, { name: structure.name })}</p>`}
      ${complete
        ? [
            indicators.length ? this.renderHistory(indicators) : nothing,
            this.feedbackHref
              ? html`<p class="feedback">${t.feedbackIntro} <a href=${this.feedbackHref} part="link">${t.feedback}</a></p>`
              : nothing,
            this.renderQr(),
          ]
        : nothing}
    </article>`;
  }

  private renderHistory(indicators: Indicator[]): TemplateResult {
    const t = this.t;
    const open = !!this.history?.tableOpen;
    return html`<section class="history" part="history" aria-labelledby="history-title">
      <h3 id="history-title" aria-level=${this.level + 1}>${t.history}</h3>
      <div class="history-body ${indicators.length > 1 ? 'with-picker' : ''}" data-spp-needs-script>
        ${this.history ? this.history.render(indicators, t) : this.historyFailed ? html`<p>${t.historyFailed}</p>` : nothing}
      </div>
      <button type="button" part="button" aria-expanded=${open} aria-controls="data" @click=${this.toggleTable}>
        ${open ? t.hideData : t.showData}
      </button>
      <div id="data" class="table" role="region" aria-labelledby="caption" tabindex="0" ?hidden=${!open}>
        ${this.history?.renderTable() ?? nothing}
      </div>
    </section>`;
  }

  /**
   * The poster's way back to the live results: the address in words (printed even when the QR code module
   * has not arrived yet, e.g. on a first Ctrl+P) and the QR code once loaded. Hidden on screen but in poster mode.
   */
  private renderQr(): TemplateResult {
    const qr = this.qr;
    // A quiet zone of 4 modules around the code, as scanners expect.
    const box = qr && `-4 -4 ${qr.size + 8} ${qr.size + 8}`;
    return html`<figure class="qr" part="qr">
      ${qr
        ? html`<svg role="img" aria-label=${this.t.qrAlt} viewBox=${box} width="160" height="160">
            <rect x="-4" y="-4" width=${qr.size + 8} height=${qr.size + 8} class="qr-light"></rect>
            <path d=${qr.path} class="qr-dark"></path>
          </svg>`
        : nothing}
      <figcaption>${this.t.qrCaption} <span class="url">${this.posterUrl}</span></figcaption>
    </figure>`;
  }
}

defineElement('spp-results', SppResults);

declare global {
  interface HTMLElementTagNameMap {
    'spp-results': SppResults;
  }
  interface GlobalEventHandlersEventMap {
    'spp-results-loaded': CustomEvent<SppResultsLoadedDetail>;
  }
}
