import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { toFieldErrors } from '../contract/messages.js';
import { NOTIFICATION_LIMITS, NotificationSettings, type NotificationSettingsView } from '../contract/notifications.js';
import type { FieldError } from '../contract/problem.js';
import { defineElement } from '../internal/define.js';
import { format, formatDate } from '../internal/i18n.js';
import { counted } from './count.js';
import { written, type AgentApi } from './agent-api.js';
import { untilStrings } from '../internal/strings-gate.js';
import { agentStrings } from './agent.strings.js';
import { NOTIFICATION_FR, notificationStrings, type NotificationStrings } from './notifications.strings.js';
import { teamStrings } from './team.strings.js';
import { TeamPanel } from './team-panel.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * `<spp-agent-notifications>` (a manager's screen): who gets the structure's daily digest and at what hour
 * (Europe/Paris), checked in the page before it is saved, and the e-mails not delivered yet: how many wait,
 * how many failed, and the failed ones with the mail server's answer (a refused address, for instance).
 */
export class SppAgentNotifications extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    addresses: { state: true },
    hour: { state: true },
    delivery: { state: true },
    errors: { state: true },
  };

  protected readonly idPrefix = 'notif';
  /** The recipients as typed (blank lines are dropped when saving). */
  private addresses: string[] = [];
  private hour = 8;
  private delivery: NotificationSettingsView['delivery'] = { pending: 0, failed: 0, items: [] };
  /** Keyed by `address-N` (the N-th input), `addresses` (the list) or `hour`. */
  private errors: Record<string, string> = {};

  private get s(): NotificationStrings {
    return notificationStrings(this.language, this, () => {}) ?? NOTIFICATION_FR;
  }

  /** In English nothing renders nor loads before the English words are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return untilStrings(this.language, [agentStrings, teamStrings, notificationStrings])?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const view = await api.notifications(structure);
    return () => this.apply(view);
  }

  private apply(view: NotificationSettingsView): void {
    this.addresses = [...view.digestAddresses];
    this.hour = view.digestHour;
    this.delivery = view.delivery;
    this.errors = {};
  }

  /** Field errors (from the contract or the server's 400) put by their input; `sent[k]` is the input of item k. */
  private showErrors(errors: readonly FieldError[], sent: number[]): void {
    this.errors = this.fieldErrors(errors, (field) => {
      const [name, index] = field.split('.');
      return name === 'digestHour' ? 'hour' : name === 'digestAddresses' && index !== undefined && sent[Number(index)] !== undefined ? `address-${sent[Number(index)]}` : 'addresses';
    });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.notice = '';
    this.failure = '';
    const sent = this.addresses.flatMap((a, i) => (a.trim() ? [i] : []));
    const parsed = NotificationSettings.safeParse({ digestAddresses: sent.map((i) => this.addresses[i]!.trim()), digestHour: this.hour });
    if (!parsed.success) return this.showErrors(toFieldErrors(parsed.error.issues, this.language), sent);
    this.errors = {};
    await this.act(async (api) => {
      const view = await written(api.putNotifications(this.structure, parsed.data), (fields) => this.showErrors(fields, sent));
      if (!view) return;
      this.apply(view);
      this.notice = counted(this.language, view.digestAddresses.length, this.s.saved_one, this.s.saved, { hour: format(this.s.hourOption, { hour: view.digestHour }) });
    });
  }

  private addAddress(): void {
    if (this.addresses.length >= NOTIFICATION_LIMITS.digestAddressesMax) return;
    this.addresses = [...this.addresses, ''];
    const index = this.addresses.length - 1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#notif-address-${index}`)?.focus());
  }

  private removeAddress(index: number): void {
    this.addresses = this.addresses.filter((_, i) => i !== index);
    // The inputs after it moved up: their errors no longer match; the next check says them again.
    this.errors = {};
    const next = Math.min(index, this.addresses.length - 1);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(next >= 0 ? `#notif-address-${next}` : '#notif-add')?.focus());
  }

  private async refreshDelivery(): Promise<void> {
    await this.act(async (api) => {
      this.delivery = (await api.notifications(this.structure)).delivery;
    });
  }

  protected override render(): TemplateResult {
    return html`<section class="stack box" aria-labelledby="notif-title" lang=${this.language}>
      <h2 id="notif-title">${this.s.title}</h2>
      <p class="muted">${this.s.intro}</p>
      ${this.renderStructureChoice()} ${this.renderMessages()} ${this.renderLoadState() ?? [this.renderForm(), this.renderDelivery()]}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const s = this.s;
    const t = this.t;
    const keys = [...this.addresses.map((_, i) => `address-${i}`), 'addresses', 'hour'].filter((k) => this.errors[k]);
    const target = (key: string) => (key === 'addresses' ? 'notif-add' : `notif-${key}`);
    const full = this.addresses.length >= NOTIFICATION_LIMITS.digestAddressesMax;
    return html`<form id="notif-form" class="stack" novalidate @submit=${this.onSubmit} aria-labelledby="notif-form-title">
      <h3 id="notif-form-title">${s.formTitle}</h3>
      ${keys.length
        ? html`<div id="notif-errors" class="notice error" role="alert" tabindex="-1">
            <p>${counted(this.language, keys.length, t.errorSummary_one, t.errorSummary)}</p>
            <ul>
              ${keys.map(
                (k) => html`<li><a href="#${target(k)}" @click=${(e: Event) => (e.preventDefault(), this.renderRoot.querySelector<HTMLElement>(`#${target(k)}`)?.focus())}>${this.errors[k]}</a></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <fieldset aria-describedby=${this.errors.addresses ? 'notif-addresses-hint notif-addresses-error' : 'notif-addresses-hint'}>
        <legend>${s.addresses}</legend>
        <p id="notif-addresses-hint" class="hint">${format(s.addressesHint, { max: NOTIFICATION_LIMITS.digestAddressesMax })}</p>
        ${this.errors.addresses ? html`<p id="notif-addresses-error" class="field-error">${this.errors.addresses}</p>` : nothing}
        ${this.addresses.length ? nothing : html`<p>${s.addressesEmpty}</p>`}
        <div class="stack">${this.addresses.map((address, i) => this.renderAddress(address, i))}</div>
        <div class="actions">
          <button id="notif-add" type="button" class="button secondary" aria-disabled=${full ? 'true' : 'false'} @click=${this.addAddress}>${s.add}</button>
        </div>
      </fieldset>
      <div class="field">
        <label for="notif-hour">${s.hour}</label>
        ${this.errors.hour ? html`<p id="notif-hour-error" class="field-error">${this.errors.hour}</p>` : nothing}
        <select
          id="notif-hour"
          name="hour"
          aria-invalid=${this.errors.hour ? 'true' : 'false'}
          aria-describedby=${this.errors.hour ? 'notif-hour-error' : nothing}
          @change=${(e: Event) => (this.hour = Number((e.target as HTMLSelectElement).value))}
        >
          ${HOURS.map((h) => html`<option value=${h} ?selected=${h === this.hour}>${format(s.hourOption, { hour: h })}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : s.save}</button>
      </div>
    </form>`;
  }

  private renderAddress(address: string, i: number): TemplateResult {
    const s = this.s;
    const key = `address-${i}`;
    const error = this.errors[key];
    const label = format(s.address, { n: i + 1 });
    return html`<div class="field">
      <label for="notif-${key}">${label}</label>
      ${error ? html`<p id="notif-${key}-error" class="field-error">${error}</p>` : nothing}
      <input
        id="notif-${key}"
        type="email"
        autocomplete="email"
        spellcheck="false"
        .value=${address}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `notif-${key}-error` : nothing}
        @input=${(e: Event) => (this.addresses = this.addresses.map((a, j) => (j === i ? (e.target as HTMLInputElement).value : a)))}
      />
      <div class="actions">
        <button type="button" class="button secondary" @click=${() => this.removeAddress(i)}>${s.remove}<span class="sr-only"> : ${address || label}</span></button>
      </div>
    </div>`;
  }

  private renderDelivery(): TemplateResult {
    const s = this.s;
    const lang = this.language;
    const failed = this.delivery.items.filter((d) => d.status === 'failed');
    return html`<div class="stack" role="group" aria-labelledby="notif-delivery-title">
      <h3 id="notif-delivery-title">${s.deliveryTitle}</h3>
      <p id="notif-delivery-counts">${format(s.deliveryCounts, { pending: this.delivery.pending, failed: this.delivery.failed })}</p>
      <div class="actions">
        <button type="button" class="button secondary" aria-disabled=${this.disabled()} @click=${this.refreshDelivery}>${s.deliveryRefresh}</button>
      </div>
      ${failed.length
        ? html`<p class="muted">${s.deliveryFailedIntro}</p>
            <div class="table-wrap">
              <table id="notif-failed">
                <caption class="sr-only">${s.deliveryTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">${s.reference}</th>
                    <th scope="col">${s.kind}</th>
                    <th scope="col">${s.date}</th>
                    <th scope="col">${s.attempts}</th>
                    <th scope="col">${s.answer}</th>
                  </tr>
                </thead>
                <tbody>
                  ${failed.map(
                    (d) => html`<tr>
                      <td>${d.reference ?? s.noReference}</td>
                      <td>${this.s.mailKindLabels[d.kind]}</td>
                      <td>${formatDate(d.createdAt, lang, { dateStyle: 'short', timeStyle: 'short' })}</td>
                      <td>${d.attempts}</td>
                      <td lang="en">${d.lastError ?? s.noAnswer}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : html`<p>${s.deliveryNone}</p>`}
    </div>`;
  }
}

defineElement('spp-agent-notifications', SppAgentNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-notifications': SppAgentNotifications;
  }
}
