import { html, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import { INDICATOR_FAMILIES, type ResultsResponse } from '../../contract/results.js';
import { isSignificant } from './indicator-status.js';
import { formatPeriod, formatValue } from './results-format.js';
import { dataTable, tableStyles } from './results-history.js';
import type { ResultsTable } from './results.strings.js';

/**
 * What a results fragment shows a reader without JavaScript in place of its history (server/fragments/render.ts,
 * never the browser's bundle): the chart and its "Voir les données" button need the script, the values they show
 * do not, so every indicator's table is there, open. Server-side only, so no page downloads it.
 *
 * It goes into a `<noscript>`: with scripting on, the browser parses its content as text and shows nothing (and
 * `src/internal/ssr.ts` removes it before adopting the fragment), so a reader with JavaScript sees the fragment as
 * the element renders it, and nothing moves at adoption. Its `<style>` applies only when it is shown.
 */
export const NOSCRIPT_CSS = `.history-body,.history>button{display:none}.tables{display:grid;gap:1.5rem}${tableStyles.cssText}`;

/** Every indicator's table, in the cards' order (performance first). */
export function resultsWithoutScript(results: ResultsResponse, lang: Lang, t: ResultsTable): TemplateResult {
  const rules = { formatPeriod, formatValue, isSignificant };
  const ordered = INDICATOR_FAMILIES.flatMap((family) => results.indicators.filter((i) => i.family === family));
  // A region per table, as the history's: at 320 px a table scrolls sideways, and a keyboard can scroll it.
  return html`<div class="tables">
    ${ordered.map((indicator) => html`<div class="table" role="region" aria-label=${indicator.label} tabindex="0">${dataTable(indicator, lang, t, rules)}</div>`)}
  </div>`;
}
