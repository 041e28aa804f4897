import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import type { Indicator, IndicatorFamily } from '../../contract/results.js';
import { format } from '../../internal/i18n.js';
import { numberFormat } from '../../internal/intl.js';
import { isSignificant, latestPoint, statusOf, trendOf } from './indicator-status.js';
import { formatDelta, formatPeriod, formatValue, periodKind } from './results-format.js';
import type { ResultsStrings } from './results.strings.js';

/**
 * The indicator cards of `<spp-results>`, one family ("Qualité rendue", "Qualité perçue") at a time: the latest
 * value, the badge against the target, the trend, the network average, the number of answers and how the
 * indicator is measured. Headings are `level` + 1 (family) and `level` + 2 (indicator).
 */

const BADGE_ICONS = { met: '✓', close: '≈', 'not-met': '✗', insufficient: '?' } as const;
const TREND_ARROWS = { up: '↗', down: '↘', stable: '→' } as const;

/** One family's section and its cards, or nothing when it has no indicator among `all`. */
export function renderFamily(
  family: IndicatorFamily,
  all: Indicator[],
  level: number,
  lang: Lang,
  t: ResultsStrings,
): TemplateResult | typeof nothing {
  const indicators = all.filter((i) => i.family === family);
  if (!indicators.length) return nothing;
  return html`<section class="family" part="section" aria-labelledby="family-${family}">
    <h3 id="family-${family}" aria-level=${level + 1}>${t[family]}</h3>
    <p class="intro">${t[`${family}Intro`]}</p>
    <ul class="indicators">
      ${indicators.map((indicator) => renderIndicator(indicator, level, lang, t))}
    </ul>
  </section>`;
}

function renderIndicator(indicator: Indicator, level: number, lang: Lang, t: ResultsStrings): TemplateResult {
  const point = latestPoint(indicator);
  const status = statusOf(indicator, point);
  const trend = trendOf(indicator);
  const value = (v: number, spoken = false) => formatValue(v, indicator.unitType, lang, t, spoken);
  const shown = point?.value ?? null;
  const visual = shown === null ? t.notMeasured : value(shown);
  const spoken = shown === null ? visual : value(shown, true);
  const sample = point?.sampleSize ?? null;
  return html`<li class="indicator" part="indicator">
    <h4 aria-level=${level + 2}>${indicator.label}</h4>
    <p class="value" part="value">
      ${visual === spoken ? visual : html`<span aria-hidden="true">${visual}</span><span class="sr-only">${spoken}</span>`}
      ${point ? html`<span class="period">${formatPeriod(point.period, lang, t)}</span>` : nothing}
    </p>
    ${status === 'no-target'
      ? nothing
      : html`<p class="badge ${status}" part="badge badge-${status}">
          <span aria-hidden="true">${BADGE_ICONS[status]}</span> ${t[`status-${status}`]}
        </p>`}
    ${indicator.target === null ? nothing : html`<p>${format(t.target, { value: value(indicator.target, true) })}</p>`}
    ${trend
      ? html`<p class="trend ${trend.verdict}" part="trend">
          <span aria-hidden="true">${TREND_ARROWS[trend.movement]}</span>
          ${format(trend.movement === 'stable' ? t['trend-stable'] : t.trend, {
            delta: formatDelta(trend.delta, indicator.unitType, lang, t),
            since: t[`since-${periodKind(trend.previous.period)}`],
          })}${trend.verdict === 'same' ? nothing : `, ${t[`verdict-${trend.verdict}`]}`}
        </p>`
      : nothing}
    ${point?.networkAverage == null ? nothing : html`<p class="average">${format(t.networkAverage, { value: value(point.networkAverage, true) })}</p>`}
    ${sample === null || indicator.family !== 'satisfaction'
      ? nothing
      : html`<p class="sample">${format(isSignificant(indicator, point) || shown === null ? t.answers : t.fewAnswers, { count: numberFormat(lang).format(sample) })}</p>`}
    <details part="methodology">
      <summary>${t.methodology}</summary>
      <p>${indicator.methodology}</p>
      ${indicator.sources ? html`<p>${format(t.sources, { sources: indicator.sources })}</p>` : nothing}
    </details>
  </li>`;
}
