import { lazyStrings } from '../internal/i18n.js';
import type { ImprovementStatus } from '../contract/improvement.js';

export const IMPROVEMENT_FR = {
  title: 'Plan d’amélioration',
  intro: 'Ce que les usagers vous ont dit et ce que vous avez fait. Chaque action est publiée aussitôt sur les pages de la structure.',
  structure: 'Structure',
  loading: 'Chargement du plan…',
  empty: 'Aucune action dans le plan de cette structure.',
  listTitle: 'Actions publiées',
  youSaid: 'Vous nous avez dit…',
  weDid: 'Nous avons fait…',
  // Under an action of the list, as the public plan says it: what is planned is not "done".
  weDid_in_progress: 'Nous faisons…',
  weDid_planned: 'Nous allons faire…',
  engagement: 'Engagement concerné',
  tag: 'Thème (facultatif)',
  noTag: 'Aucun thème',
  status: 'Statut',
  date: 'Date (prévue, de début ou de réalisation)',
  add: 'Ajouter au plan',
  adding: 'Enregistrement…',
  added: 'Action ajoutée au plan et publiée.',
  markDone: 'Marquer comme réalisée aujourd’hui',
  markedDone: 'Action marquée comme réalisée.',
  formTitle: 'Nouvelle action',
  errorSummary: 'Le formulaire contient {count}\u00a0erreurs\u00a0:',
  retry: 'Réessayer',
  failed: 'L’enregistrement a échoué\u00a0: {reason}',
  loadFailed: 'Le plan n’a pas pu être chargé\u00a0: {reason}',
  statusLine: '{status} · {date}',
  testimonies: 'Témoignages à l’origine de l’action (facultatif)',
  testimoniesHint: 'Leurs références, séparées par des virgules, par exemple SPP-7K2M-Q9XD. Les témoignages publiés sont cités sous l’action.',
  errorSummary_one: 'Le formulaire contient {count}\u00a0erreur\u00a0:',
  cited_one: 'Suite à {count} témoignage',
  cited_other: 'Suite à {count} témoignages',
  edit: 'Modifier',
  editTitle: 'Modifier l’action',
  save: 'Enregistrer l’action',
  saved: 'Action modifiée.',
  delete: 'Supprimer',
  confirmDelete: 'Confirmer la suppression',
  deleted: 'Action supprimée du plan.',
  cancel: 'Annuler',
  statusLabels: { planned: 'Prévue', in_progress: 'En cours', done: 'Réalisée' } satisfies Record<ImprovementStatus, string>,
};

export type ImprovementStrings = typeof IMPROVEMENT_FR;

/** The improvement plan screen of the agent page. French is the reference; English mirrors every key. */

/** In the element's language; English (`improvements.strings.en.ts`) is downloaded only in English. */
export const improvementStrings = lazyStrings<ImprovementStrings>(IMPROVEMENT_FR, () => import('./improvements.strings.en.js').then((m) => m.IMPROVEMENT_EN));
