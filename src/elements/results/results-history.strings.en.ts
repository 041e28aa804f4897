import type { HistoryStrings } from './results-history.strings.js';

/** English strings of the history part of `<spp-results>`, shipped in the element's English chunk. */
export const HISTORY_EN: HistoryStrings = {
  indicator: 'Indicator',
  ours: 'Our result',
  average: 'Network average',
  targetSeries: 'Target',
  chartLabel: 'Chart of “{label}” over time, from {first} to {last}. Details in the “Show the data” table.',
  tableCaption: '{label}: results per period',
  period: 'Period',
  answersColumn: 'Number of answers',
  chartFailed: 'The chart could not be loaded. Every value is in the table.',
  seriesValue: '{label}: {value}',
};
