import type { Catalog } from '../../internal/i18n.js';

/** Strings of the history part of `<spp-results>`, loaded with it once the history scrolls into view. */
export const HISTORY_STRINGS: Catalog<
  'indicator' | 'ours' | 'average' | 'targetSeries' | 'chartLabel' | 'tableCaption' | 'period' | 'answers' | 'chartFailed'
> = {
  fr: {
    indicator: 'Indicateur',
    ours: 'Notre résultat',
    average: 'Moyenne du réseau',
    targetSeries: 'Objectif',
    chartLabel: 'Graphique de l’évolution de «\u00a0{label}\u00a0», de {first} à {last}. Détail dans le tableau «\u00a0Voir les données\u00a0».',
    tableCaption: '{label}\u00a0: résultats par période',
    period: 'Période',
    answers: 'Nombre de réponses',
    chartFailed: 'Le graphique n’a pas pu être chargé. Toutes les valeurs sont dans le tableau.',
  },
  en: {
    indicator: 'Indicator',
    ours: 'Our result',
    average: 'Network average',
    targetSeries: 'Target',
    chartLabel: 'Chart of “{label}” over time, from {first} to {last}. Details in the “Show the data” table.',
    tableCaption: '{label}: results per period',
    period: 'Period',
    answers: 'Number of answers',
    chartFailed: 'The chart could not be loaded. Every value is in the table.',
  },
};
