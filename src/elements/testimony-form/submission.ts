import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { SubmissionAccepted } from '../../contract/testimony.js';
import { LIMITS } from '../../contract/testimony-values.js';
import { ApiError } from '../../client/api-error.js';
import { sleep } from '../../client/http.js';
import { newIdempotencyKey } from '../../client/local-store.js';
import type { Delivery, OutboxReceipt } from '../../client/outbox.js';
import { apiUrl } from '../../internal/config.js';
import { emit } from '../../internal/events.js';
import { format } from '../../internal/i18n.js';
import { clearDraft } from './draft.js';
import { hostState } from './host-state.js';
import type { QueueReason } from './review.js';
import type { QueuedDetail, SppTestimonyForm, SubmittedDetail } from './testimony-form.js';
import { displayField, FORM_STEPS, STEP, stepOfField } from './view.js';

const LAST = FORM_STEPS.length - 1;

/**
 * Sending and what follows: the outbox delivery with its retries, the queued and received views, the server's
 * refusals put back on their fields, and the receipts of testimonies an earlier page sent.
 */
export class SubmissionController implements ReactiveController {
  phase: 'editing' | 'sending' | 'queued' | 'submitted' = 'editing';
  queueReason: QueueReason = 'server';
  busy = false;
  accepted: SubmissionAccepted | undefined;
  fromOtherTab = false;
  copied = false;
  keyReused = false;
  receipts: OutboxReceipt<SubmissionAccepted>[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    host.addController(this);
    hostState(this, host, 'phase', 'queueReason', 'busy', 'accepted', 'fromOtherTab', 'copied', 'keyReused', 'receipts');
  }

  hostConnected(): void {
    // Moved in the page (disconnected, then connected again): listen to the outbox again.
    if (this.host.flow) this.listen();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Listens to the outbox (once the flow is here). */
  listen(): void {
    this.unsubscribe ??= this.host.flow?.outbox.subscribe(() => this.onOutboxChange());
  }

  reset(): void {
    this.phase = 'editing';
    this.accepted = undefined;
  }

  private get key(): string | undefined {
    return this.host.draft.own?.key;
  }

  /** A restored draft may already be sent (by another tab), waiting in the outbox, or refused. */
  checkOutbox(): void {
    const outbox = this.host.flow?.outbox;
    const key = this.key;
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

  private onOutboxChange(): void {
    const key = this.key;
    if (key && this.phase !== 'submitted') {
      const receipt = this.host.flow?.outbox.receipt(key);
      if (receipt) this.showSubmitted(receipt, this.phase === 'editing', true);
    }
    this.refreshReceipts();
  }

  /** Confirmations of testimonies the outbox sent while the citizen was elsewhere. */
  refreshReceipts(): void {
    this.receipts = this.host.flow?.outbox.receipts().filter((r) => !r.seen && r.id !== this.key) ?? [];
  }

  async submit(): Promise<void> {
    const h = this.host;
    if (this.phase !== 'editing') return; // a second click while sending
    this.phase = 'sending';
    const flow = await h.ensureFlow();
    if (!flow) {
      this.phase = 'editing';
      return;
    }
    const failing = h.feedback.check();
    if (failing.length) {
      this.phase = 'editing';
      return h.feedback.showSummary(failing);
    }

    h.statusText = h.t.sending;
    h.feedback.summaryFields = undefined;
    h.draft.restored = false;
    h.draft.persist();
    h.draft.own ??= { key: newIdempotencyKey(), startedAt: Date.now() };
    const { key, startedAt } = h.draft.own;
    // A person cannot be this fast; waiting a moment keeps a quick human from looking like a script.
    const early = LIMITS.minFillMs - (Date.now() - startedAt);
    if (early > 0) await sleep(early);

    const stored = flow.outbox.put({
      id: key,
      url: apiUrl(h.apiBase, '/api/v1/testimonies'),
      body: h.payload(Date.now() - startedAt),
      headers: { 'Accept-Language': h.language },
      meta: { structure: h.structure, title: h.data.title.trim() },
    });
    if (!stored) h.draft.failed = true;
    if (navigator.onLine === false) return this.queue('offline');
    this.handle(
      await flow.outbox.deliver(key, {
        retries: 3,
        backoffMs: 1000,
        onRetry: ({ delayMs, error }) => {
          const t = h.t;
          const template = error.status === 429 ? t.retryingRate : error.kind === 'http' ? t.retryingServer : t.retryingNetwork;
          h.statusText = format(template, { seconds: Math.max(1, Math.round(delayMs / 1000)) });
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
    this.host.report(outcome.error);
    if (outcome.kind === 'queued') {
      return this.queue(outcome.error.status === 429 ? 'rate' : navigator.onLine === false ? 'offline' : 'server');
    }
    this.applyRefusal(outcome.error, true);
  }

  private queue(reason: QueueReason): void {
    const wasQueued = this.phase === 'queued';
    this.phase = 'queued';
    this.queueReason = reason;
    this.host.statusText = '';
    if (!wasQueued) {
      this.host.focusLater('result-title');
      emit<QueuedDetail>(this.host, 'spp-queued', { reason });
    }
  }

  private async sendNow(): Promise<void> {
    const key = this.key;
    const outbox = this.host.flow?.outbox;
    if (!key || !outbox || this.busy) return;
    this.busy = true;
    this.handle(await outbox.deliver(key, { retries: 0 }));
  }

  private editQueued(): void {
    const key = this.key;
    if (key) this.host.flow?.outbox.remove(key);
    this.phase = 'editing';
    this.host.goTo(LAST);
  }

  /** The server said no: back to the form, with its errors on the fields they concern. */
  private applyRefusal(error: ApiError, focus: boolean): void {
    const h = this.host;
    this.phase = 'editing';
    h.statusText = '';
    const problem = error.problem;
    if (error.status === 422 && problem?.errors?.some((e) => e.field === 'Idempotency-Key')) {
      this.keyReused = true;
      h.step = LAST;
      if (focus) h.focusLater('key-reused');
      return;
    }
    const errors = new Map<string, string>();
    const extra: string[] = [];
    for (const e of problem?.errors ?? []) {
      const field = displayField(e.field);
      if (stepOfField(field) < LAST) {
        if (!errors.has(field)) errors.set(field, e.message);
      } else {
        extra.push(e.message);
      }
    }
    if (error.status === 413) errors.set('body', problem?.detail ?? h.t.refused);
    h.feedback.setServerErrors(errors);
    if (errors.size || extra.length) {
      const first = [...errors.keys()][0];
      h.step = first ? stepOfField(first) : LAST;
      if (h.step === STEP.structures) h.structures.ensure();
      h.statusText = h.t.refused;
      h.feedback.summaryFields = [...errors.keys()];
      h.feedback.summaryExtra = extra;
      if (focus) h.focusLater('error-summary');
    } else {
      h.step = LAST;
      h.statusText = format(h.t.refusedOther, { status: error.status ?? '?' });
    }
  }

  /** After a 422 (an earlier version was stored under this key): the citizen chose to send this one too. */
  private sendNewVersion(): void {
    const h = this.host;
    const own = h.draft.own;
    if (own) h.flow?.outbox.remove(own.key);
    clearDraft(h.structure);
    h.draft.own = { key: newIdempotencyKey(), startedAt: own?.startedAt ?? Date.now() };
    this.keyReused = false;
    h.draft.persist();
    void this.submit();
  }

  private showSubmitted(receipt: OutboxReceipt<SubmissionAccepted>, fromOtherTab: boolean, focus: boolean): void {
    const h = this.host;
    this.phase = 'submitted';
    this.accepted = receipt.response;
    this.fromOtherTab = fromOtherTab;
    h.statusText = '';
    this.copied = false;
    clearDraft(h.structure, receipt.id);
    h.flow?.outbox.markSeen(receipt.id);
    if (focus) h.focusLater('result-title');
    emit<SubmittedDetail>(h, 'spp-submitted', { reference: receipt.response.reference, trackingUrl: receipt.response.trackingUrl });
  }

  private async copyLink(): Promise<void> {
    const url = this.accepted?.trackingUrl;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      // No clipboard access (permissions, plain http): the link is selected in its field for a manual copy.
      this.host.renderRoot.querySelector<HTMLInputElement>('#tracking-url')?.select();
    }
  }

  private dismissReceipt(id: string): void {
    this.host.flow?.outbox.markSeen(id);
    this.refreshReceipts();
    this.host.focusLater('form-title');
  }

  /** The received or queued view, or `undefined` while editing. */
  resultTemplate(): TemplateResult | undefined {
    const h = this.host;
    const flow = h.flow;
    if (flow && this.phase === 'submitted' && this.accepted) {
      return flow.submittedView({
        t: h.t,
        level: h.level + 1,
        accepted: this.accepted,
        fromOtherTab: this.fromOtherTab,
        copied: this.copied,
        onCopy: () => void this.copyLink(),
        onAnother: () => h.writeAnother(),
      });
    }
    if (flow && this.phase === 'queued') {
      return flow.queuedView({
        t: h.t,
        level: h.level + 1,
        reason: this.queueReason,
        busy: this.busy,
        onSendNow: () => void this.sendNow(),
        onEdit: () => this.editQueued(),
      });
    }
    return undefined;
  }

  keyReusedTemplate(): TemplateResult | typeof nothing {
    const t = this.host.t;
    return this.keyReused
      ? html`<div class="notice warning" id="key-reused" tabindex="-1">
          <p>${t.keyReused}</p>
          <button type="button" class="button secondary" @click=${() => this.sendNewVersion()}>${t.sendNewVersion}</button>
        </div>`
      : nothing;
  }

  receiptsTemplate(): TemplateResult | typeof nothing {
    if (!this.receipts.length) return nothing;
    const t = this.host.t;
    return html`${this.receipts.map(
      (r) => html`<div class="notice success" part="receipt">
        <p>${format(t.receiptTitle, { title: r.meta.title ?? '' })} ${t.referenceLabel} <strong class="reference">${r.response.reference}</strong>.</p>
        <p><a href=${r.response.trackingUrl}>${t.trackingLink}</a></p>
        <button type="button" class="button link" @click=${() => this.dismissReceipt(r.id)}>${t.receiptDismiss}</button>
      </div>`,
    )}`;
  }
}
