/**
 * French strings of the history part of `<spp-results>`, loaded with it once the history scrolls into view. English
 * is `results-history.strings.en.ts`, which travels in the element's English chunk (`results.strings.en.ts`).
 */
export const HISTORY_FR = {
  indicator: 'Indicateur',
  ours: 'Notre résultat',
  average: 'Moyenne du réseau',
  targetSeries: 'Objectif',
  chartLabel: 'Graphique de l’évolution de «\u00a0{label}\u00a0», de {first} à {last}. Détail dans le tableau «\u00a0Voir les données\u00a0».',
  tableCaption: '{label}\u00a0: résultats par période',
  period: 'Période',
  answersColumn: 'Nombre de réponses',
  chartFailed: 'Le graphique n’a pas pu être chargé. Toutes les valeurs sont dans le tableau.',
  seriesValue: '{label}\u00a0: {value}',
};

export type HistoryStrings = typeof HISTORY_FR;
