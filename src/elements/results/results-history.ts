import { adoptStyles, css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import type { Indicator } from '../../contract/results.js';
import { ChartController, type ChartData } from '../../internal/chart-controller.js';
import { format } from '../../internal/i18n.js';
import { locale, numberFormat } from '../../internal/intl.js';
import type { isSignificant } from './indicator-status.js';
import type { formatPeriod, formatValue } from './results-format.js';
import { HISTORY_FR, type HistoryStrings } from './results-history.strings.js';
import type { ResultsTable } from './results.strings.js';

/**
 * The history part of `<spp-results>`: an indicator picker, one line chart (our result, the network average,
 * the target) and the same values as a table. Loaded only once the history scrolls into view (or the table
 * is asked for), so a page pays for it, and for chart.js, only when someone looks.
 *
 * One chart with a picker rather than a chart per indicator: indicators have different units (one axis each),
 * a single chart.js instance costs the same whether the card holds 3 indicators or 12, and the table stays one
 * indicator long (24 rows, not 288 cells).
 */

export interface HistoryHost extends LitElement {
  readonly language: Lang;
}

/**
 * The card's own formatting and status rules, handed over by the card rather than imported here: imported by
 * both, they would become a chunk of their own, one more file (and ~300 bytes gzip) on every results page.
 */
export interface CardRules {
  formatPeriod: typeof formatPeriod;
  formatValue: typeof formatValue;
  isSignificant: typeof isSignificant;
}

const historyStyles = css`
  /* chart.js sizes the canvas from this box: relative, an explicit height, and free to shrink. */
  .chart {
    position: relative;
    width: 100%;
    min-width: 0;
    height: var(--_chart-height);
  }
  .picker label {
    display: block;
    font-weight: 700;
  }
  select {
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_text-muted);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  .swatch {
    display: inline-block;
    width: 1.5rem;
    margin-inline-end: 0.375rem;
    vertical-align: middle;
    border-top: 3px solid var(--_primary);
  }
  .swatch.average {
    border-top-style: dashed;
    border-color: var(--_text-muted);
  }
  .swatch.target {
    border-top-style: dashed;
    border-color: var(--_accent);
  }
`;

/** The data table's styles: the history's, and those of a fragment's tables without JavaScript (`results-noscript.ts`). */
export const tableStyles = css`
  .table {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  caption {
    margin-bottom: 0.5rem;
    font-weight: 700;
    text-align: start;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
  /* "95,16 %" never breaks; at 320 px the table scrolls sideways instead (its region takes the focus). */
  td {
    white-space: nowrap;
  }
`;

export class ResultsHistory {
  /** Code of the indicator shown; the first one until the user picks another. */
  selected = '';
  tableOpen = false;

  private indicators: Indicator[] = [];
  private cardStrings!: ResultsTable;
  private readonly chart: ChartController;
  private readonly chartData = new WeakMap<Indicator, { strings: ResultsTable; data: ChartData }>();

  constructor(
    private readonly host: HistoryHost,
    private readonly rules: CardRules,
  ) {
    this.chart = new ChartController(host, {
      canvas: () => host.renderRoot.querySelector('canvas'),
      data: () => this.data(),
    });
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof LitElement).elementStyles, historyStyles, tableStyles]);
  }

  private get indicator(): Indicator | undefined {
    return this.indicators.find((i) => i.code === this.selected) ?? this.indicators[0];
  }

  /** French comes with this part; English with the element's English chunk (in `cardStrings`). */
  private get strings(): HistoryStrings {
    return { ...HISTORY_FR, ...this.cardStrings };
  }

  toggleTable(): void {
    this.tableOpen = !this.tableOpen;
    this.host.requestUpdate();
  }

  /** The chart's data, rebuilt only when the indicator, the response or the language changes. */
  private data(): ChartData | null {
    const indicator = this.indicator;
    if (!indicator) return null;
    const cached = this.chartData.get(indicator);
    if (cached?.strings === this.cardStrings) return cached.data;

    const lang = this.host.language;
    const t = this.cardStrings;
    const h = this.strings;
    const value = (v: number) => this.rules.formatValue(v, indicator.unitType, lang, t);
    const series: ChartData['series'] = [
      { label: h.ours, values: indicator.points.map((p) => p.value), color: '--_primary' },
      { label: h.average, values: indicator.points.map((p) => p.networkAverage), color: '--_text-muted', dashed: true, markers: false },
    ];
    if (indicator.target !== null) {
      series.push({ label: h.targetSeries, values: indicator.points.map(() => indicator.target), color: '--_accent', dashed: true, markers: false });
    }
    const data: ChartData = {
      labels: indicator.points.map((p) => this.rules.formatPeriod(p.period, lang, t, true)),
      series,
      formatValue: value,
      describe: (s, v) => format(h.seriesValue, { label: s.label, value: value(v) }),
      locale: locale(lang),
      gapLabel: t.notMeasured,
    };
    this.chartData.set(indicator, { strings: t, data });
    return data;
  }

  /** Picker, legend and chart. */
  render(indicators: Indicator[], cardStrings: ResultsTable): TemplateResult {
    this.indicators = indicators;
    this.cardStrings = cardStrings;
    const indicator = this.indicator!;
    const lang = this.host.language;
    const h = this.strings;
    const { points } = indicator;
    const label = points.length
      ? format(h.chartLabel, {
          label: indicator.label,
          first: this.rules.formatPeriod(points[0]!.period, lang, cardStrings),
          last: this.rules.formatPeriod(points.at(-1)!.period, lang, cardStrings),
        })
      : indicator.label;
    return html`${indicators.length > 1
        ? html`<p class="picker">
            <label for="indicator">${h.indicator}</label>
            <select id="indicator" @change=${this.pick}>
              ${indicators.map((i) => html`<option value=${i.code} ?selected=${i === indicator}>${i.label}</option>`)}
            </select>
          </p>`
        : nothing}
      <ul class="legend">
        <li><span class="swatch" aria-hidden="true"></span>${h.ours}</li>
        <li><span class="swatch average" aria-hidden="true"></span>${h.average}</li>
        ${indicator.target === null ? nothing : html`<li><span class="swatch target" aria-hidden="true"></span>${h.targetSeries}</li>`}
      </ul>
      <div class="chart" part="chart"><canvas role="img" aria-label=${label}></canvas></div>
      ${this.chart.status === 'failed' ? html`<p>${h.chartFailed}</p>` : nothing}`;
  }

  private readonly pick = (event: Event): void => {
    this.selected = (event.target as HTMLSelectElement).value;
    this.host.requestUpdate();
  };

  /** The same values as the chart, for screen readers, keyboards and anyone who prefers numbers. */
  renderTable(): TemplateResult | typeof nothing {
    const indicator = this.indicator;
    if (!this.tableOpen || !indicator) return nothing;
    return dataTable(indicator, this.host.language, this.cardStrings, this.rules, 'caption');
  }
}

/**
 * One indicator's values by period: the history's table, and every indicator's in a fragment read without
 * JavaScript (`results-noscript.ts`). `captionId`: the caption's id, which the table's region is labelled by.
 */
export function dataTable(indicator: Indicator, lang: Lang, t: ResultsTable, rules: CardRules, captionId?: string): TemplateResult {
  const h = { ...HISTORY_FR, ...t };
  const surveyed = indicator.family === 'satisfaction';
  const cell = (v: number | null) => (v === null ? t.notMeasured : rules.formatValue(v, indicator.unitType, lang, t, true));
  return html`<table part="table">
    <caption id=${captionId ?? nothing}>
      ${format(h.tableCaption, { label: indicator.label })}${indicator.target === null
        ? nothing
        : ` (${format(t.target, { value: cell(indicator.target) }).toLowerCase()})`}
    </caption>
    <thead>
      <tr>
        <th scope="col">${h.period}</th>
        <th scope="col">${h.ours}</th>
        <th scope="col">${h.average}</th>
        ${surveyed ? html`<th scope="col">${h.answersColumn}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${indicator.points.map(
        (p) => html`<tr>
          <th scope="row">${rules.formatPeriod(p.period, lang, t)}</th>
          <td>${cell(p.value)}${p.value !== null && !rules.isSignificant(indicator, p) ? ` (${t['status-insufficient'].toLowerCase()})` : ''}</td>
          <td>${cell(p.networkAverage)}</td>
          ${surveyed ? html`<td>${p.sampleSize === null ? '—' : numberFormat(lang).format(p.sampleSize)}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
