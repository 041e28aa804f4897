import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { PiiMatch } from '../../contract/pii-detect.js';
import { LIMITS } from '../../contract/testimony-values.js';
import { format } from '../../internal/i18n.js';
import type { FormState } from './draft.js';
import { hostState } from './host-state.js';
import type { SppTestimonyForm } from './testimony-form.js';
import { controlId, FORM_STEPS, STEP, stepOfField } from './view.js';

type Flow = typeof import('./flow.js');

/**
 * Field feedback: which errors are shown (a field's own once left or once the citizen tried to continue, the
 * server's last answer at once), the error summary, the personal-data warning and the calm counter
 * announcement. Validation itself is the contract's (in the flow); this only decides what shows and when.
 */
export class FeedbackController implements ReactiveController {
  /** Field → message, recomputed before every render. */
  errors = new Map<string, string>();
  shown = new Set<string>();
  serverErrors = new Map<string, string>();
  summaryFields: string[] | undefined;
  summaryExtra: string[] = [];
  piiFound: Record<'title' | 'body', PiiMatch[]> = { title: [], body: [] };
  piiMasked = false;
  countAnnouncement = '';
  private firstNames: ReadonlySet<string> | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    host.addController(this);
    hostState(this, host, 'shown', 'serverErrors', 'summaryFields', 'summaryExtra', 'piiFound', 'piiMasked', 'countAnnouncement');
  }

  hostUpdate(): void {
    this.refresh();
  }

  hostDisconnected(): void {
    clearTimeout(this.countTimer);
  }

  /** Forgets what was shown (another draft, a new testimony). */
  reset(): void {
    this.shown = new Set();
    this.serverErrors = new Map();
    this.summaryFields = undefined;
  }

  refresh(): void {
    this.errors = this.validation();
  }

  /** Field → message, from the contract (once the flow is here) and from the server's last answer. */
  private validation(): Map<string, string> {
    const h = this.host;
    const out = h.flow?.validate(h.payload(LIMITS.minFillMs), h.language) ?? new Map<string, string>();
    for (const [field, message] of this.serverErrors) if (!out.has(field)) out.set(field, message);
    return out;
  }

  error(field: string): string | undefined {
    return this.shown.has(field) || this.serverErrors.has(field) ? this.errors.get(field) : undefined;
  }

  describedBy(field: string, ...hints: string[]): string {
    return [...hints, this.error(field) ? `err-${field}` : ''].filter(Boolean).join(' ');
  }

  /** A change to these fields makes the server's message about them obsolete. */
  edited(change: Partial<FormState>): void {
    if (!this.serverErrors.size) return;
    const next = new Map(this.serverErrors);
    for (const field of Object.keys(change)) next.delete(field);
    this.serverErrors = next;
  }

  leave(field: string): void {
    // Leaving an empty field says nothing yet; leaving a field with a mistake in it does.
    const value = this.host.data[field as keyof FormState];
    if (typeof value === 'string' && value.trim() && !this.shown.has(field)) this.shown = new Set([...this.shown, field]);
  }

  /** Shows the errors of these fields (all of them without a step) and returns the fields that fail. */
  check(step?: number): string[] {
    const fields = step === undefined ? FORM_STEPS.flatMap((s) => s.fields) : (FORM_STEPS[step]?.fields ?? []);
    this.shown = new Set([...this.shown, ...fields]);
    this.refresh();
    return step === undefined ? [...this.errors.keys()] : fields.filter((f) => this.errors.has(f));
  }

  /** The server refused these fields: their messages show at once, on their steps. */
  setServerErrors(errors: Map<string, string>): void {
    this.serverErrors = errors;
    this.refresh();
  }

  showSummary(fields: string[], extra: string[] = []): void {
    this.summaryFields = fields;
    this.summaryExtra = extra;
    this.host.focusLater('error-summary');
  }

  hideSummary(): void {
    this.summaryFields = undefined;
    this.summaryExtra = [];
  }

  private focusField(field: string): void {
    const h = this.host;
    const step = stepOfField(field);
    if (step !== h.step && step < FORM_STEPS.length - 1) {
      h.step = step;
      if (step === STEP.structures) h.structures.ensure();
    }
    h.focusLater(controlId(field));
  }

  summaryTemplate(): TemplateResult | typeof nothing {
    if (!this.summaryFields) return nothing;
    const items = this.summaryFields.flatMap((field) => {
      const message = this.errors.get(field);
      return message ? [{ field, message }] : [];
    });
    const count = items.length + this.summaryExtra.length;
    if (!count) return nothing;
    const t = this.host.t;
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

  // ---------------------------------------------------------------- personal data and counters

  /** The first-names list (its own chunk): names are found after a civility without it, and with it once here. */
  async loadNames(flow: Flow): Promise<void> {
    if (this.firstNames) return;
    try {
      this.firstNames = await flow.loadFirstNames();
    } catch {
      return; // tried again with the next preload or scan
    }
    if (this.host.step >= STEP.story) {
      this.scanPii();
      this.host.requestUpdate();
    }
  }

  scanPii(): void {
    const { flow, data } = this.host;
    if (!flow) return;
    if (!this.firstNames) void this.loadNames(flow);
    const options = { firstNames: this.firstNames };
    this.piiFound = { title: flow.findPersonalData(data.title, options), body: flow.findPersonalData(data.body, options) };
  }

  maskPii(): void {
    const h = this.host;
    const flow = h.flow;
    if (!flow) return;
    const mask = h.t.piiMaskText;
    h.edit({
      title: flow.maskPersonalData(h.data.title, mask, this.piiFound.title),
      body: flow.maskPersonalData(h.data.body, mask, this.piiFound.body),
    });
    this.piiMasked = true;
    h.focusLater('pii-warning');
  }

  /** The text changed: scan it again, and announce the counter once typing pauses. */
  textEdited(field: 'title' | 'body'): void {
    this.piiMasked = false;
    this.scanPii();
    this.announceCount(field);
  }

  /** A calm announcement of the counter (and of any personal data) once typing pauses, not on every key. */
  private announceCount(field: 'title' | 'body'): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const h = this.host;
      if (!h.flow) return;
      const t = h.t;
      const pii = this.piiFound[field];
      const kinds = [...new Set(pii.map((m) => t[`pii_${m.kind}`]))].join(', ');
      const found = pii.length ? ` ${format(t.piiAnnounce, { title: t.piiTitle, kinds })}` : '';
      this.countAnnouncement = `${h.flow.countText(h.view(), field)}.${found}`;
    }, 1200);
  }
}
