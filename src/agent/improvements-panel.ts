import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { IMPROVEMENT_STATUSES, ImprovementInput, type ImprovementAction } from '../contract/improvement.js';
import { toFieldErrors } from '../contract/messages.js';
import type { FieldError } from '../contract/problem.js';
import { TAGS } from '../contract/testimony.js';
import { ENGAGEMENTS_EN } from '../data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../data/engagements.fr.js';
import { defineElement } from '../internal/define.js';
import { format, formatDate } from '../internal/i18n.js';
import { written, type AgentApi } from './agent-api.js';
import { counted } from './count.js';
import { LABELS_FR } from '../contract/labels.js';
import { untilStrings } from '../internal/strings-gate.js';
import { AGENT_FR, agentStrings } from './agent.strings.js';
import { IMPROVEMENT_FR, improvementStrings, type ImprovementStrings } from './improvements.strings.js';
import { TeamPanel } from './team-panel.js';

const FIELDS = ['youSaid', 'weDid', 'engagement', 'tag', 'status', 'date', 'testimonies'] as const;
type Field = (typeof FIELDS)[number];

/** Today in France, `YYYY-MM-DD`. */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/**
 * The agent page's improvement plan (`<spp-agent-improvements>`): the actions a structure publishes ("Vous nous
 * avez dit… Nous avons fait…"), a form to add one, and marking one done. What it saves shows at once in the public
 * `<spp-improvements>` of that structure.
 */
export class SppAgentImprovements extends TeamPanel {
  static override styles = [
    ...TeamPanel.styles,
    css`
      .plan {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .plan li {
        display: grid;
        gap: 0.25rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    items: { state: true },
    errors: { state: true },
    editing: { state: true },
    confirming: { state: true },
  };

  protected readonly idPrefix = 'improvement';
  private items: ImprovementAction[] = [];
  private errors: Partial<Record<Field, string>> = {};
  /** The action in the form, or undefined for a new one. */
  private editing?: ImprovementAction;
  /** The action whose deletion awaits confirmation. */
  private confirming?: string;
  /** The references the edit form started with: unchanged, they are not sent (the unpublished ones stay cited). */
  #citedAtStart = '';

  private get s(): ImprovementStrings {
    return improvementStrings(this.language, this, () => {}) ?? IMPROVEMENT_FR;
  }

  private get a() {
    return agentStrings(this.language, this, () => {}) ?? { ...AGENT_FR, ...LABELS_FR };
  }

  /** In English nothing renders nor loads before the English words (the plan's too) are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [improvementStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const plan = await api.improvements(structure, this.language);
    return () => (this.items = plan.items);
  }

  /** Field errors by field, from zod issues or from the server's problem+json. */
  private showErrors(errors: readonly FieldError[]): void {
    this.errors = this.fieldErrors(errors, (field) => FIELDS.find((name) => name === field.split('.')[0]));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: Field) => String(data.get(name) ?? '');
    const cited = text('testimonies');
    const references = cited
      .split(/[\s,;]+/)
      .map((r) => r.trim().toUpperCase())
      .filter(Boolean);
    const editing = this.editing;
    const candidate = {
      youSaid: text('youSaid'),
      weDid: text('weDid'),
      engagement: Number(text('engagement')),
      tag: text('tag') || null,
      status: text('status'),
      date: text('date'),
      // A new action cites what is typed; an edit sends the list only when the agent changed it.
      ...((editing ? cited.trim() !== this.#citedAtStart : references.length) ? { testimonies: references } : {}),
    };
    this.notice = '';
    this.failure = '';
    const parsed = ImprovementInput.safeParse(candidate);
    if (!parsed.success) return this.showErrors(toFieldErrors(parsed.error.issues, this.language));
    this.errors = {};
    await this.act(async (api) => {
      const write = editing ? api.updateImprovement(this.structure, editing.id, parsed.data) : api.addImprovement(this.structure, parsed.data);
      if (!(await written(write, (fields) => this.showErrors(fields)))) return;
      form.reset();
      this.editing = undefined;
      this.notice = editing ? this.s.saved : this.s.added;
      await this.reload();
    }, this.s.failed);
  }

  private startEdit(action: ImprovementAction): void {
    this.editing = action;
    this.errors = {};
    this.#citedAtStart = (action.testimonies?.published ?? []).map((t) => t.reference).join(', ');
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector<HTMLFormElement>('#improvement-form')!;
      const set = (name: Field, value: string) => ((form.elements.namedItem(name) as HTMLInputElement).value = value);
      set('youSaid', action.youSaid);
      set('weDid', action.weDid);
      set('engagement', String(action.engagement.number));
      set('tag', action.tag ?? '');
      set('status', action.status);
      set('date', action.date);
      set('testimonies', this.#citedAtStart);
      form.querySelector<HTMLElement>('#improvement-youSaid')?.focus();
    });
  }

  private cancelEdit(): void {
    this.renderRoot.querySelector<HTMLFormElement>('#improvement-form')?.reset();
    this.editing = undefined;
    this.errors = {};
  }

  private async removeAction(action: ImprovementAction): Promise<void> {
    await this.act(async (api) => {
      await api.deleteImprovement(this.structure, action.id);
      this.confirming = undefined;
      if (this.editing?.id === action.id) this.cancelEdit();
      this.notice = this.s.deleted;
      await this.reload();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#improvements-title')?.focus();
    }, this.s.failed);
  }

  private async markDone(action: ImprovementAction): Promise<void> {
    await this.act(async (api) => {
      const { youSaid, weDid, engagement, tag } = action;
      await api.updateImprovement(this.structure, action.id, { youSaid, weDid, engagement: engagement.number, tag, status: 'done', date: today() });
      this.notice = this.s.markedDone;
      await this.reload();
    }, this.s.failed);
  }

  protected override render(): TemplateResult {
    const s = this.s;
    return html`<section class="stack box" aria-labelledby="improvements-title" lang=${this.language}>
      <h2 id="improvements-title">${s.title}</h2>
      <p class="muted">${s.intro}</p>
      ${this.renderStructureChoice()} ${this.renderMessages()}
      ${this.renderPlan()} ${this.renderForm()}
    </section>`;
  }

  private renderPlan(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    // The list stays while it is read again after a change; "loading" only when there is none yet.
    const state = this.renderLoadState(s, this.loading && !this.items.length);
    if (state) return state;
    if (!this.items.length) return html`<p>${s.empty}</p>`;
    return html`<h3>${s.listTitle}</h3>
      <ul class="plan" role="list">
        ${this.items.map(
          (action) => html`<li>
            <p><strong>${s.youSaid}</strong> ${action.youSaid}</p>
            <p><strong>${action.status === 'done' ? s.weDid : s[`weDid_${action.status}`]}</strong> ${action.weDid}</p>
            <p class="muted">
              ${action.engagement.number}. ${action.engagement.keyword} ·
              ${format(s.statusLine, { status: s.statusLabels[action.status], date: formatDate(action.date, lang) })}
            </p>
            ${action.testimonies?.count
              ? html`<p class="muted">${format(action.testimonies.count === 1 ? s.cited_one : s.cited_other, { count: action.testimonies.count })}</p>`
              : nothing}
            <div class="actions">
              ${action.status === 'done'
                ? nothing
                : html`<button type="button" class="button secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.markDone(action)}>
                    ${s.markDone}<span class="sr-only"> : ${action.weDid}</span>
                  </button>`}
              <button type="button" class="button secondary" @click=${() => this.startEdit(action)}>${s.edit}<span class="sr-only"> : ${action.weDid}</span></button>
              ${this.confirming === action.id
                ? html`<button type="button" class="button danger" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.removeAction(action)}>
                      ${s.confirmDelete}<span class="sr-only"> : ${action.weDid}</span></button
                    ><button type="button" class="button secondary" @click=${() => (this.confirming = undefined)}>${s.cancel}</button>`
                : html`<button type="button" class="button secondary" @click=${() => (this.confirming = action.id)}>
                    ${s.delete}<span class="sr-only"> : ${action.weDid}</span>
                  </button>`}
            </div>
          </li>`,
        )}
      </ul>`;
  }

  private field(name: Field, label: string, control: (described: string | undefined, invalid: boolean) => TemplateResult): TemplateResult {
    const error = this.errors[name];
    return html`<div class="field">
      <label for="improvement-${name}">${label}</label>
      ${error ? html`<p id="improvement-${name}-error" class="field-error">${error}</p>` : nothing}
      ${control(error ? `improvement-${name}-error` : undefined, !!error)}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    const engagements = (lang === 'en' ? ENGAGEMENTS_EN : ENGAGEMENTS_FR).pillars.flatMap((p) => p.engagements);
    const errors = Object.values(this.errors);
    const invalid = (yes: boolean) => (yes ? 'true' : 'false');
    return html`<form id="improvement-form" class="stack" novalidate @submit=${this.onSubmit} aria-labelledby="improvement-form-title">
      <h3 id="improvement-form-title">${this.editing ? s.editTitle : s.formTitle}</h3>
      ${errors.length
        ? html`<div id="improvement-errors" class="notice error" role="alert" tabindex="-1">
            <p>${counted(lang, errors.length, s.errorSummary_one, s.errorSummary)}</p>
            <ul>
              ${FIELDS.filter((f) => this.errors[f]).map((f) => html`<li><a href="#improvement-${f}" @click=${this.focusField(f)}>${this.errors[f]}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.field('youSaid', s.youSaid, (d, bad) => html`<textarea id="improvement-youSaid" name="youSaid" maxlength="1000" aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)}></textarea>`)}
      ${this.field('weDid', s.weDid, (d, bad) => html`<textarea id="improvement-weDid" name="weDid" maxlength="2000" aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)}></textarea>`)}
      <div class="grid">
        ${this.field(
          'engagement',
          s.engagement,
          (d, bad) => html`<select id="improvement-engagement" name="engagement" aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)}>
            ${engagements.map((e) => html`<option value=${e.number}>${e.number}. ${e.keyword}</option>`)}
          </select>`,
        )}
        ${this.field(
          'tag',
          s.tag,
          (d, bad) => html`<select id="improvement-tag" name="tag" aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)}>
            <option value="">${s.noTag}</option>
            ${TAGS.map((tag) => html`<option value=${tag}>${this.a.tagLabels[tag]}</option>`)}
          </select>`,
        )}
        ${this.field(
          'status',
          s.status,
          (d, bad) => html`<select id="improvement-status" name="status" aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)}>
            ${IMPROVEMENT_STATUSES.map((status) => html`<option value=${status}>${this.s.statusLabels[status]}</option>`)}
          </select>`,
        )}
        ${this.field('date', s.date, (d, bad) => html`<input id="improvement-date" name="date" type="date" .defaultValue=${today()} aria-describedby=${d ?? nothing} aria-invalid=${invalid(bad)} />`)}
      </div>
      ${this.field(
        'testimonies',
        s.testimonies,
        (d, bad) => html`<p id="improvement-testimonies-hint" class="hint">${s.testimoniesHint}</p>
          <input
            id="improvement-testimonies"
            name="testimonies"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=${d ? `improvement-testimonies-hint ${d}` : 'improvement-testimonies-hint'}
            aria-invalid=${invalid(bad)}
          />`,
      )}
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? s.adding : this.editing ? s.save : s.add}</button>
        ${this.editing ? html`<button class="button secondary" type="button" @click=${this.cancelEdit}>${s.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  private focusField(field: Field) {
    return (event: Event) => {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>(`#improvement-${field}`)?.focus();
    };
  }
}

defineElement('spp-agent-improvements', SppAgentImprovements);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-improvements': SppAgentImprovements;
  }
}
