import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../client/http.js';
import type { ModerationTestimony, PublishRequest } from '../contract/admin.js';
import type { Lang } from '../contract/common.js';
import type { PiiFinding } from '../contract/pii.js';
import { REJECTION_REASONS, TAGS, type RejectionReason, type Tag } from '../contract/testimony.js';
import { defineElement } from '../internal/define.js';
import { emit } from '../internal/events.js';
import { format, formatDate } from '../internal/i18n.js';
import { themeStyles } from '../internal/theme.js';
import { failureText, type AgentApi } from './agent-api.js';
import { agentStyles } from './agent.styles.js';
import { LABELS_FR, type Labels } from '../contract/labels.js';
import { untilStrings } from '../internal/strings-gate.js';
import { AGENT_FR, agentStrings, type AgentStrings } from './agent.strings.js';

type Action = 'publish' | 'reject' | 'mask' | 'text' | 'tags' | `reply:${string}`;

interface ReplyDraft {
  body: string;
  signature: string;
}

/** The title or story cut around its flagged ranges, each flagged range in a `<mark>`, all as text. */
function highlighted(text: string, flags: readonly PiiFinding[]): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let cursor = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    if (f.start < cursor) continue;
    out.push(text.slice(cursor, f.start), html`<mark>${text.slice(f.start, f.end)}</mark>`);
    cursor = f.end;
  }
  out.push(text.slice(cursor));
  return out;
}

/**
 * One testimony as an agent handles it: the facts (with the e-mail), the personal data flagged in it, the text
 * as it will be published, masking and editing, tags, publish or reject, and a public reply per structure the
 * token covers. Fires `spp-agent-changed` with the testimony after every saved action, and
 * `spp-agent-unauthorized` when the token stops working.
 */
export class SppAgentTestimony extends LitElement {
  static override styles = [themeStyles, agentStyles];

  static override properties: PropertyDeclarations = {
    testimony: { attribute: false },
    api: { attribute: false },
    lang: {},
    titleDraft: { state: true },
    bodyDraft: { state: true },
    tagsDraft: { state: true },
    reason: { state: true },
    replies: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
    reasonMissing: { state: true },
    replyMissing: { state: true },
  };

  testimony?: ModerationTestimony;
  api?: AgentApi;
  override lang = 'fr';

  private titleDraft = '';
  private bodyDraft = '';
  private tagsDraft = new Set<Tag>();
  private reason?: RejectionReason;
  private replies = new Map<string, ReplyDraft>();
  private busy?: Action;
  private notice = '';
  private failure = '';
  private reasonMissing = false;
  private replyMissing = '';

  private get language(): Lang {
    return this.lang === 'en' ? 'en' : 'fr';
  }

  private get s(): AgentStrings & Labels {
    return agentStrings(this.language, this, () => {}) ?? { ...AGENT_FR, ...LABELS_FR };
  }

  /** In English nothing renders nor loads before the English words are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [agentStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  /** Moves the focus to the testimony's heading (after it was picked in the list). */
  focusHeading(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const t = this.testimony;
    if (!changed.has('testimony') || !t) return;
    const previous = changed.get('testimony') as ModerationTestimony | undefined;
    const same = previous?.reference === t.reference;
    // A draft gives way only to a saved change of what it edits: saving the tags keeps a half-written reply.
    if (!same || previous.title !== t.title) this.titleDraft = t.title;
    if (!same || previous.body !== t.body) this.bodyDraft = t.body;
    if (!same || previous.tags.join() !== t.tags.join()) this.tagsDraft = new Set(t.tags);
    const replies = new Map(same ? this.replies : []);
    for (const code of t.canReplyAs) {
      const saved = t.replies.find((r) => r.structure.code === code);
      const before = same ? previous.replies.find((r) => r.structure.code === code) : undefined;
      if (saved && (saved.body !== before?.body || saved.signature !== before?.signature)) replies.set(code, { body: saved.body, signature: saved.signature });
      else if (!replies.has(code)) replies.set(code, { body: '', signature: '' });
    }
    this.replies = replies;
    if (!same) {
      this.reason = undefined;
      this.notice = '';
      this.failure = '';
      this.reasonMissing = false;
      this.replyMissing = '';
    }
  }

  private describe(error: unknown): string {
    return failureText(error, this.s);
  }

  /** Runs one action at a time: a second click while one is saving does nothing (no double publication). */
  private async run(action: Action, call: (api: AgentApi, t: ModerationTestimony) => Promise<ModerationTestimony>, done: string, focus?: string) {
    const t = this.testimony;
    if (!t || !this.api || this.busy) return;
    this.busy = action;
    this.notice = '';
    this.failure = '';
    try {
      const updated = await call(this.api, t);
      this.testimony = updated;
      this.notice = done;
      emit(this, 'spp-agent-changed', updated);
      if (focus) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        emit(this, 'spp-agent-unauthorized', undefined);
        return;
      }
      this.failure = format(this.s.failed, { reason: this.describe(error) });
    } finally {
      this.busy = undefined;
    }
  }

  private publish(): void {
    const t = this.testimony!;
    const body: PublishRequest = { tags: [...this.tagsDraft] };
    // Unsaved edits go out with the publication rather than being lost.
    if (this.titleDraft.trim() !== t.title) body.title = this.titleDraft;
    if (this.bodyDraft.trim() !== t.body) body.body = this.bodyDraft;
    const done = t.status === 'published' ? this.s.updated : this.s.published;
    void this.run('publish', (api) => api.publish(t.reference, body), done);
  }

  private reject(): void {
    if (!this.reason) {
      this.reasonMissing = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]')?.focus());
      return;
    }
    this.reasonMissing = false;
    const reason = this.reason;
    void this.run('reject', (api, t) => api.reject(t.reference, reason), this.s.rejected);
  }

  private mask(index?: number): void {
    const findings = index === undefined ? undefined : [index];
    void this.run('mask', (api, t) => api.mask(t.reference, findings ? { findings } : {}), this.s.masked, '#pii-title');
  }

  private saveText(): void {
    const t = this.testimony!;
    const body: { title?: string; body?: string } = {};
    if (this.titleDraft !== t.title) body.title = this.titleDraft;
    if (this.bodyDraft !== t.body) body.body = this.bodyDraft;
    if (!body.title && !body.body) {
      this.notice = this.s.textSaved;
      return;
    }
    void this.run('text', (api) => api.mask(t.reference, body), this.s.textSaved);
  }

  private saveTags(): void {
    const tags = [...this.tagsDraft];
    void this.run('tags', (api, t) => api.tags(t.reference, { tags }), this.s.tagsSaved);
  }

  private sendReply(code: string): void {
    const draft = this.replies.get(code);
    if (!draft?.body.trim() || !draft.signature.trim()) {
      this.replyMissing = code;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(draft?.body.trim() ? `#reply-signature-${code}` : `#reply-body-${code}`)?.focus(),
      );
      return;
    }
    this.replyMissing = '';
    void this.run(`reply:${code}`, (api, t) => api.reply(t.reference, code, { body: draft.body, signature: draft.signature }), this.s.replied);
  }

  private setReply(code: string, part: keyof ReplyDraft, value: string): void {
    const next = new Map(this.replies);
    next.set(code, { ...(next.get(code) ?? { body: '', signature: '' }), [part]: value });
    this.replies = next;
  }

  private toggleTag(tag: Tag, on: boolean): void {
    const next = new Set(this.tagsDraft);
    if (on) next.add(tag);
    else next.delete(tag);
    this.tagsDraft = next;
  }

  /** `context` completes a short visible label for screen readers ("Masquer" + which data). */
  private button(action: Action, label: string, onClick: () => void, variant = '', context = ''): TemplateResult {
    const busy = this.busy === action;
    return html`<button type="button" class="button ${variant}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${onClick}>
      ${busy ? this.s.busy : label}${context ? html`<span class="sr-only"> : ${context}</span>` : nothing}
    </button>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.testimony;
    if (!t) return nothing;
    const s = this.s;
    const lang = this.language;
    const answered = t.status === 'published' && t.replies.length > 0;
    return html`<article class="root" lang=${lang} aria-labelledby="detail-title">
      <h2 id="detail-title" tabindex="-1">${t.title}</h2>
      <p class="muted">
        ${format(s.reference, { reference: t.reference })} · ${format(s.received, { date: formatDate(t.createdAt, lang) })} ·
        <strong>${format(s.statusLine, { status: this.s.statusLabels[answered ? 'answered' : t.status] })}</strong>
      </p>
      <p class="notice" role="status">${this.notice}</p>
      <div class="notice error" role="alert">${this.failure}</div>
      ${this.renderFacts(t)} ${this.renderPii(t)} ${t.canModerate ? this.renderModeration(t) : html`<p class="box">${format(s.notModerator, { name: t.structures[0]?.name ?? '' })}</p>`}
      ${this.renderReplies(t)}
    </article>`;
  }

  private renderFacts(t: ModerationTestimony): TemplateResult {
    const s = this.s;
    return html`<section class="box" aria-labelledby="facts-title">
      <h3 id="facts-title">${s.facts}</h3>
      <dl>
        <dt>${s.feeling}</dt>
        <dd>${this.s.feelingLabels[t.feeling]}</dd>
        <dt>${s.channels}</dt>
        <dd>
          ${t.channels.length
            ? t.channels.map((c) => this.s.channelLabels[c.channel] + (c.feeling ? ` (${this.s.feelingLabels[c.feeling].toLowerCase()})` : '')).join(', ')
            : s.none}
        </dd>
        <dt>${s.structures}</dt>
        <dd>${t.structures.map((st, i) => `${st.name} (${st.code})${i === 0 ? ` ${s.leads}` : ''}`).join(', ')}</dd>
        <dt>${s.postedAs}</dt>
        <dd>${this.s.postedAsLabels[t.postedAs]}</dd>
        ${t.postcode ? html`<dt>${s.postcode}</dt><dd>${t.postcode}</dd>` : nothing}
        ${t.email ? html`<dt>${s.email}</dt><dd>${t.email}${t.contactConsent ? ` (${s.consent})` : ''}</dd>` : nothing}
        <dt>${s.tags}</dt>
        <dd>${t.tags.length ? t.tags.map((tag) => this.s.tagLabels[tag]).join(', ') : s.none}</dd>
      </dl>
    </section>`;
  }

  private renderPii(t: ModerationTestimony): TemplateResult {
    const s = this.s;
    const titleFlags = t.piiFlags.filter((f) => f.field === 'title');
    const bodyFlags = t.piiFlags.filter((f) => f.field === 'body');
    return html`<section class="box" aria-labelledby="pii-title">
      <h3 id="pii-title" tabindex="-1">${s.piiTitle} (${t.piiFlags.length})</h3>
      ${t.piiFlags.length
        ? html`<ul class="pii-list">
              ${t.piiFlags.map(
                (f, index) => html`<li>
                  <span
                    >${format(s.piiItem, {
                      kind: this.s.piiLabels[f.kind],
                      field: f.field === 'title' ? s.fieldTitle : s.fieldBody,
                      text: (f.field === 'title' ? t.title : t.body).slice(f.start, f.end),
                    })}</span
                  >
                  ${t.canModerate
                    ? this.button('mask', s.maskOne, () => this.mask(index), 'secondary', format(s.maskWhat, { kind: this.s.piiLabels[f.kind], field: f.field === 'title' ? s.fieldTitle : s.fieldBody }))
                    : nothing}
                </li>`,
              )}
            </ul>
            ${t.canModerate ? html`<div class="actions">${this.button('mask', s.maskAll, () => this.mask())}</div>` : nothing}
            <p class="muted">${s.piiNote}</p>`
        : html`<p>${s.piiNone}</p>`}
      <div class="preview" aria-labelledby="preview-title" role="group">
        <p id="preview-title" class="muted">${s.preview}</p>
        <p class="preview-title">${highlighted(t.title, titleFlags)}</p>
        <p class="preview-body">${highlighted(t.body, bodyFlags)}</p>
      </div>
    </section>`;
  }

  private renderModeration(t: ModerationTestimony): TemplateResult {
    const s = this.s;
    return html`<section class="box" aria-labelledby="edit-title">
        <h3 id="edit-title">${s.editTitle}</h3>
        <div class="field">
          <label for="edit-title-input">${s.titleLabel}</label>
          <input id="edit-title-input" .value=${this.titleDraft} maxlength="120" @input=${(e: InputEvent) => (this.titleDraft = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="edit-body-input">${s.bodyLabel}</label>
          <textarea id="edit-body-input" .value=${this.bodyDraft} maxlength="5000" rows="8" @input=${(e: InputEvent) => (this.bodyDraft = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="actions">${this.button('text', s.saveText, () => this.saveText(), 'secondary')}</div>
      </section>

      <section class="box" aria-labelledby="decision-title">
        <h3 id="decision-title">${s.decisionTitle}</h3>
        <fieldset>
          <legend>${s.tagsLegend}</legend>
          ${TAGS.map(
            (tag) => html`<label class="choice"
              ><input type="checkbox" name="tag" value=${tag} .checked=${this.tagsDraft.has(tag)} @change=${(e: Event) => this.toggleTag(tag, (e.target as HTMLInputElement).checked)} />
              ${this.s.tagLabels[tag]}</label
            >`,
          )}
          <div class="actions">${this.button('tags', s.saveTags, () => this.saveTags(), 'secondary')}</div>
        </fieldset>
        <div class="actions">${this.button('publish', t.status === 'published' ? s.republish : s.publish, () => this.publish())}</div>
        <fieldset aria-describedby=${this.reasonMissing ? 'reason-error' : nothing}>
          <legend>${s.rejectLegend}</legend>
          ${this.reasonMissing ? html`<p id="reason-error" class="field-error">${s.error} : ${s.chooseReason}</p>` : nothing}
          ${REJECTION_REASONS.map(
            (reason) => html`<label class="choice"
              ><input
                type="radio"
                name="reason"
                value=${reason}
                .checked=${this.reason === reason}
                @change=${() => {
                  this.reason = reason;
                  this.reasonMissing = false;
                }}
              />
              ${this.s.reasonLabels[reason]}</label
            >`,
          )}
          <div class="actions">${this.button('reject', s.reject, () => this.reject(), 'danger')}</div>
        </fieldset>
      </section>`;
  }

  private renderReplies(t: ModerationTestimony): TemplateResult {
    const s = this.s;
    const lang = this.language;
    return html`<section class="box" aria-labelledby="replies-title">
      <h3 id="replies-title">${s.repliesTitle}</h3>
      ${t.status !== 'published' ? html`<p>${s.replyOnlyPublished}</p>` : nothing}
      ${t.structures.map((st) => {
        const existing = t.replies.find((r) => r.structure.code === st.code);
        if (!t.canReplyAs.includes(st.code) || t.status !== 'published') {
          return existing
            ? html`<div class="reply-read">
                <p><strong>${format(s.replyFor, { name: st.name })}</strong> · ${formatDate(existing.createdAt, lang)}</p>
                <p class="preview-body">${existing.body}</p>
                <p class="muted">${existing.signature}</p>
              </div>`
            : t.status === 'published'
              ? html`<p class="muted">${format(s.replyNotMine, { name: st.name })}</p>`
              : nothing;
        }
        const draft = this.replies.get(st.code) ?? { body: '', signature: '' };
        const missing = this.replyMissing === st.code;
        const bodyId = `reply-body-${st.code}`;
        const signatureId = `reply-signature-${st.code}`;
        return html`<div class="reply-form" role="group" aria-labelledby=${`reply-title-${st.code}`}>
          <p id=${`reply-title-${st.code}`}>
            <strong>${format(s.replyFor, { name: st.name })}</strong>${existing ? html` · ${formatDate(existing.createdAt, lang)}` : html` · ${s.noReplyYet}`}
          </p>
          ${missing ? html`<p id=${`reply-error-${st.code}`} class="field-error">${s.error} : ${s.replyEmpty}</p>` : nothing}
          <div class="field">
            <label for=${bodyId}>${format(s.replyBody, { name: st.name })} <span class="hint">${s.replyHint}</span></label>
            <textarea
              id=${bodyId}
              rows="5"
              maxlength="5000"
              aria-invalid=${missing && !draft.body.trim() ? 'true' : 'false'}
              aria-describedby=${missing ? `reply-error-${st.code}` : nothing}
              .value=${draft.body}
              @input=${(e: InputEvent) => this.setReply(st.code, 'body', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>
          <div class="field">
            <label for=${signatureId}>${s.signature} <span class="hint">${s.signatureHint}</span></label>
            <input
              id=${signatureId}
              maxlength="200"
              autocomplete="organization"
              aria-invalid=${missing && !draft.signature.trim() ? 'true' : 'false'}
              aria-describedby=${missing ? `reply-error-${st.code}` : nothing}
              .value=${draft.signature}
              @input=${(e: InputEvent) => this.setReply(st.code, 'signature', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="actions">${this.button(`reply:${st.code}`, existing ? s.updateReply : s.sendReply, () => this.sendReply(st.code))}</div>
        </div>`;
      })}
    </section>`;
  }
}

defineElement('spp-agent-testimony', SppAgentTestimony);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-testimony': SppAgentTestimony;
  }
  interface GlobalEventHandlersEventMap {
    'spp-agent-changed': CustomEvent<ModerationTestimony>;
    'spp-agent-unauthorized': CustomEvent<undefined>;
  }
}
