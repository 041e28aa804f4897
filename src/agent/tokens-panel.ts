import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { CreatedTokenView, TokenView } from '../contract/admin.js';
import { defineElement } from '../internal/define.js';
import { format, formatDate } from '../internal/i18n.js';
import type { AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

/**
 * `<spp-agent-tokens>` (a manager's screen): the agents' tokens of a structure and its sub-structures, a form to
 * create one (its secret shown once, with a copy button, until the manager hides it) and revoking one (refused by
 * the API at once).
 */
export class SppAgentTokens extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    items: { state: true },
    created: { state: true },
    nameError: { state: true },
    copyNotice: { state: true },
    confirming: { state: true },
  };

  protected readonly idPrefix = 'tokens';
  private items: TokenView[] = [];
  /** The token just created: its secret stays on screen until the manager hides it; it is never shown again. */
  private created?: CreatedTokenView;
  private nameError = '';
  private copyNotice = '';
  private confirming?: string;

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const list = await api.tokens(structure);
    return () => (this.items = list.items);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('#tokens-name')!;
    const name = input.value.trim();
    if (!name) {
      this.nameError = this.t.tokenNameMissing;
      input.focus();
      return;
    }
    this.nameError = '';
    await this.act(async (api) => {
      this.created = await api.createToken(this.structure, name);
      this.copyNotice = '';
      form.reset();
      await this.reload();
      this.notice = format(this.t.tokenCreated, { name });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#tokens-secret')?.select();
      this.renderRoot.querySelector<HTMLElement>('#tokens-secret')?.focus();
    });
  }

  private async copy(): Promise<void> {
    const secret = this.created?.token;
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      this.copyNotice = this.t.tokenCopied;
    } catch {
      this.copyNotice = this.t.tokenCopyFailed;
      this.renderRoot.querySelector<HTMLInputElement>('#tokens-secret')?.select();
    }
  }

  private hideSecret(): void {
    this.created = undefined;
    this.copyNotice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#tokens-name')?.focus());
  }

  private async revoke(token: TokenView): Promise<void> {
    await this.act(async (api) => {
      await api.revokeToken(this.structure, token.id);
      this.confirming = undefined;
      await this.reload();
      this.notice = format(this.t.tokenRevoked, { name: token.name });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#tokens-title')?.focus();
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section class="stack box" aria-labelledby="tokens-title" lang=${this.language}>
      <h2 id="tokens-title" tabindex="-1">${t.tokensTitle}</h2>
      <p class="muted">${t.tokensIntro}</p>
      ${this.renderStructureChoice()} ${this.renderMessages()} ${this.renderSecret()} ${this.renderForm()} ${this.renderLoadState() ?? this.renderList()}
    </section>`;
  }

  private renderSecret(): TemplateResult | typeof nothing {
    const created = this.created;
    if (!created) return nothing;
    const t = this.t;
    return html`<div class="stack notice" aria-labelledby="tokens-secret-title">
      <h3 id="tokens-secret-title">${format(t.tokenSecretTitle, { name: created.name })}</h3>
      <div class="field">
        <label for="tokens-secret">${t.tokenSecretLabel}</label>
        <p id="tokens-secret-hint" class="hint">${t.tokenSecretHint}</p>
        <input id="tokens-secret" class="secret" type="text" readonly .value=${created.token} aria-describedby="tokens-secret-hint" autocomplete="off" spellcheck="false" />
      </div>
      <p role="status">${this.copyNotice}</p>
      <div class="actions">
        <button type="button" class="button" @click=${this.copy}>${t.tokenCopy}</button>
        <button type="button" class="button secondary" @click=${this.hideSecret}>${t.tokenDone}</button>
      </div>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const invalid = !!this.nameError;
    return html`<form class="stack" novalidate @submit=${this.onSubmit} aria-labelledby="tokens-form-title">
      <h3 id="tokens-form-title">${t.tokenCreate}</h3>
      <div class="field">
        <label for="tokens-name">${t.tokenName}</label>
        <p id="tokens-name-hint" class="hint">${t.tokenNameHint}</p>
        ${invalid ? html`<p id="tokens-name-error" class="field-error" role="alert">${this.nameError}</p>` : nothing}
        <input
          id="tokens-name"
          name="name"
          type="text"
          maxlength="120"
          autocomplete="off"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'tokens-name-hint tokens-name-error' : 'tokens-name-hint'}
        />
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : t.tokenCreate}</button>
      </div>
    </form>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const lang = this.language;
    if (!this.items.length) return html`<p>${t.tokensEmpty}</p>`;
    const names = new Map(this.structures.map((st) => [st.code, st.name]));
    return html`<ul class="items" role="list">
      ${this.items.map(
        (token) => html`<li>
          <p><strong>${token.name}</strong> · ${token.revokedAt ? format(t.tokenRevokedOn, { date: formatDate(token.revokedAt, lang) }) : t.tokenActive}</p>
          <p class="muted">
            ${format(t.tokenLine, {
              role: token.role === 'manager' ? t.roleManager : t.roleAgent,
              date: formatDate(token.createdAt, lang),
              scope: token.scope.codes.map((c) => names.get(c) ?? c).join(', '),
            })}
          </p>
          ${token.revokedAt || token.role === 'manager'
            ? nothing
            : html`<div class="actions">
                ${this.confirming === token.id
                  ? html`<button type="button" class="button danger" aria-disabled=${this.disabled()} @click=${() => this.revoke(token)}>
                        ${t.tokenConfirmRevoke}<span class="sr-only"> : ${token.name}</span></button
                      ><button type="button" class="button secondary" @click=${() => (this.confirming = undefined)}>${t.cancel}</button>`
                  : html`<button type="button" class="button secondary" @click=${() => (this.confirming = token.id)}>
                      ${t.tokenRevoke}<span class="sr-only"> : ${token.name}</span>
                    </button>`}
              </div>`}
        </li>`,
      )}
    </ul>`;
  }
}

defineElement('spp-agent-tokens', SppAgentTokens);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-tokens': SppAgentTokens;
  }
}
