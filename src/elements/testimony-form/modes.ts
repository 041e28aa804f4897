import { html, type TemplateResult } from 'lit';
import { hostState } from './host-state.js';
import type { SppTestimonyForm } from './testimony-form.js';

/**
 * `mode="tracking"`, kept for pages written before `<spp-testimony-tracking>` had its own tag: the form puts that
 * element in its own light DOM, where the page's script (the autoloader) sees it and loads it, hands it the
 * form's attributes, and shows it through a slot. The form never imports another element's code.
 */
export function trackingChild(host: SppTestimonyForm): void {
  let child = host.querySelector(':scope > spp-testimony-tracking[slot=tracking]');
  if (!child) {
    child = document.createElement('spp-testimony-tracking');
    child.slot = 'tracking';
    host.append(child);
  }
  const attributes = {
    reference: host.reference,
    token: host.token,
    api: host.api,
    lang: host.lang,
    theme: host.getAttribute('theme'),
    'heading-level': host.headingLevel ? String(host.headingLevel) : '',
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value) child.setAttribute(name, value);
    else child.removeAttribute(name);
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
