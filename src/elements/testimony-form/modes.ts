import { html, type TemplateResult } from 'lit';
import { hostState } from './host-state.js';
import type { SppTestimonyForm } from './testimony-form.js';
import type { TrackingState } from './tracking.js';

/** `mode="tracking"`: the author's view of a testimony, its code and strings loaded only on the tracking page. */
export class TrackingMode {
  state: TrackingState | undefined;
  private module: typeof import('./tracking.js') | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    hostState(this, host, 'state');
  }

  async load(): Promise<void> {
    const h = this.host;
    this.state = { kind: 'loading' };
    try {
      this.module ??= await import('./tracking.js');
    } catch {
      this.state = { kind: 'failed' };
      return;
    }
    const { trackingTarget, loadTracking } = this.module;
    const target = trackingTarget(h.reference, h.token, location);
    this.state = await loadTracking(h.apiBase, target.reference, target.token, h.language);
  }

  template(): TemplateResult {
    const h = this.host;
    return this.module && this.state
      ? this.module.renderTracking(this.state, h.language, h.level, () => void this.load())
      : html`<p class="muted" aria-busy="true">…</p>`;
  }
}

/** `mode="floating"`: a corner button opening the form in a modal dialog, focus back on the button when it closes. */
export class FloatingMode {
  open = false;

  constructor(private readonly host: SppTestimonyForm) {
    hostState(this, host, 'open');
  }

  private show(): void {
    const h = this.host;
    void h.ensureFlow();
    const dialog = h.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.open = true;
    h.focusLater('form-title');
  }

  private close(): void {
    this.host.renderRoot.querySelector('dialog')?.close();
  }

  /**
   * Tab from the last control goes back to the first, and Shift+Tab the other way: focus stays in the dialog.
   * `showModal()` alone makes the page inert but lets Tab leave the document (tried: the floating-mode test fails).
   */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const root = this.host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    if (!first || !last) return;
    if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    }
  }

  private closed(): void {
    this.open = false;
    this.host.renderRoot.querySelector<HTMLElement>('.fab')?.focus();
  }

  template(form: TemplateResult): TemplateResult {
    const t = this.host.t;
    return html`<button type="button" class="fab" part="floating-button" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'} @click=${() => this.show()}>
        ${t.openForm}
      </button>
      <dialog part="dialog" aria-labelledby="form-title" @close=${() => this.closed()} @keydown=${(e: KeyboardEvent) => this.trapFocus(e)}>
        <div class="dialog-bar">
          <button type="button" class="button secondary small" @click=${() => this.close()}>${t.close}</button>
        </div>
        ${form}
      </dialog>`;
  }
}
