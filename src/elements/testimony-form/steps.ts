import { html, nothing, type TemplateResult } from 'lit';
import { CHANNELS, FEELINGS, LIMITS, POSTED_AS, type Channel, type Feeling } from '../../contract/testimony.js';
import { format } from '../../internal/i18n.js';
import { formatCount, pluralForm } from '../../contract/count.js';
import { errorText, invalid } from './feeling-step.js';
import type { FormView } from './view.js';

/** Templates of steps 2 to 5 (loaded with the rest of the flow). Every control has its label, hint and error in this shadow root. */

export function structuresStep(v: FormView): TemplateResult {
  const { t, state } = v;
  const full = state.structures.length >= LIMITS.structuresMax;
  const showPicker = !full && (v.pickerOpen || state.structures.length === 0);
  return html`
    <fieldset class="group" aria-describedby=${v.describedBy('structures', 'hint-structures')}>
      <legend>${t.structuresLegend}</legend>
      <p class="hint" id="hint-structures">${t.structuresHint}</p>
      ${errorText(v, 'structures')}
      ${state.structures.length
        ? html`<ul class="chosen" part="chosen-structures">
            ${state.structures.map(
              (s) => html`<li>
                <span class="chosen-name">${s.name}</span>
                <button type="button" class="button secondary small" @click=${() => v.removeStructure(s.code)}>
                  ${format(t.removeStructure, { name: s.name })}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${showPicker
        ? v.picker()
        : full
          ? nothing
          : html`<button type="button" id="f-structures" class="button secondary" @click=${v.openPicker}>${t.addStructure}</button>`}
    </fieldset>
  `;
}

export function channelsStep(v: FormView): TemplateResult {
  const { t, state } = v;
  const uses = new Map(state.channels.map((c) => [c.channel, c]));
  const toggle = (channel: Channel, on: boolean) =>
    v.update(({ channels }) => ({
      channels: on
        ? [...channels.filter((c) => c.channel !== channel), { channel }].sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel))
        : channels.filter((c) => c.channel !== channel),
    }));
  const setFeeling = (channel: Channel, value: string) =>
    v.update(({ channels }) => ({
      channels: channels.map((c) => (c.channel === channel ? (value ? { channel, feeling: value as Feeling } : { channel }) : c)),
    }));
  return html`
    <fieldset class="group" aria-describedby=${v.describedBy('channels', 'hint-channels')}>
      <legend>${t.channelsLegend}</legend>
      <p class="hint" id="hint-channels">${t.channelsHint}</p>
      ${errorText(v, 'channels')}
      <ul class="channels">
        ${CHANNELS.map((channel, i) => {
          const use = uses.get(channel);
          const label = t[`channel_${channel}`];
          return html`<li class="channel">
            <div class="choice">
              <input
                type="checkbox"
                id=${i === 0 ? 'f-channels' : `f-channel-${channel}`}
                .checked=${!!use}
                @change=${(e: Event) => toggle(channel, (e.target as HTMLInputElement).checked)}
              />
              <label for=${i === 0 ? 'f-channels' : `f-channel-${channel}`}><span class="choice-label">${label}</span></label>
            </div>
            ${use
              ? html`<div class="field channel-feeling">
                  <label for="f-channel-feeling-${channel}">${format(t.channelFeeling, { channel: label })}</label>
                  <select
                    id="f-channel-feeling-${channel}"
                    .value=${use.feeling ?? ''}
                    @change=${(e: Event) => setFeeling(channel, (e.target as HTMLSelectElement).value)}
                  >
                    <option value="">${t.channelFeelingNone}</option>
                    ${FEELINGS.map((f) => html`<option value=${f} ?selected=${use.feeling === f}>${t[`feeling_${f}`]}</option>`)}
                  </select>
                </div>`
              : nothing}
          </li>`;
        })}
      </ul>
    </fieldset>
  `;
}

/** Visible counter (hidden from screen readers, who get a calmer announcement, see `countAnnouncement`). */
export function countText(v: FormView, field: 'title' | 'body'): string {
  const { t } = v;
  const length = [...v.state[field].trim()].length;
  const limit = field === 'title' ? LIMITS.titleMax : LIMITS.bodyMax;
  // "5 000", never "5000" beside the hint's "5 000"; "0 caractère, 1 caractère" in French, "0 characters" in English.
  const n = (value: number) => formatCount(value, v.lang);
  const count = n(length);
  const max = n(limit);
  if (length > limit) return format(t.countOver, { count, over: n(length - limit) });
  if (field === 'body' && length < LIMITS.bodyMin) {
    const one = pluralForm(length, v.lang) === 'one';
    return format(one ? t.countBodyShort_one : t.countBodyShort, { count, missing: n(LIMITS.bodyMin - length) });
  }
  return format(field === 'title' ? t.countTitle : t.countBody, { count, max });
}

export function piiWarning(v: FormView, fields: readonly ('title' | 'body')[]): TemplateResult | typeof nothing {
  const { t } = v;
  const found = fields.flatMap((field) => v.piiFound[field].map((m) => ({ ...m, field })));
  if (!found.length) {
    return v.piiMaskedNotice ? html`<p class="notice success" id="pii-warning" tabindex="-1">${t.piiMasked}</p>` : nothing;
  }
  return html`
    <div class="pii" id="pii-warning" part="pii-warning">
      <p class="pii-title"><strong>${t.piiTitle}</strong></p>
      <p>${t.piiIntro}</p>
      <ul>
        ${found.map(
          (m) => html`<li>${format(t.piiItem, { kind: t[`pii_${m.kind}`], where: t[`piiIn_${m.field}`], text: m.text })}</li>`,
        )}
      </ul>
      <button type="button" class="button secondary" @click=${v.maskPii}>${t.piiMask}</button>
      <p class="hint">${t.piiKeep}</p>
    </div>
  `;
}

export function storyStep(v: FormView): TemplateResult {
  const { t, state } = v;
  const piiIds = (field: 'title' | 'body') => (v.piiFound[field].length ? ['pii-warning'] : []);
  return html`
    <div class="field">
      <label for="f-title">${t.titleLabel}</label>
      <p class="hint" id="hint-title">${t.titleHint}</p>
      ${errorText(v, 'title')}
      <input
        id="f-title"
        name="title"
        type="text"
        autocomplete="off"
        spellcheck="true"
        .value=${state.title}
        aria-invalid=${invalid(v, 'title')}
        aria-describedby=${v.describedBy('title', 'hint-title', ...piiIds('title'))}
        @input=${(e: Event) => v.update({ title: (e.target as HTMLInputElement).value })}
        @blur=${() => v.blur('title')}
      />
      <p class="count" aria-hidden="true">${countText(v, 'title')}</p>
    </div>
    <div class="field">
      <label for="f-body">${t.bodyLabel}</label>
      <p class="hint" id="hint-body">${t.bodyHint}</p>
      ${errorText(v, 'body')}
      <textarea
        id="f-body"
        name="body"
        rows="8"
        spellcheck="true"
        .value=${state.body}
        aria-invalid=${invalid(v, 'body')}
        aria-describedby=${v.describedBy('body', 'hint-body', ...piiIds('body'))}
        @input=${(e: Event) => v.update({ body: (e.target as HTMLTextAreaElement).value })}
        @blur=${() => v.blur('body')}
      ></textarea>
      <p class="count" aria-hidden="true">${countText(v, 'body')}</p>
    </div>
    ${piiWarning(v, ['title', 'body'])}
  `;
}

export function contactStep(v: FormView): TemplateResult {
  const { t, state } = v;
  return html`
    <fieldset class="group" aria-describedby=${v.describedBy('postedAs') || nothing}>
      <legend>${t.contactLegend}</legend>
      ${errorText(v, 'postedAs')}
      <div class="choices">
        ${POSTED_AS.map(
          (who, i) => html`<div class="choice">
            <input
              type="radio"
              name="postedAs"
              id=${i === 0 ? 'f-postedAs' : `f-postedAs-${who}`}
              value=${who}
              .checked=${state.postedAs === who}
              @change=${() => v.update({ postedAs: who })}
            />
            <label for=${i === 0 ? 'f-postedAs' : `f-postedAs-${who}`}><span class="choice-label">${t[`postedAs_${who}`]}</span></label>
          </div>`,
        )}
      </div>
    </fieldset>
    <div class="field">
      <label for="f-email">${t.emailLabel}</label>
      <p class="hint" id="hint-email">${t.emailHint}</p>
      ${errorText(v, 'email')}
      <input
        id="f-email"
        name="email"
        type="email"
        autocomplete="email"
        spellcheck="false"
        .value=${state.email}
        aria-invalid=${invalid(v, 'email')}
        aria-describedby=${v.describedBy('email', 'hint-email')}
        @input=${(e: Event) => v.update({ email: (e.target as HTMLInputElement).value })}
        @blur=${() => v.blur('email')}
      />
    </div>
    <div class="field">
      ${errorText(v, 'contactConsent')}
      <div class="choice">
        <input
          id="f-contactConsent"
          type="checkbox"
          .checked=${state.contactConsent}
          aria-invalid=${invalid(v, 'contactConsent')}
          aria-describedby=${v.describedBy('contactConsent') || nothing}
          @change=${(e: Event) => v.update({ contactConsent: (e.target as HTMLInputElement).checked })}
        />
        <label for="f-contactConsent"><span class="choice-label">${t.consentLabel}</span></label>
      </div>
    </div>
  `;
}
