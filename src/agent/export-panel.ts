import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { defineElement } from '../internal/define.js';
import { format } from '../internal/i18n.js';
import type { AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

/**
 * `<spp-agent-export>`: downloads the published testimonies of a structure as the open-data CSV. The API needs the
 * token in a header, so the file is fetched, then handed to the browser as a download.
 */
export class SppAgentExport extends TeamPanel {
  static override properties: PropertyDeclarations = { ...TeamPanel.properties };
  protected readonly idPrefix = 'export';

  protected async load(): Promise<() => void> {
    return () => undefined;
  }

  private async download(): Promise<void> {
    await this.act(async (api: AgentApi) => {
      const blob = await api.exportTestimonies(this.structure);
      const name = `temoignages-${this.structure}.csv`;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.notice = format(this.t.exportReady, { name });
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section class="stack box" aria-labelledby="export-title" lang=${this.language}>
      <h2 id="export-title">${t.exportTitle}</h2>
      <p class="muted">${t.exportIntro}</p>
      ${this.renderStructureChoice()}
      <div class="actions">
        <button type="button" class="button secondary" aria-disabled=${this.disabled()} @click=${this.download}>${t.exportButton}</button>
      </div>
      ${this.renderMessages()}
    </section>`;
  }
}

defineElement('spp-agent-export', SppAgentExport);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-export': SppAgentExport;
  }
}
