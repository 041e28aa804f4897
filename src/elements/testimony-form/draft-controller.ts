import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { clearDraft, draftsPersist, loadDraft, saveDraft, type Draft } from './draft.js';
import { hostState } from './host-state.js';
import { STEP } from './view.js';
import type { SppTestimonyForm } from './testimony-form.js';

/**
 * The draft of the testimony being written (see `draft.ts` for its storage): saved on every change, restored
 * when the form opens, discarded with an undo, and the notices that say so.
 */
export class DraftController implements ReactiveController {
  /** This testimony's idempotency key and start time, once it has a draft. */
  own: Pick<Draft, 'key' | 'startedAt'> | undefined;
  restored = false;
  discarded: Draft | undefined;
  /** The browser refuses storage: the text lives only in this page. */
  failed = !draftsPersist;
  /** The structure whose draft is shown (`undefined`: restore on the next update). */
  restoredFor: string | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    host.addController(this);
    hostState(this, host, 'restored', 'discarded', 'failed');
  }

  /** Shows the structure's draft when the form opens, and again when its `structure` changes. */
  hostUpdate(): void {
    const h = this.host;
    if (h.mode !== 'tracking' && h.mode !== 'link' && !h.reference && this.restoredFor !== h.structure) h.restore();
  }

  /** Reads the structure's draft back, and takes its key. */
  load(): Draft | undefined {
    const structure = this.host.structure;
    this.restoredFor = structure;
    const draft = loadDraft(structure);
    this.own = draft && { key: draft.key, startedAt: draft.startedAt };
    this.restored = !!draft;
    return draft;
  }

  persist(): void {
    const h = this.host;
    const draft = saveDraft(h.structure, h.data, h.step, this.own);
    if (draft) this.own = { key: draft.key, startedAt: draft.startedAt };
    else this.failed = true;
  }

  /** A change typed by the citizen: the restore and discard notices go. */
  edited(): void {
    this.restored = false;
    this.discarded = undefined;
    this.persist();
  }

  private discard(): void {
    const h = this.host;
    const draft = loadDraft(h.structure);
    if (draft) h.flow?.outbox.remove(draft.key);
    clearDraft(h.structure);
    this.restoredFor = undefined;
    h.restore();
    this.discarded = draft;
    h.statusText = h.t.draftDiscarded;
    h.focusLater('undo-discard');
  }

  private undo(): void {
    const h = this.host;
    const draft = this.discarded;
    if (!draft) return;
    this.discarded = undefined;
    this.own = { key: draft.key, startedAt: draft.startedAt };
    h.data = draft.state;
    h.step = draft.step;
    this.persist();
    h.statusText = '';
    if (h.step === STEP.structures) h.structures.ensure();
    h.focusLater('step-title');
  }

  noticesTemplate(): TemplateResult {
    const t = this.host.t;
    return html`${this.restored
      ? html`<p class="notice info small">
          ${t.draftRestored}
          <button type="button" class="button link" @click=${() => this.discard()}>${t.draftDiscard}</button>
        </p>`
      : nothing}
    ${this.discarded
      ? html`<p class="notice info small">
          ${t.draftDiscarded}
          <button type="button" class="button link" id="undo-discard" @click=${() => this.undo()}>${t.undo}</button>
        </p>`
      : nothing}`;
  }
}
