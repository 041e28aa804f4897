import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { COMMITMENT_LIMITS, CommitmentInput, type AdminCommitment } from '../contract/admin.js';
import { toFieldErrors } from '../contract/messages.js';
import type { FieldError } from '../contract/problem.js';
import { ENGAGEMENTS_EN } from '../data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../data/engagements.fr.js';
import { defineElement } from '../internal/define.js';
import { counted } from './count.js';
import { written, type AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

type Field = 'engagement' | 'text';

/**
 * `<spp-agent-commitments>`: a structure's local commitments, listed under their engagement, added, edited and
 * deleted. What it saves shows in the structure's `<spp-engagements>` banner.
 */
export class SppAgentCommitments extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    items: { state: true },
    editing: { state: true },
    confirming: { state: true },
    errors: { state: true },
  };

  protected readonly idPrefix = 'commitment';
  private items: AdminCommitment[] = [];
  /** The commitment in the form, or undefined for a new one. */
  private editing?: AdminCommitment;
  /** The commitment whose deletion awaits confirmation. */
  private confirming?: string;
  private errors: Partial<Record<Field, string>> = {};

  private get engagements() {
    return (this.language === 'en' ? ENGAGEMENTS_EN : ENGAGEMENTS_FR).pillars.flatMap((p) => p.engagements);
  }

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const list = await api.commitments(structure);
    return () => {
      this.items = list.items;
      if (this.editing && !list.items.some((c) => c.id === this.editing!.id)) this.editing = undefined;
    };
  }

  private showErrors(errors: readonly FieldError[]): void {
    this.errors = this.fieldErrors(errors, (field) => ['engagement', 'text'].find((name) => name === field.split('.')[0]));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const parsed = CommitmentInput.safeParse({ engagement: Number(data.get('engagement')), text: String(data.get('text') ?? '') });
    this.notice = '';
    this.failure = '';
    if (!parsed.success) return this.showErrors(toFieldErrors(parsed.error.issues, this.language));
    this.errors = {};
    const editing = this.editing;
    await this.act(async (api) => {
      const write = editing ? api.updateCommitment(this.structure, editing.id, parsed.data) : api.addCommitment(this.structure, parsed.data);
      if (!(await written(write, (fields) => this.showErrors(fields)))) return;
      form.reset();
      this.editing = undefined;
      await this.reload();
      this.notice = editing ? this.t.commitmentSaved : this.t.commitmentAdded;
    });
  }

  private startEdit(commitment: AdminCommitment): void {
    this.editing = commitment;
    this.errors = {};
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector<HTMLFormElement>('#commitment-form')!;
      (form.elements.namedItem('engagement') as HTMLSelectElement).value = String(commitment.engagement);
      (form.elements.namedItem('text') as HTMLTextAreaElement).value = commitment.text;
      form.querySelector<HTMLElement>('#commitment-text')?.focus();
    });
  }

  private cancelEdit(): void {
    const form = this.renderRoot.querySelector<HTMLFormElement>('#commitment-form');
    form?.reset();
    this.editing = undefined;
    this.errors = {};
  }

  private async removeCommitment(commitment: AdminCommitment): Promise<void> {
    await this.act(async (api) => {
      await api.deleteCommitment(this.structure, commitment.id);
      this.confirming = undefined;
      await this.reload();
      this.notice = this.t.commitmentDeleted;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#commitments-title')?.focus();
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section class="stack box" aria-labelledby="commitments-title" lang=${this.language}>
      <h2 id="commitments-title" tabindex="-1">${t.commitmentsTitle}</h2>
      <p class="muted">${t.commitmentsIntro}</p>
      ${this.renderStructureChoice()} ${this.renderMessages()} ${this.renderLoadState() ?? this.renderList()} ${this.renderForm()}
    </section>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) return html`<p>${t.commitmentsEmpty}</p>`;
    const keyword = new Map(this.engagements.map((e) => [e.number, e.keyword]));
    return html`<ul class="items" role="list">
      ${this.items.map(
        (c) => html`<li>
          <p class="muted">${c.engagement}. ${keyword.get(c.engagement) ?? ''}</p>
          <p lang="fr">${c.text}</p>
          <div class="actions">
            <button type="button" class="button secondary" aria-disabled=${this.disabled()} @click=${() => this.startEdit(c)}>
              ${t.edit}<span class="sr-only"> : ${c.text}</span>
            </button>
            ${this.confirming === c.id
              ? html`<button type="button" class="button danger" aria-disabled=${this.disabled()} @click=${() => this.removeCommitment(c)}>
                    ${t.confirmDelete}<span class="sr-only"> : ${c.text}</span></button
                  ><button type="button" class="button secondary" @click=${() => (this.confirming = undefined)}>${t.cancel}</button>`
              : html`<button type="button" class="button secondary" @click=${() => (this.confirming = c.id)}>
                  ${t.delete}<span class="sr-only"> : ${c.text}</span>
                </button>`}
          </div>
        </li>`,
      )}
    </ul>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const errors = (['engagement', 'text'] as const).filter((f) => this.errors[f]);
    const described = (field: Field, hint?: string) => [hint, this.errors[field] ? `commitment-${field}-error` : undefined].filter(Boolean).join(' ') || nothing;
    return html`<form id="commitment-form" class="stack" novalidate @submit=${this.onSubmit} aria-labelledby="commitment-form-title">
      <h3 id="commitment-form-title">${this.editing ? t.commitmentEditTitle : t.commitmentAddTitle}</h3>
      ${errors.length
        ? html`<div id="commitment-errors" class="notice error" role="alert" tabindex="-1">
            <p>${counted(this.language, errors.length, t.errorSummary_one, t.errorSummary)}</p>
            <ul>
              ${errors.map((f) => html`<li><a href="#commitment-${f}" @click=${(e: Event) => (e.preventDefault(), this.renderRoot.querySelector<HTMLElement>(`#commitment-${f}`)?.focus())}>${this.errors[f]}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="field">
        <label for="commitment-engagement">${t.commitmentEngagement}</label>
        ${this.errors.engagement ? html`<p id="commitment-engagement-error" class="field-error">${this.errors.engagement}</p>` : nothing}
        <select id="commitment-engagement" name="engagement" aria-describedby=${described('engagement')} aria-invalid=${this.errors.engagement ? 'true' : 'false'}>
          ${this.engagements.map((e) => html`<option value=${e.number}>${e.number}. ${e.keyword}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="commitment-text">${t.commitmentText}</label>
        <p id="commitment-text-hint" class="hint">${t.commitmentTextHint}</p>
        ${this.errors.text ? html`<p id="commitment-text-error" class="field-error">${this.errors.text}</p>` : nothing}
        <textarea
          id="commitment-text"
          name="text"
          maxlength=${COMMITMENT_LIMITS.textMax}
          aria-describedby=${described('text', 'commitment-text-hint')}
          aria-invalid=${this.errors.text ? 'true' : 'false'}
        ></textarea>
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : this.editing ? t.commitmentSave : t.commitmentAdd}</button>
        ${this.editing ? html`<button class="button secondary" type="button" @click=${this.cancelEdit}>${t.cancel}</button>` : nothing}
      </div>
    </form>`;
  }
}

defineElement('spp-agent-commitments', SppAgentCommitments);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-commitments': SppAgentCommitments;
  }
}
