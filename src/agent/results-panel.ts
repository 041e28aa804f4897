import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ResultsUploadReport } from '../contract/admin.js';
import type { Indicator } from '../contract/results.js';
import { defineElement } from '../internal/define.js';
import { format } from '../internal/i18n.js';
import { counted } from './count.js';
import type { AgentApi } from './agent-api.js';
import { TeamPanel } from './team-panel.js';

const PERIOD = /^\d{4}(-Q[1-4]|-\d{2})?$/;

/**
 * `<spp-agent-results>`: publishes a period's results, either typed per indicator or from a CSV file in the
 * open-data results export format. The file is checked line by line by the API and stored only when every line
 * passes; the errors are listed with their line numbers.
 */
export class SppAgentResults extends TeamPanel {
  static override properties: PropertyDeclarations = {
    ...TeamPanel.properties,
    indicators: { state: true },
    formErrors: { state: true },
    report: { state: true },
    fileError: { state: true },
  };

  protected readonly idPrefix = 'results';
  private indicators: Indicator[] = [];
  /** Field id → message. */
  private formErrors: Record<string, string> = {};
  private report?: ResultsUploadReport;
  private fileError = '';

  protected async load(api: AgentApi, structure: string): Promise<() => void> {
    const results = await api.results(structure);
    return () => (this.indicators = results.indicators);
  }

  private async onSubmitValues(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const t = this.t;
    const errors: Record<string, string> = {};
    const period = String(data.get('period') ?? '').trim().toUpperCase();
    if (!PERIOD.test(period)) errors['results-period'] = t.badPeriod;
    const rows: { indicator: string; period: string; value: number }[] = [];
    this.indicators.forEach((indicator, i) => {
      const raw = String(data.get(`value-${i}`) ?? '').trim();
      if (!raw) return;
      const value = Number(raw.replace(',', '.'));
      if (!Number.isFinite(value)) errors[`results-value-${i}`] = t.badValue;
      else rows.push({ indicator: indicator.code, period, value });
    });
    if (!rows.length && !Object.keys(errors).some((k) => k.startsWith('results-value'))) errors[`results-value-0`] = t.noValue;
    this.formErrors = errors;
    this.notice = '';
    this.failure = '';
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    await this.act(async (api) => {
      const published = await api.publishResults(this.structure, { results: rows });
      form.reset();
      this.notice = counted(this.language, published.stored, this.t.valuesPublished_one, this.t.valuesPublished);
      await this.reload();
    });
  }

  private async onSubmitFile(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#results-file')!;
    const file = input.files?.[0];
    this.report = undefined;
    if (!file) {
      this.fileError = this.t.csvMissing;
      input.focus();
      return;
    }
    this.fileError = '';
    await this.act(async (api) => {
      const report = await api.uploadResults(this.structure, await file.text());
      this.report = report;
      if (report.written) {
        this.notice = counted(this.language, report.rows, this.t.csvWritten_one, this.t.csvWritten);
        input.value = '';
        await this.reload();
      } else {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#results-report')?.focus();
      }
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section class="stack box" aria-labelledby="results-title" lang=${this.language}>
      <h2 id="results-title">${t.resultsTitle}</h2>
      <p class="muted">${t.resultsIntro}</p>
      ${this.renderStructureChoice()} ${this.renderMessages()} ${this.renderLoadState() ?? this.renderValuesForm()} ${this.renderFileForm()}
    </section>`;
  }

  private fieldError(id: string): TemplateResult | typeof nothing {
    const message = this.formErrors[id];
    return message ? html`<p id="${id}-error" class="field-error">${message}</p>` : nothing;
  }

  private describedBy(id: string, hint?: string): string | typeof nothing {
    return [hint, this.formErrors[id] ? `${id}-error` : undefined].filter(Boolean).join(' ') || nothing;
  }

  private renderValuesForm(): TemplateResult {
    const t = this.t;
    if (!this.indicators.length) return html`<p>${t.noIndicators}</p>`;
    return html`<form class="stack" novalidate @submit=${this.onSubmitValues} aria-labelledby="results-form-title">
      <h3 id="results-form-title">${t.resultsFormTitle}</h3>
      <div class="field">
        <label for="results-period">${t.period}</label>
        <p id="results-period-hint" class="hint">${t.periodHint}</p>
        ${this.fieldError('results-period')}
        <input
          id="results-period"
          name="period"
          type="text"
          inputmode="text"
          autocomplete="off"
          aria-describedby=${this.describedBy('results-period', 'results-period-hint')}
          aria-invalid=${this.formErrors['results-period'] ? 'true' : 'false'}
        />
      </div>
      <div class="grid">
        ${this.indicators.map((indicator, i) => {
          const id = `results-value-${i}`;
          return html`<div class="field">
            <label for=${id}>${format(t.valueOf, { label: indicator.label, unit: indicator.unit })}</label>
            ${this.fieldError(id)}
            <input id=${id} name="value-${i}" type="text" inputmode="decimal" autocomplete="off" aria-describedby=${this.describedBy(id)} aria-invalid=${this.formErrors[id] ? 'true' : 'false'} />
          </div>`;
        })}
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : t.publishValues}</button>
      </div>
    </form>`;
  }

  private renderFileForm(): TemplateResult {
    const t = this.t;
    const invalid = !!this.fileError;
    const report = this.report;
    return html`<form class="stack" novalidate @submit=${this.onSubmitFile} aria-labelledby="results-csv-title">
      <h3 id="results-csv-title">${t.csvTitle}</h3>
      <div class="field">
        <label for="results-file">${t.csvFile}</label>
        <p id="results-file-hint" class="hint">${t.csvHint}</p>
        ${invalid ? html`<p id="results-file-error" class="field-error" role="alert">${this.fileError}</p>` : nothing}
        <input
          id="results-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'results-file-hint results-file-error' : 'results-file-hint'}
        />
      </div>
      ${report && !report.written
        ? html`<div id="results-report" class="notice error" role="alert" tabindex="-1">
            <p>${counted(this.language, report.errors.length, t.csvRefused_one, t.csvRefused)}</p>
            <ul>
              ${report.errors.map(
                (e) => html`<li>${e.line > 0 ? format(t.csvLine, { line: e.line, message: e.message }) : format(t.csvFileError, { message: e.message })}</li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.disabled()}>${this.busy ? t.saving : t.csvUpload}</button>
      </div>
    </form>`;
  }
}

defineElement('spp-agent-results', SppAgentResults);

declare global {
  interface HTMLElementTagNameMap {
    'spp-agent-results': SppAgentResults;
  }
}
