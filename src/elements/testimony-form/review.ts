import { html, nothing, type TemplateResult } from 'lit';
import type { SubmissionAccepted } from '../../contract/testimony.js';
import { format } from '../../internal/i18n.js';
import type { FormStrings } from './testimony-form.strings.js';
import { piiWarning } from './steps.js';
import type { FormView } from './view.js';

/** The review step, and what the citizen sees once the testimony is sent or waiting to be. */

export function reviewStep(v: FormView): TemplateResult {
  const { t, state } = v;
  const none = html`<span class="muted">${t.reviewNone}</span>`;
  const channels = state.channels.length
    ? html`<ul class="plain">
        ${state.channels.map(
          (c) => html`<li>${t[`channel_${c.channel}`]}${c.feeling ? ` (${t[`feeling_${c.feeling}`]})` : ''}</li>`,
        )}
      </ul>`
    : none;
  const rows: [label: string, step: number, value: unknown][] = [
    [t.reviewFeeling, 0, state.feeling ? t[`feeling_${state.feeling}`] : none],
    [t.reviewStructures, 1, state.structures.length ? state.structures.map((s) => s.name).join(', ') : none],
    [t.reviewChannels, 2, channels],
    [t.reviewTitle, 3, state.title.trim() || none],
    [t.reviewBody, 3, state.body.trim() ? html`<span class="story">${state.body.trim()}</span>` : none],
    [t.reviewPostedAs, 4, t[`postedAs_${state.postedAs}`]],
    [
      t.reviewEmail,
      4,
      state.email.trim()
        ? `${state.email.trim()} (${state.contactConsent ? t.reviewConsentYes : t.reviewConsentNo})`
        : html`<span class="muted">${t.reviewNoEmail}</span>`,
    ],
  ];
  return html`
    <p>${t.reviewIntro}</p>
    <dl class="review" part="review">
      ${rows.map(
        ([label, step, value]) => html`<div class="review-row">
          <dt>${label}</dt>
          <dd>${value}</dd>
          <dd class="review-edit">
            <button type="button" class="button link" aria-label=${format(t.editSection, { section: label })} @click=${() => v.goTo(step)}>
              ${t.edit}
            </button>
          </dd>
        </div>`,
      )}
    </dl>
    ${piiWarning(v, ['title', 'body'])}
  `;
}

export function heading(level: number, id: string, text: string, part?: string): TemplateResult {
  return html`<div role="heading" aria-level=${level} id=${id} class="title" tabindex="-1" part=${part ?? nothing}>${text}</div>`;
}

export interface SubmittedOptions {
  t: FormStrings;
  level: number;
  accepted: SubmissionAccepted;
  fromOtherTab: boolean;
  copied: boolean;
  onCopy(): void;
  onAnother(): void;
}

export function submittedView(o: SubmittedOptions): TemplateResult {
  const { t, accepted } = o;
  return html`
    <div class="done" part="confirmation">
      ${heading(o.level, 'result-title', t.submittedTitle)}
      ${o.fromOtherTab ? html`<p>${t.otherTab}</p>` : nothing}
      <p>${t.submittedText}</p>
      <p>${t.referenceLabel} <strong class="reference">${accepted.reference}</strong></p>
      <p>${t.trackingText}</p>
      <p><a href=${accepted.trackingUrl} part="tracking-link">${t.trackingLink}</a></p>
      <div class="copy">
        <label class="sr-only" for="tracking-url">${t.trackingLink}</label>
        <input id="tracking-url" type="text" readonly .value=${accepted.trackingUrl} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" class="button secondary" @click=${o.onCopy}>${t.copyLink}</button>
      </div>
      ${o.copied ? html`<p class="hint">${t.linkCopied}</p>` : nothing}
      <button type="button" class="button secondary" @click=${o.onAnother}>${t.writeAnother}</button>
    </div>
  `;
}

export type QueueReason = 'offline' | 'server' | 'rate';

export interface QueuedOptions {
  t: FormStrings;
  level: number;
  reason: QueueReason;
  busy: boolean;
  onSendNow(): void;
  onEdit(): void;
}

export function queuedView(o: QueuedOptions): TemplateResult {
  const { t } = o;
  const text = { offline: t.queuedOffline, server: t.queuedServer, rate: t.queuedRate }[o.reason];
  return html`
    <div class="queued" part="queued">
      ${heading(o.level, 'result-title', t.queuedTitle)}
      <p>${text}</p>
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${o.busy} @click=${o.onSendNow}>${o.busy ? t.sending : t.sendNow}</button>
        <button type="button" class="button secondary" ?disabled=${o.busy} @click=${o.onEdit}>${t.editQueued}</button>
      </div>
    </div>
  `;
}
