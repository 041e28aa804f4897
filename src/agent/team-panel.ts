import { LitElement, css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FieldError } from '../contract/problem.js';
import type { StructureRef } from '../contract/testimony.js';
import { emit } from '../internal/events.js';
import { format } from '../internal/i18n.js';
import { LoadController } from '../internal/load-controller.js';
import { themeStyles } from '../internal/theme.js';
import { failureText, type AgentApi } from './agent-api.js';
import { agentLoadView, isUnauthorized, NOT_READY, type LoadStrings } from './agent-load.js';
import { agentStyles } from './agent.styles.js';
import { AGENT_FR, agentStrings } from './agent.strings.js';
import { TEAM_FR, teamStrings, type TeamStrings } from './team.strings.js';
import { untilStrings } from '../internal/strings-gate.js';

export type Lang = 'fr' | 'en';

/**
 * What the agent page's team screens share (commitments, results, export, tokens, audit): the API client and the
 * structures of the token, a structure chooser, a polite status line and an alert line, and a signed-out token
 * (401) handed to the page (`spp-agent-unauthorized`). Each screen loads its data in `load()`.
 */
export abstract class TeamPanel extends LitElement {
  static override styles = [
    themeStyles,
    agentStyles,
    css`
      .items {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .items > li {
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
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.375rem 0.5rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      .secret {
        font-family: ui-monospace, monospace;
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    structures: { attribute: false },
    lang: {},
    structure: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  api?: AgentApi;
  structures: StructureRef[] = [];
  override lang = 'fr';

  protected structure = '';
  protected busy = false;
  protected notice = '';
  protected failure = '';
  /**
   * The screen's load (the one lifecycle): again when the API, the structures, the language or the chosen structure
   * change, aborted when the screen leaves the page; an answer to an older request is dropped.
   */
  #loader = new LoadController<true>(
    this,
    async (signal) => {
      if (!this.api || !this.structure) return Promise.reject(NOT_READY);
      const apply = await this.load(this.api, this.structure);
      if (!signal.aborted) apply();
      return true;
    },
    () => [this.api, this.structures, this.lang, this.structure],
    (error) => this.unauthorized(error),
  );

  /** Ids in one shadow root: each screen prefixes its own. */
  protected abstract readonly idPrefix: string;

  protected get language(): Lang {
    return this.lang === 'en' ? 'en' : 'fr';
  }

  protected get t(): TeamStrings {
    return teamStrings(this.language, this, () => {}) ?? TEAM_FR;
  }

  /** In English nothing renders nor loads before the English words are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [agentStrings, teamStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected get structureName(): string {
    return this.structures.find((st) => st.code === this.structure)?.name ?? this.structure;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.structure || !this.structures.some((st) => st.code === this.structure)) this.structure = this.structures[0]?.code ?? '';
  }

  /** Loads the screen's data again (after a write, or the refresh button); resolves once it is applied or failed. */
  protected reload(): Promise<void> {
    return this.#loader.run();
  }

  /** Fetches, then returns what to apply (so a late answer never overwrites a newer one). */
  protected abstract load(api: AgentApi, structure: string): Promise<() => void>;

  protected unauthorized(error: unknown): boolean {
    if (!isUnauthorized(error)) return false;
    emit(this, 'spp-agent-unauthorized', undefined);
    return true;
  }

  protected describe(error: unknown): string {
    return failureText(error, agentStrings(this.language, this, () => {}) ?? AGENT_FR);
  }

  /** Runs a write: one at a time, its failure in the alert line (`failed`, a 401 signs the page out). */
  protected async act(run: (api: AgentApi) => Promise<void>, failed = this.t.failed): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await run(this.api);
    } catch (error) {
      if (!this.unauthorized(error)) this.failure = format(failed, { reason: this.describe(error) });
    } finally {
      this.busy = false;
    }
  }

  protected renderStructureChoice(): TemplateResult | typeof nothing {
    if (this.structures.length < 2) return nothing;
    return html`<div class="field">
      <label for="${this.idPrefix}-structure">${this.t.structure}</label>
      <select
        id="${this.idPrefix}-structure"
        @change=${(e: Event) => {
          this.structure = (e.target as HTMLSelectElement).value;
          this.notice = '';
          this.failure = '';
        }}
      >
        ${this.structures.map((st) => html`<option value=${st.code} ?selected=${st.code === this.structure}>${st.name}</option>`)}
      </select>
    </div>`;
  }

  /**
   * Field errors (the contract's, or the server's 400) by the input `key` names (`undefined`: not this form's), the
   * first message of each; the focus then goes to the form's error summary, `#{idPrefix}-errors`.
   */
  protected fieldErrors(errors: readonly FieldError[], key: (field: string) => string | undefined): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of errors) {
      const name = key(field);
      if (name) byField[name] ??= message;
    }
    // The caller stores them now: the update asked here draws them, then the summary takes the focus.
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${this.idPrefix}-errors`)?.focus());
    return byField;
  }

  /** The status line (polite) and the alert line, present from the start so screen readers follow them. */
  protected renderMessages(): TemplateResult {
    return html`<p class="notice" role="status">${this.notice}</p>
      <div class="notice error" role="alert">${this.failure}</div>`;
  }

  /** A load is under way. */
  protected get loading(): boolean {
    return this.#loader.pending;
  }

  /** The loading or failure box (`busy`: show "loading" over the data, by default while a load is under way), else undefined. */
  protected renderLoadState(t: LoadStrings = this.t, busy?: boolean): TemplateResult | undefined {
    // Not ready (no API or structure yet) and a signed-out token (401, handed to the page) both stay "loading".
    return agentLoadView(this.#loader, t, (error) => this.describe(error), () => void this.reload(), busy);
  }

  protected disabled(): 'true' | 'false' {
    return this.busy ? 'true' : 'false';
  }
}
