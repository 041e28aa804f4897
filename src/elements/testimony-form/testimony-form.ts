import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { PiiMatch } from '../../contract/pii-detect.js';
import type { Structure } from '../../contract/structure.js';
import type { SubmissionAccepted } from '../../contract/testimony.js';
import { LIMITS } from '../../contract/testimony-values.js';
import { ApiError } from '../../client/api-error.js';
import { getJson, sleep } from '../../client/http.js';
import { newIdempotencyKey } from '../../client/local-store.js';
import type { Delivery, OutboxReceipt } from '../../client/outbox.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { emit } from '../../internal/events.js';
import { format } from '../../internal/i18n.js';
import { clearDraft, draftsPersist, emptyState, loadDraft, outboxHasWork, saveDraft, type Draft, type FormState } from './draft.js';
import { feelingStep } from './feeling-step.js';
import { formStyles } from './testimony-form.styles.js';
import { fr, loadEnglish, type FormStrings } from './testimony-form.strings.js';
import { controlId, displayField, STEPS, stepOfField, type CoreView, type FormView } from './view.js';
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

const STEP_FIELDS: readonly (readonly string[])[] = [['feeling'], ['structures'], ['channels'], ['title', 'body'], ['postedAs', 'email', 'contactConsent']];
const STEP_TITLES = ['stepFeeling', 'stepStructures', 'stepChannels', 'stepStory', 'stepContact', 'stepReview'] as const;

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
  static override styles = [...SppElement.styles, formStyles];

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
    shown: { state: true, attribute: false },
    serverErrors: { state: true, attribute: false },
    summaryFields: { state: true, attribute: false },
    summaryExtra: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    queueReason: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    statusText: { state: true, attribute: false },
    accepted: { state: true, attribute: false },
    fromOtherTab: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    discarded: { state: true, attribute: false },
    draftFailed: { state: true, attribute: false },
    keyReused: { state: true, attribute: false },
    contact: { state: true, attribute: false },
    pickerOpen: { state: true, attribute: false },
    pickerLoad: { state: true, attribute: false },
    piiFound: { state: true, attribute: false },
    piiMasked: { state: true, attribute: false },
    countAnnouncement: { state: true, attribute: false },
    receipts: { state: true, attribute: false },
    tracking: { state: true, attribute: false },
    dialogOpen: { state: true, attribute: false },
  };

  mode: FormMode = 'inline';
  reference = '';
  token = '';
  headingLevel: number | undefined = undefined;

  /** The form's heading level (see `heading-level`). */
  private get level(): number {
    return this.headingLevelFor(this.headingLevel, 1, 5);
  }

  /** `undefined` while English loads. French starts with the first step's strings; the flow adds the rest. */
  private strings: FormStrings | undefined;
  private flow: Flow | undefined;
  private flowFailed = false;
  private step = 0;
  private data: FormState = emptyState();
  private shown = new Set<string>();
  private serverErrors = new Map<string, string>();
  private summaryFields: string[] | undefined;
  private summaryExtra: string[] = [];
  private phase: 'editing' | 'sending' | 'queued' | 'submitted' = 'editing';
  private queueReason: QueueReason = 'server';
  private busy = false;
  private statusText = '';
  private accepted: SubmissionAccepted | undefined;
  private fromOtherTab = false;
  private copied = false;
  private restored = false;
  private discarded: Draft | undefined;
  private draftFailed = !draftsPersist;
  private keyReused = false;
  private contact: StructureWithContact | undefined;
  private pickerOpen = false;
  private pickerLoad: 'idle' | 'loading' | 'failed' = 'idle';
  private piiFound: Record<'title' | 'body', PiiMatch[]> = { title: [], body: [] };
  private piiMasked = false;
  private firstNames: ReadonlySet<string> | undefined;
  private onScreen: IntersectionObserver | undefined;
  private countAnnouncement = '';
  private receipts: OutboxReceipt<SubmissionAccepted>[] = [];
  private tracking: TrackingState | undefined;
  private dialogOpen = false;

  private picker: StructurePicker | undefined;
  private trackingModule: typeof import('./tracking.js') | undefined;
  private own: Pick<Draft, 'key' | 'startedAt'> | undefined;
  private focusTarget: string | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private errors = new Map<string, string>();
  private restoredFor: string | undefined;
  private stringsFor: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (disconnected, then connected again): listen to the outbox again.
    if (this.flow && !this.unsubscribe) this.unsubscribe = this.flow.outbox.subscribe(() => this.onOutboxChange());
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
      else void this.loadNames(flow);
    });
  }

  private readonly retryPreload = (): void => {
    if (this.isConnected) this.preload();
  };

  /** The first-names list (its own chunk): names are found after a civility without it, and with it once here. */
  private async loadNames(flow: Flow): Promise<void> {
    if (this.firstNames) return;
    try {
      this.firstNames = await flow.loadFirstNames();
    } catch {
      return; // tried again with the next preload or scan
    }
    if (this.step >= 3) {
      this.scanPii();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.countTimer);
    this.onScreen?.disconnect();
    this.onScreen = undefined;
    removeEventListener('online', this.retryPreload);
  }

  private get t(): FormStrings {
    // Before the flow arrives only the first step renders, and it uses only the first step's strings.
    return this.strings ?? (fr as FormStrings);
  }

  /** Loads the rest of the form; safe to call often. */
  private ensureFlow(): Promise<Flow | undefined> {
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
    this.unsubscribe = flow.outbox.subscribe(() => this.onOutboxChange());
    if (this.language === 'fr') this.strings = { ...fr, ...flow.frFlow };
    this.checkOutbox();
    this.refreshReceipts();
    if (this.step >= 3) this.scanPii();
    // Anything an earlier page left in the outbox goes now, whichever structure this page is about.
    if (flow.outbox.pending().length) void flow.outbox.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.stringsFor !== this.language) this.loadStrings();
    if (this.mode === 'tracking' || this.reference) {
      if (!this.tracking || changed.has('reference') || changed.has('token')) void this.loadTrackingView();
    } else if (this.mode !== 'link' && this.restoredFor !== this.structure) {
      this.restore();
    }
    this.errors = this.validation();
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
  private focusLater(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- draft, outbox and restore

  private restore(): void {
    const structure = this.structure;
    this.restoredFor = structure;
    const draft = loadDraft(structure);
    this.own = draft && { key: draft.key, startedAt: draft.startedAt };
    this.data = draft?.state ?? emptyState();
    this.step = draft?.step ?? 0;
    this.restored = !!draft;
    this.phase = 'editing';
    this.shown = new Set();
    this.serverErrors = new Map();
    this.summaryFields = undefined;
    this.accepted = undefined;
    if (structure && !this.data.structures.length) {
      this.data = { ...this.data, structures: [{ code: structure, name: this.contact?.code === structure ? this.contact.name : structure }] };
    }
    if (structure && this.contact?.code !== structure) void this.loadContact(structure);
    if (draft) void this.ensureFlow();
    if (this.flow) {
      this.checkOutbox();
      this.refreshReceipts();
      if (this.step >= 3) this.scanPii();
    }
    if (this.step === 1) this.ensurePicker();
  }

  /** A restored draft may already be sent (by another tab), waiting in the outbox, or refused. */
  private checkOutbox(): void {
    const outbox = this.flow?.outbox;
    const key = this.own?.key;
    if (!outbox || !key || this.phase === 'submitted') return;
    const receipt = outbox.receipt(key);
    const entry = outbox.get(key);
    if (receipt) {
      this.showSubmitted(receipt, false, false);
    } else if (entry?.failure) {
      this.applyRefusal(new ApiError('http', 'refused', entry.failure.status, entry.failure.problem), false);
    } else if (entry && this.phase === 'editing') {
      this.phase = 'queued';
      this.queueReason = navigator.onLine ? 'server' : 'offline';
      void outbox.flush();
    }
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

  private persist(): void {
    const draft = saveDraft(this.structure, this.data, this.step, this.own);
    if (draft) this.own = { key: draft.key, startedAt: draft.startedAt };
    else this.draftFailed = true;
  }

  private onOutboxChange(): void {
    const key = this.own?.key;
    if (key && this.phase !== 'submitted') {
      const receipt = this.flow?.outbox.receipt(key);
      if (receipt) this.showSubmitted(receipt, this.phase === 'editing', true);
    }
    this.refreshReceipts();
  }

  /** Confirmations of testimonies the outbox sent while the citizen was elsewhere. */
  private refreshReceipts(): void {
    this.receipts = this.flow?.outbox.receipts().filter((r) => !r.seen && r.id !== this.own?.key) ?? [];
  }

  // ---------------------------------------------------------------- editing

  private edit(update: Partial<FormState> | ((current: FormState) => Partial<FormState>)): void {
    const change = typeof update === 'function' ? update(this.data) : update;
    this.data = { ...this.data, ...change };
    if (this.serverErrors.size) {
      const next = new Map(this.serverErrors);
      for (const field of Object.keys(change)) next.delete(field);
      this.serverErrors = next;
    }
    this.restored = false;
    this.discarded = undefined;
    this.keyReused = false;
    this.persist();
    if ('title' in change || 'body' in change) {
      this.piiMasked = false;
      this.scanPii();
      this.announceCount('body' in change ? 'body' : 'title');
    }
  }

  /** A calm announcement of the counter (and of any personal data) once typing pauses, not on every key. */
  private announceCount(field: 'title' | 'body'): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      if (!this.flow) return;
      const t = this.t;
      const pii = this.piiFound[field];
      const kinds = [...new Set(pii.map((m) => t[`pii_${m.kind}`]))].join(', ');
      const found = pii.length ? ` ${format(t.piiAnnounce, { title: t.piiTitle, kinds })}` : '';
      this.countAnnouncement = `${this.flow.countText(this.view(), field)}.${found}`;
    }, 1200);
  }

  private scanPii(): void {
    const flow = this.flow;
    if (!flow) return;
    if (!this.firstNames) void this.loadNames(flow);
    const options = { firstNames: this.firstNames };
    this.piiFound = { title: flow.findPersonalData(this.data.title, options), body: flow.findPersonalData(this.data.body, options) };
  }

  private maskPii(): void {
    const flow = this.flow;
    if (!flow) return;
    const mask = this.t.piiMaskText;
    this.edit({
      title: flow.maskPersonalData(this.data.title, mask, this.piiFound.title),
      body: flow.maskPersonalData(this.data.body, mask, this.piiFound.body),
    });
    this.piiMasked = true;
    this.focusLater('pii-warning');
  }

  private payload(fillMs: number) {
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

  /** Field → message, from the contract (once the flow is here) and from the server's last answer. */
  private validation(): Map<string, string> {
    const out = this.flow?.validate(this.payload(LIMITS.minFillMs), this.language) ?? new Map<string, string>();
    for (const [field, message] of this.serverErrors) if (!out.has(field)) out.set(field, message);
    return out;
  }

  private shownError(field: string): string | undefined {
    return this.shown.has(field) || this.serverErrors.has(field) ? this.errors.get(field) : undefined;
  }

  private leaveField(field: string): void {
    // Leaving an empty field says nothing yet; leaving a field with a mistake in it does.
    const value = this.data[field as keyof FormState];
    if (typeof value === 'string' && value.trim() && !this.shown.has(field)) this.shown = new Set([...this.shown, field]);
  }

  private goTo(step: number): void {
    this.step = step;
    this.summaryFields = undefined;
    this.summaryExtra = [];
    this.statusText = '';
    if (this.own) this.persist();
    if (step >= 3) this.scanPii();
    if (step === 1) this.ensurePicker();
    this.focusLater('step-title');
  }

  private async next(): Promise<void> {
    if (!(await this.ensureFlow())) return;
    const fields = STEP_FIELDS[this.step] ?? [];
    this.shown = new Set([...this.shown, ...fields]);
    this.errors = this.validation();
    const failing = fields.filter((f) => this.errors.has(f));
    if (failing.length) return this.showSummary(failing);
    this.goTo(this.step + 1);
  }

  private showSummary(fields: string[], extra: string[] = []): void {
    this.summaryFields = fields;
    this.summaryExtra = extra;
    this.focusLater('error-summary');
  }

  private focusField(field: string): void {
    const step = stepOfField(field);
    if (step !== this.step && step < STEPS.length - 1) {
      this.step = step;
      if (step === 1) this.ensurePicker();
    }
    this.focusLater(controlId(field));
  }

  // ---------------------------------------------------------------- structures

  private ensurePicker(): void {
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

  // ---------------------------------------------------------------- sending

  private async submit(): Promise<void> {
    if (this.phase !== 'editing') return; // a second click while sending
    this.phase = 'sending';
    const flow = await this.ensureFlow();
    if (!flow) {
      this.phase = 'editing';
      return;
    }
    this.shown = new Set([...this.shown, ...STEP_FIELDS.flat()]);
    this.errors = this.validation();
    if (this.errors.size) {
      this.phase = 'editing';
      return this.showSummary([...this.errors.keys()]);
    }

    this.statusText = this.t.sending;
    this.summaryFields = undefined;
    this.restored = false;
    this.persist();
    this.own ??= { key: newIdempotencyKey(), startedAt: Date.now() };
    const { key, startedAt } = this.own;
    // A person cannot be this fast; waiting a moment keeps a quick human from looking like a script.
    const early = LIMITS.minFillMs - (Date.now() - startedAt);
    if (early > 0) await sleep(early);

    const stored = flow.outbox.put({
      id: key,
      url: apiUrl(this.apiBase, '/api/v1/testimonies'),
      body: this.payload(Date.now() - startedAt),
      headers: { 'Accept-Language': this.language },
      meta: { structure: this.structure, title: this.data.title.trim() },
    });
    if (!stored) this.draftFailed = true;
    if (navigator.onLine === false) return this.queue('offline');
    this.handle(
      await flow.outbox.deliver(key, {
        retries: 3,
        backoffMs: 1000,
        onRetry: ({ delayMs, error }) => {
          const t = this.t;
          const template = error.status === 429 ? t.retryingRate : error.kind === 'http' ? t.retryingServer : t.retryingNetwork;
          this.statusText = format(template, { seconds: Math.max(1, Math.round(delayMs / 1000)) });
        },
      }),
    );
  }

  private handle(outcome: Delivery<SubmissionAccepted>): void {
    this.busy = false;
    if (outcome.kind === 'delivered') {
      if (this.phase !== 'submitted') this.showSubmitted(outcome.receipt, false, true);
      return;
    }
    if (this.phase === 'submitted') return;
    this.reportError(outcome.error);
    if (outcome.kind === 'queued') {
      return this.queue(outcome.error.status === 429 ? 'rate' : navigator.onLine === false ? 'offline' : 'server');
    }
    this.applyRefusal(outcome.error, true);
  }

  private queue(reason: QueueReason): void {
    const wasQueued = this.phase === 'queued';
    this.phase = 'queued';
    this.queueReason = reason;
    this.statusText = '';
    if (!wasQueued) {
      this.focusLater('result-title');
      emit<QueuedDetail>(this, 'spp-queued', { reason });
    }
  }

  private async sendNow(): Promise<void> {
    const key = this.own?.key;
    const outbox = this.flow?.outbox;
    if (!key || !outbox || this.busy) return;
    this.busy = true;
    this.handle(await outbox.deliver(key, { retries: 0 }));
  }

  private editQueued(): void {
    if (this.own) this.flow?.outbox.remove(this.own.key);
    this.phase = 'editing';
    this.goTo(STEPS.length - 1);
  }

  /** The server said no: back to the form, with its errors on the fields they concern. */
  private applyRefusal(error: ApiError, focus: boolean): void {
    this.phase = 'editing';
    this.statusText = '';
    const problem = error.problem;
    if (error.status === 422 && problem?.errors?.some((e) => e.field === 'Idempotency-Key')) {
      this.keyReused = true;
      this.step = STEPS.length - 1;
      if (focus) this.focusLater('key-reused');
      return;
    }
    const errors = new Map<string, string>();
    const extra: string[] = [];
    for (const e of problem?.errors ?? []) {
      const field = displayField(e.field);
      if (stepOfField(field) < STEPS.length - 1) {
        if (!errors.has(field)) errors.set(field, e.message);
      } else {
        extra.push(e.message);
      }
    }
    if (error.status === 413) errors.set('body', problem?.detail ?? this.t.refused);
    this.serverErrors = errors;
    this.errors = this.validation();
    if (errors.size || extra.length) {
      const first = [...errors.keys()][0];
      this.step = first ? stepOfField(first) : STEPS.length - 1;
      if (this.step === 1) this.ensurePicker();
      this.statusText = this.t.refused;
      this.summaryFields = [...errors.keys()];
      this.summaryExtra = extra;
      if (focus) this.focusLater('error-summary');
    } else {
      this.step = STEPS.length - 1;
      this.statusText = format(this.t.refusedOther, { status: error.status ?? '?' });
    }
  }

  /** After a 422 (an earlier version was stored under this key): the citizen chose to send this one too. */
  private sendNewVersion(): void {
    if (this.own) this.flow?.outbox.remove(this.own.key);
    clearDraft(this.structure);
    this.own = { key: newIdempotencyKey(), startedAt: this.own?.startedAt ?? Date.now() };
    this.keyReused = false;
    this.persist();
    void this.submit();
  }

  private showSubmitted(receipt: OutboxReceipt<SubmissionAccepted>, fromOtherTab: boolean, focus: boolean): void {
    this.phase = 'submitted';
    this.accepted = receipt.response;
    this.fromOtherTab = fromOtherTab;
    this.statusText = '';
    this.copied = false;
    clearDraft(this.structure, receipt.id);
    this.flow?.outbox.markSeen(receipt.id);
    if (focus) this.focusLater('result-title');
    emit<SubmittedDetail>(this, 'spp-submitted', { reference: receipt.response.reference, trackingUrl: receipt.response.trackingUrl });
  }

  private writeAnother(): void {
    this.own = undefined;
    this.restoredFor = undefined;
    this.restore();
    this.focusLater('step-title');
  }

  private async copyLink(): Promise<void> {
    const url = this.accepted?.trackingUrl;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      // No clipboard access (permissions, plain http): the link is selected in its field for a manual copy.
      this.renderRoot.querySelector<HTMLInputElement>('#tracking-url')?.select();
    }
  }

  private discardDraft(): void {
    const draft = loadDraft(this.structure);
    if (draft) this.flow?.outbox.remove(draft.key);
    clearDraft(this.structure);
    this.restoredFor = undefined;
    this.restore();
    this.discarded = draft;
    this.statusText = this.t.draftDiscarded;
    this.focusLater('undo-discard');
  }

  private undoDiscard(): void {
    const draft = this.discarded;
    if (!draft) return;
    this.discarded = undefined;
    this.own = { key: draft.key, startedAt: draft.startedAt };
    this.data = draft.state;
    this.step = draft.step;
    this.persist();
    this.statusText = '';
    if (this.step === 1) this.ensurePicker();
    this.focusLater('step-title');
  }

  private dismissReceipt(id: string): void {
    this.flow?.outbox.markSeen(id);
    this.refreshReceipts();
    this.focusLater('form-title');
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
      error: (field) => this.shownError(field),
      describedBy: (field, ...hints) => [...hints, this.shownError(field) ? `err-${field}` : ''].filter(Boolean).join(' '),
      update: (change) => this.edit(change),
    };
  }

  private view(): FormView {
    return {
      ...this.coreView(),
      t: this.t,
      lang: this.language,
      // Blur also fires when a field leaves the page during a render (next step): act after it.
      blur: (field) => queueMicrotask(() => this.leaveField(field)),
      piiFound: this.piiFound,
      maskPii: () => this.maskPii(),
      piiMaskedNotice: this.piiMasked,
      goTo: (step) => this.goTo(step),
      picker: () => this.pickerTemplate(),
      openPicker: () => this.openPicker(),
      pickerOpen: this.pickerOpen,
      removeStructure: (code) => this.removeStructure(code),
    };
  }

  private pickerTemplate(): TemplateResult {
    const t = this.t;
    const error = this.shownError('structures');
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

  private summaryTemplate(): TemplateResult | typeof nothing {
    if (!this.summaryFields) return nothing;
    const items = this.summaryFields.flatMap((field) => {
      const message = this.errors.get(field);
      return message ? [{ field, message }] : [];
    });
    const count = items.length + this.summaryExtra.length;
    if (!count) return nothing;
    const t = this.t;
    return html`<div class="summary" id="error-summary" tabindex="-1" part="error-summary" aria-labelledby="error-summary-title">
      <p id="error-summary-title" class="summary-title"><strong>${count === 1 ? t.errorSummaryOne : format(t.errorSummaryMany, { count })}</strong></p>
      <ul>
        ${items.map(
          ({ field, message }) =>
            html`<li>
              <a
                href="#${controlId(field)}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.focusField(field);
                }}
                >${message}</a
              >
            </li>`,
        )}
        ${this.summaryExtra.map((message) => html`<li>${message}</li>`)}
      </ul>
    </div>`;
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
    switch (STEPS[this.step]) {
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
    const last = this.step === STEPS.length - 1;
    const sending = this.phase === 'sending';
    return html`
      ${this.step === 0 || this.step === 3 ? this.noticeTemplate() : nothing}
      ${this.restored
        ? html`<p class="notice info small">
            ${t.draftRestored}
            <button type="button" class="button link" @click=${() => this.discardDraft()}>${t.draftDiscard}</button>
          </p>`
        : nothing}
      ${this.discarded
        ? html`<p class="notice info small">
            ${t.draftDiscarded}
            <button type="button" class="button link" id="undo-discard" @click=${() => this.undoDiscard()}>${t.undo}</button>
          </p>`
        : nothing}
      ${this.summaryTemplate()}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), last ? void this.submit() : void this.next())}>
        <div role="heading" aria-level=${this.level + 1} id="step-title" class="step-title" tabindex="-1" part="step-title">
          <span class="progress" part="progress">${format(t.progress, { n: this.step + 1, total: STEPS.length })}</span>
          <span class="step-name">${t[STEP_TITLES[this.step]!]}</span>
        </div>
        <div class="bar" aria-hidden="true"><span class="fill fill-${this.step + 1}"></span></div>
        ${this.stepTemplate()}
        ${this.keyReused
          ? html`<div class="notice warning" id="key-reused" tabindex="-1">
              <p>${t.keyReused}</p>
              <button type="button" class="button secondary" @click=${() => this.sendNewVersion()}>${t.sendNewVersion}</button>
            </div>`
          : nothing}
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

  private receiptsTemplate(): TemplateResult | typeof nothing {
    if (!this.receipts.length) return nothing;
    const t = this.t;
    return html`${this.receipts.map(
      (r) => html`<div class="notice success" part="receipt">
        <p>${format(t.receiptTitle, { title: r.meta.title ?? '' })} ${t.referenceLabel} <strong class="reference">${r.response.reference}</strong>.</p>
        <p><a href=${r.response.trackingUrl}>${t.trackingLink}</a></p>
        <button type="button" class="button link" @click=${() => this.dismissReceipt(r.id)}>${t.receiptDismiss}</button>
      </div>`,
    )}`;
  }

  private formTemplate(): TemplateResult {
    const t = this.t;
    const flow = this.flow;
    let body: TemplateResult;
    if (flow && this.phase === 'submitted' && this.accepted) {
      body = flow.submittedView({
        t,
        level: this.level + 1,
        accepted: this.accepted,
        fromOtherTab: this.fromOtherTab,
        copied: this.copied,
        onCopy: () => void this.copyLink(),
        onAnother: () => this.writeAnother(),
      });
    } else if (flow && this.phase === 'queued') {
      body = flow.queuedView({
        t,
        level: this.level + 1,
        reason: this.queueReason,
        busy: this.busy,
        onSendNow: () => void this.sendNow(),
        onEdit: () => this.editQueued(),
      });
    } else {
      body = this.editingTemplate();
    }
    return html`<section
      class="form"
      part="form"
      aria-labelledby="form-title"
      @focusin=${() => void this.ensureFlow()}
      @pointerdown=${() => void this.ensureFlow()}
    >
      <div role="heading" aria-level=${this.level} id="form-title" class="title" tabindex="-1">${t.formTitle}</div>
      ${this.phase === 'editing' && this.step === 0 ? html`<p class="intro">${t.intro} ${t.required}</p>` : nothing}
      ${this.receiptsTemplate()}
      ${this.draftFailed ? html`<p class="notice warning small">${t.draftNotKept}</p>` : nothing}
      ${body}
      <div class="status-line" role="status" part="status">${this.statusText}</div>
      <div class="sr-only" aria-live="polite">${this.countAnnouncement}</div>
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
