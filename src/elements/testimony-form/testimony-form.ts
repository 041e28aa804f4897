import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Structure } from '../../contract/structure.js';
import { LIMITS } from '../../contract/testimony-values.js';
import { getJson } from '../../client/http.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { format } from '../../internal/i18n.js';
import { emptyState, outboxHasWork, type FormState } from './draft.js';
import { DraftController } from './draft-controller.js';
import { FeedbackController } from './feedback.js';
import { feelingStep } from './feeling-step.js';
import { modeStyles } from './modes.styles.js';
import { stepStyles } from './steps.styles.js';
import { formStyles } from './testimony-form.styles.js';
import { fr, loadEnglish, type FormStrings } from './testimony-form.strings.js';
import { SubmissionController } from './submission.js';
import { FORM_STEPS, type CoreView, type FormView } from './view.js';
import type { QueueReason } from './review.js';
import type { StructurePicker } from './structure-picker.js';
import type { TrackingState } from './tracking.js';

type Flow = typeof import('./flow.js');
let flowLoading: Promise<Flow> | undefined;
/** The rest of the form (steps 2 to 6, validation, outbox), fetched once per page. */
function loadFlow(): Promise<Flow> {
  flowLoading ??= import('./flow.js').then(
    (m) => {
      m.outbox.start();
      return m;
    },
    (error: unknown) => {
      flowLoading = undefined; // a later interaction tries again
      throw error;
    },
  );
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

type StructureWithContact = Pick<Structure, 'code' | 'name' | 'contact'>;

/**
 * Just what the notice needs from `GET /api/v1/structures/{code}`, checked field by field: the first download
 * of the form carries no schema library (the flow validates everything else with the contract). Anything
 * else is a malformed answer, never half shown.
 */
function parseStructure(data: unknown): StructureWithContact {
  const d = data as Partial<Structure> | null;
  const text = (value: unknown): value is string | null => value === null || typeof value === 'string';
  const c = d?.contact;
  if (typeof d?.code !== 'string' || typeof d.name !== 'string' || !c || !text(c.phone) || !text(c.url) || !text(c.address)) {
    throw new TypeError('not a structure');
  }
  return { code: d.code, name: d.name, contact: { phone: c.phone, url: c.url, address: c.address } };
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
 *   full-page form hosted by the API at `/form/{structure}`), `tracking` (the author's view of a testimony).
 * @attr reference - In tracking mode: the testimony's reference (else read from the page's `/suivi/{reference}` address).
 * @attr token - In tracking mode: the private token (else read from the page's `#token=` fragment).
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
 * @csspart tracking - The author's view (`mode="tracking"`).
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
    contact: { state: true, attribute: false },
    pickerOpen: { state: true, attribute: false },
    pickerLoad: { state: true, attribute: false },
    tracking: { state: true, attribute: false },
    dialogOpen: { state: true, attribute: false },
  };

  mode: FormMode = 'inline';
  reference = '';
  token = '';
  headingLevel: number | undefined = undefined;

  /** The form's heading level (see `heading-level`). */
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
  private contact: StructureWithContact | undefined;
  private pickerOpen = false;
  private pickerLoad: 'idle' | 'loading' | 'failed' = 'idle';
  private onScreen: IntersectionObserver | undefined;
  private tracking: TrackingState | undefined;
  private dialogOpen = false;

  readonly draft = new DraftController(this);
  readonly feedback = new FeedbackController(this);
  readonly submission = new SubmissionController(this);
  private picker: StructurePicker | undefined;
  private trackingModule: typeof import('./tracking.js') | undefined;
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

  /** Reports a failure with `spp-error` (for the controllers). */
  report(error: unknown): void {
    this.reportError(error);
  }

  get t(): FormStrings {
    // Before the flow arrives only the first step renders, and it uses only the first step's strings.
    return this.strings ?? (fr as FormStrings);
  }

  /** Loads the rest of the form; safe to call often. */
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
    if (this.step >= 3) this.feedback.scanPii();
    // Anything an earlier page left in the outbox goes now, whichever structure this page is about.
    if (flow.outbox.pending().length) void flow.outbox.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.stringsFor !== this.language) this.loadStrings();
    if (this.mode === 'tracking' || this.reference) {
      if (!this.tracking || changed.has('reference') || changed.has('token')) void this.loadTrackingView();
    }
    // The draft controller restores the draft (`hostUpdate`), then the feedback controller checks it.
  }

  private loadStrings(): void {
    const lang = this.language;
    this.stringsFor = lang;
    if (lang === 'fr') {
      this.strings = this.flow ? { ...fr, ...this.flow.frFlow } : (fr as FormStrings);
      return;
    }
    this.strings = undefined;
    loadEnglish().then(
      (en) => this.stringsFor === lang && (this.strings = en),
      () => (this.strings = fr as FormStrings),
    );
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    // The target may come with a lazy module (the flow, the structure search): wait for it, else fall back.
    const waiting = this.pickerLoad === 'loading' || (!this.flow && !this.flowFailed);
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${this.focusTarget}`) ??
      (waiting ? null : this.renderRoot.querySelector<HTMLElement>('#step-title, #result-title'));
    if (target) {
      this.focusTarget = undefined;
      // After this update: moving focus fires blur and focus handlers that change state.
      void Promise.resolve().then(() => target.focus());
    }
  }

  /** Focuses an element once it is rendered (it may appear only after a lazy module loads). */
  focusLater(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- draft, outbox and restore

  restore(): void {
    const structure = this.structure;
    const draft = this.draft.load();
    this.data = draft?.state ?? emptyState();
    this.step = draft?.step ?? 0;
    this.submission.reset();
    this.feedback.reset();
    if (structure && !this.data.structures.length) {
      this.data = { ...this.data, structures: [{ code: structure, name: this.contact?.code === structure ? this.contact.name : structure }] };
    }
    if (structure && this.contact?.code !== structure) void this.loadContact(structure);
    if (draft) void this.ensureFlow();
    if (this.flow) {
      this.submission.checkOutbox();
      this.submission.refreshReceipts();
      if (this.step >= 3) this.feedback.scanPii();
    }
    if (this.step === 1) this.ensurePicker();
  }

  private async loadContact(code: string): Promise<void> {
    try {
      const structure = await getJson(apiUrl(this.apiBase, `/api/v1/structures/${encodeURIComponent(code)}?lang=${this.language}`), parseStructure);
      if (this.structure !== code) return;
      this.contact = structure;
      // The prefilled service shows its code until its name is known.
      this.data = { ...this.data, structures: this.data.structures.map((s) => (s.code === code && s.name === code ? { ...s, name: structure.name } : s)) };
    } catch (error) {
      // The notice falls back to general advice; the form works without the contact.
      this.reportError(error);
    }
  }

  // ---------------------------------------------------------------- editing

  edit(update: Partial<FormState> | ((current: FormState) => Partial<FormState>)): void {
    const change = typeof update === 'function' ? update(this.data) : update;
    this.data = { ...this.data, ...change };
    this.feedback.edited(change);
    this.submission.keyReused = false;
    this.draft.edited();
    if ('title' in change || 'body' in change) this.feedback.textEdited('body' in change ? 'body' : 'title');
  }

  payload(fillMs: number) {
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

  goTo(step: number): void {
    this.step = step;
    this.feedback.hideSummary();
    this.statusText = '';
    if (this.draft.own) this.draft.persist();
    if (step >= 3) this.feedback.scanPii();
    if (step === 1) this.ensurePicker();
    this.focusLater('step-title');
  }

  private async next(): Promise<void> {
    if (!(await this.ensureFlow())) return;
    const failing = this.feedback.check(this.step);
    if (failing.length) return this.feedback.showSummary(failing);
    this.goTo(this.step + 1);
  }

  // ---------------------------------------------------------------- structures

  ensurePicker(): void {
    const needed = this.data.structures.length === 0 || this.pickerOpen;
    if (!needed || this.picker || this.pickerLoad === 'loading') return;
    this.pickerLoad = 'loading';
    import('./structure-picker.js').then(
      ({ StructurePicker }) => {
        this.picker = new StructurePicker(this, {
          api: () => this.apiBase,
          lang: () => this.language,
          exclude: () => this.data.structures.map((s) => s.code),
          onPick: (structure, announcement) => {
            const structures = [...this.data.structures, structure];
            this.pickerOpen = false;
            this.edit({ structures });
            this.statusText = announcement;
            this.focusLater(structures.length >= LIMITS.structuresMax ? 'step-title' : 'f-structures');
          },
        });
        this.pickerLoad = 'idle';
      },
      () => (this.pickerLoad = 'failed'),
    );
  }

  private openPicker(): void {
    this.pickerOpen = true;
    this.ensurePicker();
    this.focusLater('f-structures');
  }

  private removeStructure(code: string): void {
    this.edit({ structures: this.data.structures.filter((s) => s.code !== code) });
    this.ensurePicker();
    this.focusLater('f-structures');
  }

  writeAnother(): void {
    this.draft.own = undefined;
    this.draft.restoredFor = undefined;
    this.restore();
    this.focusLater('step-title');
  }

  // ---------------------------------------------------------------- tracking mode

  private async loadTrackingView(): Promise<void> {
    this.tracking = { kind: 'loading' };
    try {
      this.trackingModule ??= await import('./tracking.js');
    } catch {
      this.tracking = { kind: 'failed' };
      return;
    }
    const { trackingTarget, loadTracking } = this.trackingModule;
    const target = trackingTarget(this.reference, this.token, location);
    this.tracking = await loadTracking(this.apiBase, target.reference, target.token, this.language);
  }

  // ---------------------------------------------------------------- floating mode

  private openDialog(): void {
    void this.ensureFlow();
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.dialogOpen = true;
    this.focusLater('form-title');
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Tab from the last control goes back to the first, and Shift+Tab the other way: focus stays in the dialog. */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (!first || !last) return;
    if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    }
  }

  private onDialogClosed(): void {
    this.dialogOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.fab')?.focus();
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

  view(): FormView {
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
      picker: () => this.pickerTemplate(),
      openPicker: () => this.openPicker(),
      pickerOpen: this.pickerOpen,
      removeStructure: (code) => this.removeStructure(code),
    };
  }

  private pickerTemplate(): TemplateResult {
    const t = this.t;
    const error = this.feedback.error('structures');
    if (this.picker) return this.picker.render(error ? ['err-structures'] : [], !!error);
    if (this.pickerLoad === 'failed') {
      return html`<p class="error-inline">
        ${t.pickerFailed}
        <button type="button" class="button secondary small" id="f-structures" @click=${() => ((this.pickerLoad = 'idle'), this.ensurePicker())}>${t.retry}</button>
      </p>`;
    }
    return html`<p class="muted">${t.pickerLoading}</p>`;
  }

  private noticeTemplate(): TemplateResult {
    const t = this.t;
    const c = this.contact;
    const reach = c
      ? [
          c.contact.phone ? format(t.contactPhone, { phone: c.contact.phone }) : undefined,
          c.contact.url && /^https?:\/\//.test(c.contact.url) ? html`<a href=${c.contact.url}>${t.contactSite}</a>` : undefined,
        ].filter(Boolean)
      : [];
    return html`<aside class="notice info" part="notice" aria-labelledby="notice-title">
      <p id="notice-title"><strong>${t.notComplaintsTitle}</strong></p>
      <p>${t.notComplaints}</p>
      <p class="notice-contact ${this.structure ? 'named' : ''}">
        ${c && reach.length ? html`${format(t.notComplaintsContact, { name: c.name })} ${reach.map((r, i) => html`${i ? ', ' : ''}${r}`)}.` : t.notComplaintsGeneric}
      </p>
    </aside>`;
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
      ${this.step === 0 || this.step === 3 ? this.noticeTemplate() : nothing}
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
    if (!this.strings) return html`<div class="root loading" lang=${lang} aria-busy="true"></div>`;
    const t = this.t;
    switch (this.mode) {
      case 'link': {
        const path = this.structure ? `/form/${encodeURIComponent(this.structure)}` : '/form';
        return html`<div class="root" lang=${lang}>
          <a class="button primary link-mode" part="link" href=${apiUrl(this.apiBase, path) + (lang === 'en' ? '?lang=en' : '')}>${t.linkText}</a>
        </div>`;
      }
      case 'tracking':
        return html`<div class="root" lang=${lang}>
          ${this.trackingModule && this.tracking
            ? this.trackingModule.renderTracking(this.tracking, lang, this.level, () => void this.loadTrackingView())
            : html`<p class="muted" aria-busy="true">…</p>`}
        </div>`;
      case 'floating':
        return html`<div class="root floating" lang=${lang}>
          <button type="button" class="fab" part="floating-button" aria-haspopup="dialog" aria-expanded=${this.dialogOpen ? 'true' : 'false'} @click=${() => this.openDialog()}>
            ${t.openForm}
          </button>
          <dialog part="dialog" aria-labelledby="form-title" @close=${() => this.onDialogClosed()} @keydown=${(e: KeyboardEvent) => this.trapFocus(e)}>
            <div class="dialog-bar">
              <button type="button" class="button secondary small" @click=${() => this.closeDialog()}>${t.close}</button>
            </div>
            ${this.formTemplate()}
          </dialog>
        </div>`;
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
