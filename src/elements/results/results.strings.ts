import { lazyStrings } from '../../internal/i18n.js';
import type { HistoryStrings } from './results-history.strings.js';

/**
 * French strings of `<spp-results>`: the reference catalogue, shipped with the element. English lives in
 * `results.strings.en.ts`, imported only when an element speaks English (it would otherwise weigh on every
 * French page's budget).
 */
export const RESULTS_FR = {
  eyebrow: 'Services Publics+ · Nos résultats de qualité de service',
  network: 'Réseau\u00a0: {network}',
  updated: 'Mis à jour le {date}',
  networkLink: 'Voir les résultats de tout le réseau {network}',
  performance: 'Qualité rendue',
  performanceIntro: 'Ce que nous mesurons de notre service.',
  satisfaction: 'Qualité perçue',
  satisfactionIntro: 'Ce que vous nous en dites, dans nos enquêtes.',
  'status-met': 'Objectif atteint',
  'status-close': 'Proche de l’objectif',
  'status-not-met': 'Objectif non atteint',
  'status-insufficient': 'Données insuffisantes',
  target: 'Objectif\u00a0: {value}',
  networkAverage: 'Moyenne du réseau\u00a0: {value}',
  notMeasured: 'Non mesuré',
  fewAnswers: 'Seulement {count} réponses\u00a0: moins de 100, le résultat n’est pas significatif.',
  answers: 'Sur {count} réponses.',
  trend: '{delta} {since}',
  'trend-stable': 'Stable {since}',
  'verdict-better': 'en amélioration',
  'verdict-worse': 'en recul',
  'since-quarter': 'par rapport au trimestre précédent',
  'since-month': 'par rapport au mois précédent',
  'since-half': 'par rapport au semestre précédent',
  'since-year': 'par rapport à l’année précédente',
  methodology: 'Comment est-ce mesuré\u00a0?',
  sources: 'Source\u00a0: {sources}',
  history: 'Évolution',
  showData: 'Voir les données',
  hideData: 'Masquer les données',
  historyFailed: 'L’évolution n’a pas pu être chargée. Vérifiez votre connexion.',
  stale:
    'Ces résultats ont plus d’un an (dernière mise à jour le {date}). Les résultats doivent être publiés au moins une fois par an\u00a0: de plus récents sont attendus.',
  empty: '{name} n’a pas encore publié de résultats de qualité de service.',
  loading: 'Chargement des résultats…',
  notFound: 'Aucun service public ne porte le code «\u00a0{code}\u00a0»\u00a0: ses résultats ne peuvent pas être affichés.',
  noStructure: 'Aucun service public n’est indiqué\u00a0: ajoutez l’attribut structure (le code SP+).',
  down: 'Les résultats ne peuvent pas être affichés pour le moment. Vérifiez votre connexion, puis réessayez.',
  malformed: 'Les résultats reçus sont illisibles. Réessayez dans quelques instants.',
  config:
    'Ces résultats ne peuvent pas être affichés\u00a0: le portail de données ouvertes ne connaît pas le jeu de données ou le champ demandé. Webmestre\u00a0: vérifiez les attributs portal et dataset-… de ce bloc.',
  tooMany: 'Trop de demandes en ce moment.',
  retryIn: 'Réessayez dans {delay}.',
  retrySoon: 'Réessayez dans quelques instants.',
  retry: 'Réessayer',
  feedback: 'Donnez votre avis',
  feedbackIntro: 'Votre expérience nous aide à nous améliorer.',
  qrAlt: 'Code QR vers nos résultats en ligne',
  qrCaption: 'Nos résultats à jour, en ligne\u00a0:',
  quarter: '{n}e trimestre {year}',
  quarter1: '1er trimestre {year}',
  quarterShort: 'T{n} {year}',
  half: '{n}e semestre {year}',
  half1: '1er semestre {year}',
  halfShort: 'S{n} {year}',
  point: 'point',
  points: 'points',
  outOf10: '{value} sur 10',
};

export type ResultsKey = keyof typeof RESULTS_FR;
export type ResultsStrings = Record<ResultsKey, string>;

/** What the element hands its history part: in English the history's strings too (French ones come with the history). */
export type ResultsTable = ResultsStrings & Partial<HistoryStrings>;

/** The strings in the element's language; English is a chunk of its own: French pages (most of them) never download it. */
export const resultsStrings = lazyStrings<ResultsTable>(RESULTS_FR, () =>
  import('./results.strings.en.js').then((m) => ({ ...m.RESULTS_EN, ...m.HISTORY_EN })),
);
