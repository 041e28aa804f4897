import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError } from '../client/http.js';
import { MODERATION_STATUSES, type AgentProfile, type ModerationCounts, type ModerationStatus, type ModerationTestimony } from '../contract/admin.js';
import type { Lang } from '../contract/common.js';
import { scriptOrigin } from '../internal/config.js';
import { LoadController } from '../internal/load-controller.js';
import { defineElement } from '../internal/define.js';
import { format, formatDate, locale, resolveLang } from '../internal/i18n.js';
import { untilStrings } from '../internal/strings-gate.js';
import { themeStyles } from '../internal/theme.js';
import { AgentApi, failureText } from './agent-api.js';
import { agentLoadView, isUnauthorized, NOT_READY } from './agent-load.js';
import { agentStyles } from './agent.styles.js';
import { LABELS_FR, type Labels } from '../contract/labels.js';
import { AGENT_FR, agentStrings, type AgentStrings } from './agent.strings.js';
import { improvementStrings } from './improvements.strings.js';
import { notificationStrings } from './notifications.strings.js';
import { teamStrings } from './team.strings.js';
import './audit-panel.js';
import './commitments-panel.js';
import './export-panel.js';
import './improvements-panel.js';
import './notifications-panel.js';
import './reassign-panel.js';
import './results-panel.js';
import './testimony-panel.js';
import './tokens-panel.js';
import type { SppAgentTestimony } from './testimony-panel.js';

/** Kept for this tab only: closing it signs the agent out, and no other site or tab can read it. */
const TOKEN_KEY = 'spp-agent-token';

function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the session lasts as long as the page.
  }
}

type Phase = 'checking' | 'signed-out' | 'signed-in';

/**
 * The agent page (`/agent`): sign in with a token, see the testimonies of one's structures, open one to mask
 * personal data, tag, publish or reject it, and reply publicly. Talks to the admin API of the server that
 * served it. Not part of the widgets' autoloader: only this page loads it.
 */
export class SppAgentApp extends LitElement {
  static override styles = [
    themeStyles,
    agentStyles,
    css`
      .root {
        max-width: 80rem;
        margin: 0 auto;
        padding: var(--_space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        padding-bottom: var(--_space);
        border-bottom: 1px solid var(--_border);
      }
      .sign-in {
        max-width: 32rem;
      }
      .detail {
        display: grid;
        gap: var(--_space);
      }
      .workspace {
        display: grid;
        gap: calc(var(--_space) * 1.5);
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 60rem) {
        .workspace {
          grid-template-columns: minmax(18rem, 26rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      .filters {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      }
      .queue-list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .queue-item {
        all: unset;
        box-sizing: border-box;
        display: grid;
        gap: 0.25rem;
        width: 100%;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_border);
        border-radius: var(--_radius);
        cursor: pointer;
      }
      .queue-item:hover {
        background: var(--_bg-alt);
      }
      .queue-item:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      .queue-item[aria-current='true'] {
        border-inline-start-color: var(--_primary);
        background: var(--_bg-alt);
      }
      .queue-title {
        font-weight: 700;
      }
      .flags {
        color: var(--_warning);
        font-weight: 600;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    lang: {},
    api: {},
    phase: { state: true },
    profile: { state: true },
    signInError: { state: true },
    signingIn: { state: true },
    status: { state: true },
    structure: { state: true },
    items: { state: true },
    counts: { state: true },
    nextCursor: { state: true },
    selected: { state: true },
    announcement: { state: true },
  };

  override lang = '';
  /** API base; defaults to the server that served this page's script. */
  api = '';

  private phase: Phase = 'checking';
  private profile?: AgentProfile;
  private signInError = '';
  private signingIn = false;
  private status: ModerationStatus = 'pending';
  private structure = '';
  private items: ModerationTestimony[] = [];
  private counts?: ModerationCounts;
  private nextCursor: string | null = null;
  private selected?: ModerationTestimony;
  private announcement = '';

  #client?: AgentApi;
  /** The next queue load adds the next page ("Voir plus") rather than starting the list again. */
  #append = false;

  /**
   * The moderation queue (the one lifecycle): asked again when the status or structure filter changes (and at sign-in);
   * a newer request aborts the one in flight, whose answer is dropped; a 401 signs the agent out.
   */
  #queue = new LoadController<true>(
    this,
    async (signal) => {
      const client = this.#client;
      const append = this.#append;
      this.#append = false;
      if (!client) return Promise.reject(NOT_READY);
      const page = await client.queue({
        status: this.status,
        structure: this.structure || undefined,
        cursor: append ? (this.nextCursor ?? undefined) : undefined,
      });
      if (!signal.aborted) {
        this.items = append ? [...this.items, ...page.items] : page.items;
        this.counts = page.counts;
        this.nextCursor = page.nextCursor;
        this.announcement = this.plural('queueCount', this.items.length);
      }
      return true;
    },
    () => [this.status, this.structure],
    (error) => isUnauthorized(error) && this.signOut(this.s.sessionEnded),
  );

  private get language(): Lang {
    return this.lang ? (this.lang.startsWith('en') ? 'en' : 'fr') : resolveLang(this);
  }

  private get s(): AgentStrings & Labels {
    return agentStrings(this.language, this, () => {}) ?? { ...AGENT_FR, ...LABELS_FR };
  }

  /** In English nothing renders nor loads before the English words (of every screen) are here: no French flash in the panels. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [agentStrings, teamStrings, improvementStrings, notificationStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  private plural(key: 'queueCount' | 'flagsCount', count: number): string {
    const form = new Intl.PluralRules(locale(this.language)).select(count) === 'one' ? 'one' : 'other';
    return format(this.s[`${key}_${form}`], { count });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = storedToken();
    if (token) void this.signIn(token, true);
    else this.phase = 'signed-out';
  }

  private async signIn(token: string, restoring = false): Promise<void> {
    const client = new AgentApi(this.api || scriptOrigin, token);
    this.signingIn = true;
    this.signInError = '';
    try {
      this.profile = await client.me();
      this.#client = client;
      storeToken(token);
      this.phase = 'signed-in';
      this.announcement = format(this.s.signedInAs, { name: this.profile.token.name });
      await this.loadQueue(false);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#queue-title')?.focus();
    } catch (error) {
      storeToken(undefined);
      this.phase = 'signed-out';
      this.signInError =
        error instanceof ApiError && error.status === 401 ? (restoring ? this.s.sessionEnded : this.s.tokenRejected) : this.failure(error);
      await this.updateComplete;
      if (!restoring) this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus();
    } finally {
      this.signingIn = false;
    }
  }

  private signOut(message = ''): void {
    storeToken(undefined);
    this.#client = undefined;
    this.profile = undefined;
    this.items = [];
    this.selected = undefined;
    this.counts = undefined;
    this.phase = 'signed-out';
    this.signInError = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus());
  }

  private failure(error: unknown): string {
    return failureText(error, this.s);
  }

  /** The first page of the queue, or the next one; resolves once it is shown or failed. */
  private loadQueue(append: boolean): Promise<void> {
    this.#append = append;
    return this.#queue.run();
  }

  private onSubmitToken(event: SubmitEvent): void {
    event.preventDefault();
    if (this.signingIn) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    const token = input.value.trim();
    if (!token) {
      this.signInError = this.s.tokenMissing;
      input.focus();
      return;
    }
    void this.signIn(token);
  }

  private pick(item: ModerationTestimony): void {
    this.selected = item;
    void this.updateComplete.then(() => this.renderRoot.querySelector<SppAgentTestimony>('spp-agent-testimony')?.focusHeading());
  }

  private onChanged(event: CustomEvent<ModerationTestimony>): void {
    const updated = event.detail;
    const before = this.items.find((i) => i.reference === updated.reference);
    if (before && this.counts && before.status !== updated.status) {
      this.counts = { ...this.counts, [before.status]: this.counts[before.status] - 1, [updated.status]: this.counts[updated.status] + 1 };
    }
    // It stays in the list (with its new status) until the list is reloaded: the agent keeps their place.
    this.items = this.items.map((i) => (i.reference === updated.reference ? updated : i));
    this.selected = updated;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    return html`<div class="root" lang=${this.language}>
      <header>
        <h1>${s.appTitle}</h1>
        ${this.profile
          ? html`<div class="actions">
              <span>${format(s.signedInAs, { name: this.profile.token.name })}</span>
              <button type="button" class="button secondary" @click=${() => this.signOut()}>${s.signOut}</button>
            </div>`
          : nothing}
      </header>
      <p class="sr-only" role="status">${this.announcement}</p>
      ${this.phase === 'checking'
        ? html`<p>${s.signingIn}</p>`
        : this.phase === 'signed-out'
          ? this.renderSignIn()
          : this.renderWorkspace()}
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    const s = this.s;
    const invalid = !!this.signInError;
    return html`<form class="sign-in box" novalidate @submit=${this.onSubmitToken} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${s.signInTitle}</h2>
      <div class="field">
        <label for="token">${s.tokenLabel}</label>
        <p id="token-hint" class="hint">${s.tokenHint}</p>
        ${invalid ? html`<p id="token-error" class="field-error" role="alert">${s.error} : ${this.signInError}</p>` : nothing}
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="off"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'token-hint token-error' : 'token-hint'}
        />
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.signingIn ? 'true' : 'false'}>${this.signingIn ? s.signingIn : s.signIn}</button>
      </div>
    </form>`;
  }

  private renderWorkspace(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    const profile = this.profile!;
    const structures = profile.structures;
    return html`<p class="muted">
        ${structures.length <= 6
          ? format(s.scopeStructures, { list: structures.map((st) => st.name).join(', ') })
          : format(s.scopeCount, { count: structures.length })}
      </p>
      ${structures.length && structures.length <= 6
        ? html`<p class="muted">
            ${s.kit}
            ${structures.map((st, i) => html`${i ? ', ' : ''}<a href=${`${this.api.replace(/\/+$/, '')}/kit/${encodeURIComponent(st.code)}${lang === 'en' ? '?lang=en' : ''}`}>${st.name}</a>`)}
          </p>`
        : nothing}
      <div class="workspace">
        <section class="queue" aria-labelledby="queue-title">
          <div class="stack">
            <h2 id="queue-title" tabindex="-1">${s.queueTitle}</h2>
            <div class="filters">
              <div class="field">
                <label for="status">${s.statusFilter}</label>
                <select
                  id="status"
                  @change=${(e: Event) => {
                    this.status = (e.target as HTMLSelectElement).value as ModerationStatus;
                  }}
                >
                  ${MODERATION_STATUSES.map(
                    (status) =>
                      html`<option value=${status} ?selected=${this.status === status}>
                        ${this.s.statusLabels[status]}${this.counts ? ` (${this.counts[status]})` : ''}
                      </option>`,
                  )}
                </select>
              </div>
              ${structures.length > 1 && !profile.structuresTruncated
                ? html`<div class="field">
                    <label for="structure">${s.structureFilter}</label>
                    <select
                      id="structure"
                      @change=${(e: Event) => {
                        this.structure = (e.target as HTMLSelectElement).value;
                      }}
                    >
                      <option value="" ?selected=${!this.structure}>${s.allStructures}</option>
                      ${structures.map((st) => html`<option value=${st.code} ?selected=${this.structure === st.code}>${st.name}</option>`)}
                    </select>
                  </div>`
                : nothing}
            </div>
            ${this.renderQueue()}
          </div>
        </section>
        <div class="detail">
          ${this.selected
            ? html`<spp-agent-testimony
                .testimony=${this.selected}
                .api=${this.#client}
                lang=${lang}
                @spp-agent-changed=${this.onChanged}
                @spp-agent-unauthorized=${() => this.signOut(this.s.sessionEnded)}
              ></spp-agent-testimony>
              ${this.selected.canModerate
                ? html`<spp-agent-reassign
                    .testimony=${this.selected}
                    .api=${this.#client}
                    lang=${lang}
                    @spp-agent-changed=${this.onChanged}
                    @spp-agent-unauthorized=${() => this.signOut(this.s.sessionEnded)}
                  ></spp-agent-reassign>`
                : nothing}`
            : html`<p class="box">${s.selectHint}</p>`}
        </div>
      </div>
      ${profile.structuresTruncated || !structures.length
        ? nothing
        : // Over 500 structures the profile does not list them all: that plan is managed through the API.
          this.renderTeamScreens(structures)}`;
  }

  /** The screens a structure's team runs its presence with; a manager also handles tokens, the e-mail notifications and reads the log. */
  private renderTeamScreens(structures: AgentProfile['structures']): TemplateResult {
    const lang = this.language;
    const unauthorized = () => this.signOut(this.s.sessionEnded);
    return html`<spp-agent-improvements .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-improvements>
      <spp-agent-commitments .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-commitments>
      <spp-agent-results .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-results>
      <spp-agent-export .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-export>
      ${this.profile?.role === 'manager'
        ? html`<spp-agent-tokens .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-tokens>
            <spp-agent-notifications .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-notifications>
            <spp-agent-audit .api=${this.#client} .structures=${structures} lang=${lang} @spp-agent-unauthorized=${unauthorized}></spp-agent-audit>`
        : nothing}`;
  }

  private renderQueue(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    const { pending } = this.#queue;
    const state = agentLoadView(this.#queue, { loading: s.loadingQueue, loadFailed: '{reason}', retry: s.retry }, (error) => this.failure(error), () => void this.loadQueue(false), pending && !this.items.length);
    if (state) return state;
    if (!this.items.length) return html`<p>${s.emptyQueue}</p>`;
    return html`<ul class="queue-list" role="list" aria-busy=${pending ? 'true' : 'false'}>
        ${this.items.map(
          (item) => html`<li>
            <button type="button" class="queue-item" aria-current=${this.selected?.reference === item.reference ? 'true' : 'false'} @click=${() => this.pick(item)}>
              <span class="queue-title">${item.title}</span>
              <span class="muted">
                ${this.s.feelingLabels[item.feeling]} · ${item.structures.map((st) => st.name).join(', ')} · ${format(s.received, { date: formatDate(item.createdAt, lang) })}
              </span>
              <span class="muted">${this.s.statusLabels[item.status === 'published' && item.replies.length ? 'answered' : item.status]}</span>
              ${item.piiFlags.length ? html`<span class="flags">${this.plural('flagsCount', item.piiFlags.length)}</span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>
      ${this.nextCursor
        ? html`<button type="button" class="button secondary" aria-disabled=${pending ? 'true' : 'false'} @click=${() => !pending && this.loadQueue(true)}>
            ${s.more}
          </button>`
        : nothing}`;
  }
}

defineElement('spp-agent-app', SppAgentApp);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-app': SppAgentApp;
  }
}
