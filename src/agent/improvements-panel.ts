import { LitElement, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError } from '../client/http.js';
import type { StructureRef } from '../contract/testimony.js';
import { IMPROVEMENT_STATUSES, ImprovementInput, type ImprovementAction } from '../contract/improvement.js';
import { toFieldErrors } from '../contract/messages.js';
import { TAGS } from '../contract/testimony.js';
import { ENGAGEMENTS_EN } from '../data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../data/engagements.fr.js';
import { defineElement } from '../internal/define.js';
import { emit } from '../internal/events.js';
import { format, formatDate } from '../internal/i18n.js';
import { LoadController } from '../internal/load-controller.js';
import { themeStyles } from '../internal/theme.js';
import { failureText, type AgentApi } from './agent-api.js';
import { agentLoadView, NOT_READY } from './agent-load.js';
import { counted } from './count.js';
import { agentStyles } from './agent.styles.js';
import { LABELS_FR } from '../contract/labels.js';
import { untilStrings } from '../internal/strings-gate.js';
import { AGENT_FR, agentStrings } from './agent.strings.js';
import { IMPROVEMENT_FR, improvementStrings, type ImprovementStrings } from './improvements.strings.js';

type Lang = 'fr' | 'en';
const FIELDS = ['youSaid', 'weDid', 'engagement', 'tag', 'status', 'date', 'testimonies'] as const;
type Field = (typeof FIELDS)[number];

/** Today in France, `YYYY-MM-DD`. */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/**
 * The agent page's improvement plan (`<spp-agent-improvements>`): the actions a structure publishes ("Vous nous
 * avez dit… Nous avons fait…"), a form to add one, and marking one done. What it saves shows at once in the public
 * `<spp-improvements>` of that structure.
 */
export class SppAgentImprovements extends LitElement {
  static override styles = [
    themeStyles,
    agentStyles,
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
      .grid {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    structures: { attribute: false },
    lang: {},
    structure: { state: true },
    busy: { state: true },
    errors: { state: true },
    notice: { state: true },
    failure: { state: true },
    editing: { state: true },
    confirming: { state: true },
  };

  api?: AgentApi;
  structures: StructureRef[] = [];
  override lang = 'fr';

  private structure = '';
  private busy = false;
  private errors: Partial<Record<Field, string>> = {};
  private notice = '';
  private failure = '';
  /** The action in the form, or undefined for a new one. */
  private editing?: ImprovementAction;
  /** The action whose deletion awaits confirmation. */
  private confirming?: string;
  /** The references the edit form started with: unchanged, they are not sent (the unpublished ones stay cited). */
  #citedAtStart = '';

  /**
   * The plan (the one lifecycle): asked again when the API, the structures, the language or the chosen structure
   * change, aborted when the screen leaves the page; an answer to an older request is dropped.
   */
  #plan = new LoadController<ImprovementAction[]>(
    this,
    async () => {
      if (!this.api || !this.structure) return Promise.reject(NOT_READY);
      return (await this.api.improvements(this.structure, this.language)).items;
    },
    () => [this.api, this.structures, this.lang, this.structure],
    (error) => this.unauthorized(error),
  );

  private get items(): ImprovementAction[] {
    return this.#plan.value ?? [];
  }

  private get language(): Lang {
    return this.lang === 'en' ? 'en' : 'fr';
  }

  private get s(): ImprovementStrings {
    return improvementStrings(this.language, this, () => {}) ?? IMPROVEMENT_FR;
  }

  private get a() {
    return agentStrings(this.language, this, () => {}) ?? { ...AGENT_FR, ...LABELS_FR };
  }

  /** In English nothing renders nor loads before the English words are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [agentStrings, improvementStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected override willUpdate(): void {
    if (!this.structure || !this.structures.some((st) => st.code === this.structure)) this.structure = this.structures[0]?.code ?? '';
  }

  /** Reads the plan again (after a write, or "Réessayer"); resolves once it is shown or failed. */
  private load(): Promise<void> {
    return this.#plan.run();
  }

  private unauthorized(error: unknown): boolean {
    if (!(error instanceof ApiError && error.status === 401)) return false;
    emit(this, 'spp-agent-unauthorized', undefined);
    return true;
  }

  private describe(error: unknown): string {
    return failureText(error, this.a);
  }

  /** Field errors by field, from zod issues or from the server's problem+json. */
  private showErrors(errors: { field: string; message: string }[]): void {
    const byField: Partial<Record<Field, string>> = {};
    for (const { field, message } of errors) {
      const name = field.split('.')[0] as Field;
      if (FIELDS.includes(name)) byField[name] ??= message;
    }
    this.errors = byField;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#improvement-errors')?.focus());
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.api) return;
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
    this.busy = true;
    try {
      if (editing) await this.api.updateImprovement(this.structure, editing.id, parsed.data);
      else await this.api.addImprovement(this.structure, parsed.data);
      form.reset();
      this.editing = undefined;
      this.notice = editing ? this.s.saved : this.s.added;
      await this.load();
    } catch (error) {
      if (this.unauthorized(error)) return;
      const fields = error instanceof ApiError ? error.problem?.errors : undefined;
      if (fields?.length) this.showErrors(fields);
      else this.failure = format(this.s.failed, { reason: this.describe(error) });
    } finally {
      this.busy = false;
    }
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
    if (this.busy || !this.api) return;
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await this.api.deleteImprovement(this.structure, action.id);
      this.confirming = undefined;
      if (this.editing?.id === action.id) this.cancelEdit();
      this.notice = this.s.deleted;
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#improvements-title')?.focus();
    } catch (error) {
      if (this.unauthorized(error)) return;
      this.failure = format(this.s.failed, { reason: this.describe(error) });
    } finally {
      this.busy = false;
    }
  }

  private async markDone(action: ImprovementAction): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      const { youSaid, weDid, engagement, tag } = action;
      await this.api.updateImprovement(this.structure, action.id, { youSaid, weDid, engagement: engagement.number, tag, status: 'done', date: today() });
      this.notice = this.s.markedDone;
      await this.load();
    } catch (error) {
      if (this.unauthorized(error)) return;
      this.failure = format(this.s.failed, { reason: this.describe(error) });
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.s;
    return html`<section class="stack box" aria-labelledby="improvements-title" lang=${this.language}>
      <h2 id="improvements-title">${s.title}</h2>
      <p class="muted">${s.intro}</p>
      ${this.structures.length > 1
        ? html`<div class="field">
            <label for="improvement-structure">${s.structure}</label>
            <select
              id="improvement-structure"
              @change=${(e: Event) => {
                this.structure = (e.target as HTMLSelectElement).value;
              }}
            >
              ${this.structures.map((st) => html`<option value=${st.code} ?selected=${st.code === this.structure}>${st.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <p class="notice" role="status">${this.notice}</p>
      <div class="notice error" role="alert">${this.failure}</div>
      ${this.renderPlan()} ${this.renderForm()}
    </section>`;
  }

  private renderPlan(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    const state = agentLoadView(this.#plan, s, (error) => this.describe(error), () => void this.load(), this.#plan.pending && !this.items.length);
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
