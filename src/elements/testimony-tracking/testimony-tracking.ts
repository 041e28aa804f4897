import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError, getJson } from '../../client/http.js';
import { REFERENCE_PATTERN } from '../../contract/common.js';
import { TestimonyTracking, TrackingQuery, type TestimonyStatus } from '../../contract/testimony.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { format } from '../../internal/i18n.js';
import { formatDay } from '../../internal/plain-format.js';
import { LoadController } from '../../internal/load-controller.js';
import { parserFor } from '../../internal/parse.js';
import { StringsGate } from '../../internal/strings-gate.js';
import { trackingStrings } from './testimony-tracking.strings.js';
import { trackingStyles } from './testimony-tracking.styles.js';

const parseTracking = parserFor(TestimonyTracking);

export type TrackingState =
  | { kind: 'missing' }
  | { kind: 'loading' }
  | { kind: 'found'; view: TestimonyTracking }
  | { kind: 'not-found' }
  | { kind: 'failed' };

/** Reference and token from the attributes, else from the page's address (`/suivi/REF#token=…`). */
export function trackingTarget(reference: string, token: string, location: Location): { reference: string; token: string } {
  const fromPath = /\/suivi\/([^/]+)\/?$/.exec(location.pathname)?.[1] ?? '';
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  return { reference: reference || fromPath, token: token || fromHash };
}

/** A link the API could answer: a reference of the contract's format and a token within the contract's limits. */
const usable = (reference: string, token: string): boolean => REFERENCE_PATTERN.test(reference) && TrackingQuery.safeParse({ token }).success;

const STATUS_ICON: Record<TestimonyStatus, string> = { pending: '…', published: '✓', answered: '✓', rejected: '✕' };

/**
 * @tagname spp-testimony-tracking
 * @summary The author's private view of their testimony: its status, the reason of a refusal, the service's replies.
 *
 * The page the link received after sending a testimony opens (`/suivi/{reference}#token=…`, hosted by the API).
 * The token stays in the address's fragment, so it is never sent to a server in a page request nor in a Referer;
 * the element reads the reference and the token from its attributes, else from that address.
 *
 * Reserve its space in the host page's CSS so the page does not jump when the script arrives (the element keeps
 * that height while it loads and when it shows a message; a long answer grows past it):
 *
 *     spp-testimony-tracking:not(:defined) { display: block; min-height: 20rem; }
 *
 * @attr reference - The testimony's reference (`SPP-XXXX-XXXX`); else read from the page's `/suivi/{reference}` address.
 * @attr token - The private tracking token; else read from the page's `#token=` fragment.
 * @attr heading-level - Level of the view's heading, 1 to 6. Without it, one level below the nearest heading before
 *   the element on the page, or 2 when there is none (the rule of every element).
 * @attr api - API base URL; defaults to the origin that served the script.
 * @attr lang - `fr` (default) or `en`.
 * @attr theme - `dsfr` (default) or `neutral`.
 *
 * @fires spp-error - The status could not be loaded, or no testimony matches the link (the element shows its own
 *   message). `detail`: `{ kind, status?, message }`.
 *
 * @csspart tracking - The author's view.
 * @csspart status - The status and what it means.
 *
 * @cssprop --spp-color-primary - The retry button.
 * @cssprop --spp-color-success - The status of a published testimony.
 * @cssprop --spp-color-error - The status of a refused testimony.
 * @cssprop --spp-color-warning - The incomplete-link and error messages.
 * @cssprop --spp-font-family - Text font.
 * @cssprop --spp-radius - Corner radius.
 * @cssprop --spp-testimony-tracking-min-height - Height the element keeps at least, the host page's reservation. Default `20rem`.
 */
export class SppTestimonyTracking extends SppElement {
  static override styles = [...SppElement.styles, trackingStyles];

  static override properties: PropertyDeclarations = {
    reference: {},
    token: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  reference = '';
  token = '';
  headingLevel: number | undefined = undefined;
  #focusTitle = false;
  /** The element's words; French when English could not be downloaded. */
  readonly #strings = new StringsGate(this, trackingStrings, (error) => this.reportError(error));

  private get strings() {
    return this.#strings.strings;
  }

  /** In English nothing is drawn nor asked before the English strings are here: every message is then in English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#strings.until()?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  /** The status; asked again when the link, the API or the language changes (the replies' structure names come in it). */
  private readonly tracking = new LoadController(
    this,
    async (signal) => {
      const { reference, token } = this.target;
      if (!usable(reference, token)) return undefined;
      const path = `/api/v1/testimonies/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}&lang=${this.language}`;
      return getJson(apiUrl(this.apiBase, path), parseTracking, { signal });
    },
    () => [this.reference, this.token, this.apiBase, this.language],
    (error) => this.reportError(error),
  );

  private get target(): { reference: string; token: string } {
    return trackingTarget(this.reference, this.token, location);
  }

  /** What the view shows: an incomplete link is told at once, without asking the API. */
  private get state(): TrackingState {
    const { reference, token } = this.target;
    const { value, error, pending } = this.tracking;
    if (!usable(reference, token)) return { kind: 'missing' };
    if (pending || (!value && !error)) return { kind: 'loading' };
    if (error) return { kind: error instanceof ApiError && error.status === 404 ? 'not-found' : 'failed' };
    return { kind: 'found', view: value! };
  }

  private retry(): void {
    // The button goes away with the answer: focus moves to the heading above it, not to the page's top.
    this.#focusTitle = true;
    void this.tracking.run();
  }

  protected override updated(): void {
    if (!this.#focusTitle || this.state.kind === 'loading') return;
    this.#focusTitle = false;
    this.renderRoot.querySelector<HTMLElement>('#tracking-title')?.focus();
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>${this.view(this.state)}</div>`;
  }

  private view(state: TrackingState): TemplateResult {
    const lang = this.language;
    const s = this.strings;
    const level = this.headingLevelFor(this.headingLevel, 1, 6);
    const title = html`<div role="heading" aria-level=${level} class="title" id="tracking-title" tabindex="-1">${s.title}</div>`;
    if (state.kind !== 'found') {
      const message = { missing: s.missing, loading: s.loading, 'not-found': s.notFound, failed: s.failed }[state.kind];
      return html`<section class="tracking" part="tracking" aria-labelledby="tracking-title" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
        ${title}
        <p class=${state.kind === 'loading' ? 'muted' : 'notice'} role="status">${message}</p>
        ${state.kind === 'failed' ? html`<button type="button" class="button" @click=${() => this.retry()}>${s.retry}</button>` : nothing}
      </section>`;
    }
    const v = state.view;
    const published = v.publishedAt ? formatDay(v.publishedAt, lang) : '';
    const reason = v.rejectionReason ? s.reasons[v.rejectionReason] : s.unknownReason;
    return html`<section class="tracking" part="tracking" aria-labelledby="tracking-title">
      ${title}
      <p>${s.reference} <strong class="reference">${v.reference}</strong> · ${format(s.sentOn, { date: formatDay(v.createdAt, lang) })}</p>
      <p class="quote">«\u00a0${v.title}\u00a0»</p>
      ${v.structures.length ? html`<p class="muted">${format(s.about, { names: v.structures.map((x) => x.name).join(', ') })}</p>` : nothing}
      <div class="status status-${v.status}" part="status">
        <p class="status-label"><span aria-hidden="true" class="status-icon">${STATUS_ICON[v.status]}</span> <strong>${s.status[v.status]}</strong></p>
        <p>${format(s.statusText[v.status], { date: published, reason })}</p>
      </div>
      ${v.replies.map((r) => {
        const from = format(s.replyFrom, { name: r.structure.name, date: formatDay(r.createdAt, lang) });
        return html`<article class="reply" aria-label=${from}>
          <p class="reply-from"><strong>${from}</strong></p>
          <p class="story">${r.body}</p>
          <p class="signature">${r.signature}</p>
        </article>`;
      })}
    </section>`;
  }
}

defineElement('spp-testimony-tracking', SppTestimonyTracking);

declare global {
  interface HTMLElementTagNameMap {
    'spp-testimony-tracking': SppTestimonyTracking;
  }
}
