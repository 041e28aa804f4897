import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { format } from '../../internal/i18n.js';
import { emptyState, outboxHasWork, type FormState } from './draft.js';
import { DraftController } from './draft-controller.js';
import { FeedbackController } from './feedback.js';
import { FloatingMode, trackingChild } from './modes.js';
import { ContactNotice } from './notice.js';
import { StructureChoice } from './structures.js';
import { feelingStep } from './feeling-step.js';
import { modeStyles } from './modes.styles.js';
import { stepStyles } from './steps.styles.js';
import { formStyles } from './testimony-form.styles.js';
import { formStrings, fr, type FormStrings } from './testimony-form.strings.js';
import { SubmissionController } from './submission.js';
import { FORM_STEPS, STEP, type CoreView, type FormView } from './view.js';
import type { QueueReason } from './review.js';

type Flow = typeof import('./flow.js');
let flowLoading: Promise<Flow> | undefined;
/** A task of its own for what follows (a phone's long tasks: each module evaluation and the work after it apart). */
const nextTask = (): Promise<void> => new Promise((next) => setTimeout(next));

/**
 * The rest of the form (steps 2 to 6, validation, outbox), fetched once per page, in three tasks rather than one
 * (each about 50 ms or less on a phone, where the one was 100 to 230 ms): the contract's schemas and zod, then
 * the rest of the form, then its start (the outbox, the draft's validation). The second download starts once the
 * first is evaluated (a round trip more); it runs ahead of the citizen, as soon as the form is on screen.
 */
function loadFlow(): Promise<Flow> {
  flowLoading ??= import('../../contract/testimony.js')
    .then(nextTask)
    .then(() => import('./flow.js'))
    .then(async (m) => {
      await nextTask();
      m.outbox.start();
      return m;
    })
    .catch((error: unknown) => {
      flowLoading = undefined; // a later interaction tries again
      throw error;
    });
  return flowLoading;
}

export type FormMode = 'inline' | 'floating' | 'link' | 'tracking';

/** Detail of `spp-submitted`. */
export interface SubmittedDetail {
  reference: string;
  /** The private tracking link (carries the token): show it to the author only. */
  trackingUrl: string;
}

/** Detail of `spp-queued`: the testimony waits in the outbox and will be sent automatically. */
export interface QueuedDetail {
  reason: QueueReason;
}

/**
 * @tagname spp-testimony-form
 * @summary A guided form to tell one's experience of a public service, that never loses what was typed.
 *
 * Six steps (feeling, services concerned, contact channels, title and story, contact, review), validated with
 * the API contract, with a personal-data check before sending. The draft is kept in `localStorage` on every
 * change; a submission carries one `Idempotency-Key` for all its retries, waits in an outbox while offline or
 * while the service is down, and is sent once, even after a double click or from two tabs.
 *
 * Reserve its space in the host page's CSS (inline mode) so the page does not jump when the script arrives:
 *
 *     spp-testimony-form:not(:defined) { display: block; min-height: 40rem; }
 *
 * @attr structure - SP+ code of the service the page is about; without it, the citizen searches for the service.
 * @attr mode - `inline` (default), `floating` (a corner button opening a dialog), `link` (only a link to the
 *   full-page form hosted by the API at `/form/{structure}`), `tracking` (kept for pages written before
 *   `<spp-testimony-tracking>`: the form shows that element, which the page's script loads, with its attributes).
 * @attr reference - In tracking mode: the testimony's reference, handed to `<spp-testimony-tracking>`.
 * @attr token - In tracking mode: the private token, handed to `<spp-testimony-tracking>`.
 * @attr heading-level - Level of the form's heading, 1 to 5; step titles are one level below. Without it, one level
 *   below the nearest heading before the element on the page, or 2 when there is none (the rule of every element).
 * @attr api - API base URL; defaults to the origin that served the script.
 * @attr lang - `fr` (default) or `en`.
 * @attr theme - `dsfr` (default) or `neutral`.
 *
 * @fires spp-submitted - The server stored the testimony. `detail`: `{ reference, trackingUrl }`.
 * @fires spp-queued - The testimony is kept in the outbox and will be sent automatically. `detail`: `{ reason }`.
 * @fires spp-error - Something failed (the form shows its own message). `detail`: `{ kind, status?, message }`.
 *
 * @csspart form - The form's section.
 * @csspart progress - The step indicator.
 * @csspart step-title - The current step's title.
 * @csspart chosen-structures - The list of services chosen in step 2.
 * @csspart notice - The "not a complaints desk" notice.
 * @csspart error-summary - The list of errors shown on submit.
 * @csspart pii-warning - The personal-data warning.
 * @csspart review - The review list of the last step.
 * @csspart button - The main buttons (continue, send).
 * @csspart status - The sending / retrying status line.
 * @csspart confirmation - What is shown once the testimony is received.
 * @csspart queued - What is shown while the testimony waits in the outbox.
 * @csspart tracking-link - The private tracking link.
 * @csspart receipt - A receipt kept from an earlier visit: a queued testimony that has since been received.
 * @csspart floating-button - The corner button (`mode="floating"`).
 * @csspart dialog - The dialog (`mode="floating"`).
 * @csspart link - The link (`mode="link"`).
 *
 * @cssprop --spp-color-primary - Buttons, links, progress.
 * @cssprop --spp-color-error - Errors.
 * @cssprop --spp-color-warning - The personal-data warning.
 * @cssprop --spp-color-info - Notices.
 * @cssprop --spp-color-success - Confirmation.
 * @cssprop --spp-font-family - Text font.
 * @cssprop --spp-radius - Corner radius.
 */
export class SppTestimonyForm extends SppElement {
  static override styles = [...SppElement.styles, formStyles, stepStyles, modeStyles];

  // Declared without decorators, like the base element: pages holding only another element then do not
  // download Lit's decorator helpers because this element is on the same site.
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    reference: {},
    token: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    strings: { state: true, attribute: false },
    flow: { state: true, attribute: false },
    flowFailed: { state: true, attribute: false },
    step: { state: true, attribute: false },
    data: { state: true, attribute: false },
    statusText: { state: true, attribute: false },
  };

  mode: FormMode = 'inline';
  reference = '';
  token = '';
  headingLevel: number | undefined = undefined;

  /** @internal The form's heading level (see `heading-level`). */
  get level(): number {
    return this.headingLevelFor(this.headingLevel, 1, 5);
  }

  /** `undefined` while English loads. French starts with the first step's strings; the flow adds the rest. */
  strings: FormStrings | undefined;
  flow: Flow | undefined;
  private flowFailed = false;
  step = 0;
  data: FormState = emptyState();
  statusText = '';
  private onScreen: IntersectionObserver | undefined;

  // The parts, each in its own file; readable by the others (never part of the element's public API).
  /** @internal */ readonly draft = new DraftController(this);
  /** @internal */ readonly feedback = new FeedbackController(this);
  /** @internal */ readonly submission = new SubmissionController(this);
  /** @internal */ readonly notice = new ContactNotice(this);
  /** @internal */ readonly structures = new StructureChoice(this);
  private readonly floating = new FloatingMode(this);
  private focusTarget: string | undefined;
  private stringsFor: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Something from an earlier visit to send, or to confirm: the flow is needed right away.
    if (outboxHasWork()) void this.ensureFlow();
    this.watchOnScreen();
  }

  /**
   * As soon as the form is on screen, the rest of its code is fetched while the network is there, so a
   * connection lost after the page loaded never blocks a step (the outbox then sends the testimony once the
   * network is back). A failed fetch is tried again when the browser is back online, and on every interaction.
   */
  private watchOnScreen(): void {
    if (this.onScreen || this.flow || typeof IntersectionObserver === 'undefined') return;
    this.onScreen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.onScreen?.disconnect();
      this.onScreen = undefined;
      this.preload();
    });
    this.onScreen.observe(this);
  }

  private preload(): void {
    if (this.mode === 'tracking') return;
    void this.ensureFlow().then((flow) => {
      if (!flow) addEventListener('online', this.retryPreload, { once: true });
      else void this.feedback.loadNames(flow);
    });
  }

  private readonly retryPreload = (): void => {
    if (this.isConnected) this.preload();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.onScreen?.disconnect();
    this.onScreen = undefined;
    removeEventListener('online', this.retryPreload);
  }

  /** @internal Reports a failure with `spp-error` (for the controllers). */
  report(error: unknown): void {
    this.reportError(error);
  }

  /** @internal */ get t(): FormStrings {
    // Before the flow arrives only the first step renders, and it uses only the first step's strings.
    return this.strings ?? (fr as FormStrings);
  }

  /** @internal Loads the rest of the form; safe to call often. */
  ensureFlow(): Promise<Flow | undefined> {
    if (this.flow) return Promise.resolve(this.flow);
    return loadFlow().then(
      (flow) => {
        if (!this.flow) this.attachFlow(flow);
        return flow;
      },
      (error: unknown) => {
        this.flowFailed = true;
        this.reportError(error);
        return undefined;
      },
    );
  }

  private attachFlow(flow: Flow): void {
    this.flow = flow;
    this.flowFailed = false;
    this.submission.listen();
    if (this.language === 'fr') this.strings = { ...fr, ...flow.frFlow };
    this.submission.checkOutbox();
    this.submission.refreshReceipts();
    if (this.step >= STEP.story) this.feedback.scanPii();
    // Anything an earlier page left in the outbox goes now, whichever structure this page is about.
    if (flow.outbox.pending().length) void flow.outbox.flush();
  }

  protected override willUpdate(): void {
    if (this.stringsFor !== this.language) this.loadStrings();
    // The draft controller restores the draft (`hostUpdate`), then the feedback controller checks it.
  }

  private loadStrings(): void {
    const lang = this.language;
    this.stringsFor = lang;
    if (lang === 'fr') {
      this.strings = this.flow ? { ...fr, ...this.flow.frFlow } : (fr as FormStrings);
      return;
    }
    // `undefined` (nothing shown) until English arrives; then this runs again and finds it; French if it cannot come.
    this.strings = formStrings(lang, { requestUpdate: () => this.stringsFor === lang && this.loadStrings() }, () => (this.strings = fr as FormStrings));
  }

  protected override updated(): void {
    if (this.mode === 'tracking') trackingChild(this);
    if (!this.focusTarget) return;
    // The target may come with a lazy module (the flow, the structure search): wait for it, else fall back.
    const waiting = this.structures.load === 'loading' || (!this.flow && !this.flowFailed);
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${this.focusTarget}`) ??
      (waiting ? null : this.renderRoot.querySelector<HTMLElement>('#step-title, #result-title'));
    if (target) {
      this.focusTarget = undefined;
      // After this update: moving focus fires blur and focus handlers that change state.
      void Promise.resolve().then(() => target.focus());
    }
  }

  /** @internal Focuses an element once it is rendered (it may appear only after a lazy module loads). */
  focusLater(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- restore (a draft, the outbox)

  /** @internal */ restore(): void {
    const structure = this.structure;
    const draft = this.draft.load();
    this.data = draft?.state ?? emptyState();
    this.step = draft?.step ?? 0;
    this.submission.reset();
    this.feedback.reset();
    if (structure && !this.data.structures.length) {
      this.data = { ...this.data, structures: [{ code: structure, name: this.notice.nameOf(structure) }] };
    }
    if (structure) this.notice.load(structure);
    if (draft) void this.ensureFlow();
    if (this.flow) {
      this.submission.checkOutbox();
      this.submission.refreshReceipts();
      if (this.step >= STEP.story) this.feedback.scanPii();
    }
    if (this.step === STEP.structures) this.structures.ensure();
  }

  // ---------------------------------------------------------------- editing

  /** @internal */ edit(update: Partial<FormState> | ((current: FormState) => Partial<FormState>)): void {
    const change = typeof update === 'function' ? update(this.data) : update;
    this.data = { ...this.data, ...change };
    this.feedback.edited(change);
    this.submission.keyReused = false;
    this.draft.edited();
    if ('title' in change || 'body' in change) this.feedback.textEdited('body' in change ? 'body' : 'title');
  }

  /** @internal */ payload(fillMs: number) {
    const s = this.data;
    const email = s.email.trim();
    return {
      feeling: s.feeling,
      structures: s.structures.map((x) => x.code),
      channels: s.channels,
      title: s.title,
      body: s.body,
      postedAs: s.postedAs,
      ...(email ? { email, contactConsent: s.contactConsent } : {}),
      lang: this.language,
      form: { website: s.website, fillMs: Math.max(0, Math.round(fillMs)) },
    };
  }

  /** @internal */ goTo(step: number): void {
    this.step = step;
    this.feedback.hideSummary();
    this.statusText = '';
    if (this.draft.own) this.draft.persist();
    if (step >= STEP.story) this.feedback.scanPii();
    if (step === STEP.structures) this.structures.ensure();
    this.focusLater('step-title');
  }

  private async next(): Promise<void> {
    if (!(await this.ensureFlow())) return;
    const failing = this.feedback.check(this.step);
    if (failing.length) return this.feedback.showSummary(failing);
    this.goTo(this.step + 1);
  }

  /** @internal */ writeAnother(): void {
    this.draft.own = undefined;
    this.draft.restoredFor = undefined;
    this.restore();
    this.focusLater('step-title');
  }

  // ---------------------------------------------------------------- rendering

  private coreView(): CoreView {
    return {
      t: this.t,
      state: this.data,
      error: (field) => this.feedback.error(field),
      describedBy: (field, ...hints) => this.feedback.describedBy(field, ...hints),
      update: (change) => this.edit(change),
    };
  }

  /** @internal */ view(): FormView {
    return {
      ...this.coreView(),
      t: this.t,
      lang: this.language,
      // Blur also fires when a field leaves the page during a render (next step): act after it.
      blur: (field) => queueMicrotask(() => this.feedback.leave(field)),
      piiFound: this.feedback.piiFound,
      maskPii: () => this.feedback.maskPii(),
      piiMaskedNotice: this.feedback.piiMasked,
      goTo: (step) => this.goTo(step),
      picker: () => this.structures.template(),
      openPicker: () => this.structures.openPicker(),
      pickerOpen: this.structures.open,
      removeStructure: (code) => this.structures.remove(code),
    };
  }

  private stepTemplate(): TemplateResult {
    const flow = this.flow;
    if (this.step === 0) return feelingStep(this.coreView());
    if (!flow) {
      return this.flowFailed
        ? html`<p class="error-inline">${this.t.flowFailed} <button type="button" class="button secondary small" @click=${() => void this.ensureFlow()}>${this.t.retry}</button></p>`
        : html`<p class="muted">${this.t.loadingFlow}</p>`;
    }
    const v = this.view();
    switch (FORM_STEPS[this.step]?.name) {
      case 'structures':
        return flow.structuresStep(v);
      case 'channels':
        return flow.channelsStep(v);
      case 'story':
        return flow.storyStep(v);
      case 'contact':
        return flow.contactStep(v);
      default:
        return flow.reviewStep(v);
    }
  }

  private editingTemplate(): TemplateResult {
    const t = this.t;
    const last = this.step === FORM_STEPS.length - 1;
    const sending = this.submission.phase === 'sending';
    return html`
      ${this.step === 0 || this.step === STEP.story ? this.notice.template() : nothing}
      ${this.draft.noticesTemplate()} ${this.feedback.summaryTemplate()}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), last ? void this.submission.submit() : void this.next())}>
        <div role="heading" aria-level=${this.level + 1} id="step-title" class="step-title" tabindex="-1" part="step-title">
          <span class="progress" part="progress">${format(t.progress, { n: this.step + 1, total: FORM_STEPS.length })}</span>
          <span class="step-name">${t[FORM_STEPS[this.step]!.title]}</span>
        </div>
        <div class="bar" aria-hidden="true"><span class="fill fill-${this.step + 1}"></span></div>
        ${this.stepTemplate()}
        ${this.submission.keyReusedTemplate()}
        <div class="trap" inert>
          <label for="f-website">${t.honeypot}</label>
          <input
            id="f-website"
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
            .value=${this.data.website}
            @input=${(e: Event) => this.edit({ website: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="actions">
          ${this.step > 0
            ? html`<button type="button" class="button secondary" ?disabled=${sending} @click=${() => this.goTo(this.step - 1)}>${t.back}</button>`
            : nothing}
          <button type="submit" class="button primary" part="button" ?disabled=${sending}>${last ? (sending ? t.sending : t.submit) : t.next}</button>
        </div>
      </form>
    `;
  }

  private formTemplate(): TemplateResult {
    const t = this.t;
    const editing = this.submission.phase === 'editing';
    return html`<section
      class="form"
      part="form"
      aria-labelledby="form-title"
      @focusin=${() => void this.ensureFlow()}
      @pointerdown=${() => void this.ensureFlow()}
    >
      <div role="heading" aria-level=${this.level} id="form-title" class="title" tabindex="-1">${t.formTitle}</div>
      ${editing && this.step === 0 ? html`<p class="intro">${t.intro} ${t.required}</p>` : nothing}
      ${this.submission.receiptsTemplate()}
      ${this.draft.failed ? html`<p class="notice warning small">${t.draftNotKept}</p>` : nothing}
      ${this.submission.resultTemplate() ?? this.editingTemplate()}
      <div class="status-line" role="status" part="status">${this.statusText}</div>
      <div class="sr-only" aria-live="polite">${this.feedback.countAnnouncement}</div>
    </section>`;
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    if (this.mode === 'tracking') return html`<slot name="tracking"></slot>`;
    if (!this.strings) return html`<div class="root loading" lang=${lang} aria-busy="true"></div>`;
    const t = this.t;
    switch (this.mode) {
      case 'link': {
        const path = this.structure ? `/form/${encodeURIComponent(this.structure)}` : '/form';
        return html`<div class="root" lang=${lang}>
          <a class="button primary link-mode" part="link" href=${apiUrl(this.apiBase, path) + (lang === 'en' ? '?lang=en' : '')}>${t.linkText}</a>
        </div>`;
      }
      case 'floating':
        return html`<div class="root floating" lang=${lang}>${this.floating.template(this.formTemplate())}</div>`;
      default:
        return html`<div class="root" lang=${lang}>${this.formTemplate()}</div>`;
    }
  }
}

defineElement('spp-testimony-form', SppTestimonyForm);

declare global {
  interface HTMLElementTagNameMap {
    'spp-testimony-form': SppTestimonyForm;
  }
  interface GlobalEventHandlersEventMap {
    'spp-submitted': CustomEvent<SubmittedDetail>;
    'spp-queued': CustomEvent<QueuedDetail>;
  }
}
