import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ModerationTestimony } from '../contract/admin.js';
import type { StructureRef } from '../contract/testimony.js';
import { defineElement } from '../internal/define.js';
import { emit } from '../internal/events.js';
import { format } from '../internal/i18n.js';
import type { AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

/**
 * `<spp-agent-reassign>`: hands a testimony from one of its structures to a sub-structure of it (a local site or
 * service). Lists the sub-structures from the API; fires `spp-agent-changed` with the testimony once re-assigned.
 */
export class SppAgentReassign extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    testimony: { attribute: false },
    subs: { state: true },
  };

  protected readonly idPrefix = 'reassign';
  testimony?: ModerationTestimony;
  private subs: StructureRef[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('testimony')) {
      // The structures it may leave: those of the testimony the page's token covers.
      const own = new Set(this.testimony?.canReplyAs ?? []);
      this.structures = (this.testimony?.structures ?? []).filter((st) => own.has(st.code));
      if (!changed.get('testimony') || (changed.get('testimony') as ModerationTestimony).reference !== this.testimony?.reference) {
        this.notice = '';
        this.failure = '';
      }
    }
    super.willUpdate(changed);
    if (changed.has('testimony') && !changed.has('structures')) void this.reload();
  }

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const list = await api.subStructures(structure);
    const concerned = new Set(this.testimony?.structures.map((st) => st.code));
    return () => (this.subs = list.items.filter((st) => !concerned.has(st.code)));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const testimony = this.testimony;
    const to = (this.renderRoot.querySelector<HTMLSelectElement>('#reassign-to')?.value ?? '').trim();
    if (!testimony || !to) return;
    const name = this.subs.find((st) => st.code === to)?.name ?? to;
    await this.act(async (api) => {
      const updated = await api.reassign(testimony.reference, this.structure, to);
      emit(this, 'spp-agent-changed', updated);
      this.notice = format(this.t.reassigned, { name });
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<form class="stack box" novalidate @submit=${this.onSubmit} aria-labelledby="reassign-title" lang=${this.language}>
      <h3 id="reassign-title">${t.reassignTitle}</h3>
      ${this.structures.length > 1
        ? this.renderStructureChoice()
        : html`<p>${t.reassignFrom} : ${this.structureName}</p>`}
      ${this.renderMessages()} ${this.renderLoadState() ?? this.renderChoice()}
    </form>`;
  }

  private renderChoice(): TemplateResult {
    const t = this.t;
    if (!this.subs.length) return html`<p>${t.reassignNone}</p>`;
    return html`<div class="field">
        <label for="reassign-to">${t.reassignTo}</label>
        <select id="reassign-to" name="to">
          ${this.subs.map((st) => html`<option value=${st.code}>${st.name}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button class="button secondary" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : t.reassign}</button>
      </div>
      ${nothing}`;
  }
}

defineElement('spp-agent-reassign', SppAgentReassign);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-reassign': SppAgentReassign;
  }
}
