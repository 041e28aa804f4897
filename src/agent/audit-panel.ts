import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AuditRecord } from '../contract/admin.js';
import { defineElement } from '../internal/define.js';
import { formatDate } from '../internal/i18n.js';
import type { AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

/** `<spp-agent-audit>` (a manager's screen): who did what, when, on what, for a structure and its sub-structures. */
export class SppAgentAudit extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    items: { state: true },
    nextCursor: { state: true },
  };

  protected readonly idPrefix = 'audit';
  private items: AuditRecord[] = [];
  private nextCursor: string | null = null;

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const page = await api.audit(structure);
    return () => {
      this.items = page.items;
      this.nextCursor = page.nextCursor;
    };
  }

  private async more(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor) return;
    await this.act(async (api) => {
      const page = await api.audit(this.structure, cursor);
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section class="stack box" aria-labelledby="audit-title" lang=${this.language}>
      <h2 id="audit-title">${t.auditTitle}</h2>
      <p class="muted">${t.auditIntro}</p>
      ${this.renderStructureChoice()}
      <div class="actions">
        <button type="button" class="button secondary" @click=${() => this.reload()}>${t.auditRefresh}</button>
      </div>
      ${this.renderMessages()} ${this.renderLoadState() ?? this.renderTable()}
    </section>`;
  }

  private target(record: AuditRecord): string {
    const details = record.details as { name?: unknown; text?: unknown; from?: unknown; to?: unknown };
    const extra = typeof details.name === 'string' ? details.name : typeof details.text === 'string' ? details.text : typeof details.to === 'string' ? `${String(details.from)} → ${details.to}` : '';
    return [record.target.id, extra].filter(Boolean).join(' · ');
  }

  private renderTable(): TemplateResult {
    const t = this.t;
    const lang = this.language;
    if (!this.items.length) return html`<p>${t.auditEmpty}</p>`;
    return html`<div class="table-wrap">
        <table>
          <caption class="sr-only">${t.auditTitle}</caption>
          <thead>
            <tr>
              <th scope="col">${t.auditWhen}</th>
              <th scope="col">${t.auditWho}</th>
              <th scope="col">${t.auditWhat}</th>
              <th scope="col">${t.auditOn}</th>
            </tr>
          </thead>
          <tbody>
            ${this.items.map(
              (r) => html`<tr>
                <td>${formatDate(r.at, lang, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td>${r.actor.name}</td>
                <td>${(this.t.auditActions as Record<string, string>)[r.action] ?? r.action}</td>
                <td>${this.target(r)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.nextCursor
        ? html`<div class="actions"><button type="button" class="button secondary" aria-disabled=${this.disabled()} @click=${this.more}>${t.auditMore}</button></div>`
        : ''}`;
  }
}

defineElement('spp-agent-audit', SppAgentAudit);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-audit': SppAgentAudit;
  }
}
