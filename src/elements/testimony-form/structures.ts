import { html, type TemplateResult } from 'lit';
import { LIMITS } from '../../contract/testimony-values.js';
import { hostState } from './host-state.js';
import type { StructurePicker } from './structure-picker.js';
import type { SppTestimonyForm } from './testimony-form.js';

/** Step 2's services: the structure search (its own chunk, loaded when needed), adding and removing services. */
export class StructureChoice {
  open = false;
  load: 'idle' | 'loading' | 'failed' = 'idle';
  private picker: StructurePicker | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    hostState(this, host, 'open', 'load');
  }

  /** Loads the search once it is needed (no service chosen yet, or the citizen asked to add one). */
  ensure(): void {
    const h = this.host;
    const needed = h.data.structures.length === 0 || this.open;
    if (!needed || this.picker || this.load === 'loading') return;
    this.load = 'loading';
    import('./structure-picker.js').then(
      ({ StructurePicker }) => {
        this.picker = new StructurePicker(h, {
          api: () => h.apiBase,
          lang: () => h.language,
          exclude: () => h.data.structures.map((s) => s.code),
          onPick: (structure, announcement) => {
            const structures = [...h.data.structures, structure];
            this.open = false;
            h.edit({ structures });
            h.statusText = announcement;
            h.focusLater(structures.length >= LIMITS.structuresMax ? 'step-title' : 'f-structures');
          },
        });
        this.load = 'idle';
      },
      () => (this.load = 'failed'),
    );
  }

  openPicker(): void {
    this.open = true;
    this.ensure();
    this.host.focusLater('f-structures');
  }

  remove(code: string): void {
    const h = this.host;
    h.edit({ structures: h.data.structures.filter((s) => s.code !== code) });
    this.ensure();
    h.focusLater('f-structures');
  }

  /** The search, or a loading / failed placeholder. */
  template(): TemplateResult {
    const t = this.host.t;
    const error = this.host.feedback.error('structures');
    if (this.picker) return this.picker.render(error ? ['err-structures'] : [], !!error);
    if (this.load === 'failed') {
      return html`<p class="error-inline">
        ${t.pickerFailed}
        <button type="button" class="button secondary small" id="f-structures" @click=${() => ((this.load = 'idle'), this.ensure())}>${t.retry}</button>
      </p>`;
    }
    return html`<p class="muted">${t.pickerLoading}</p>`;
  }
}
