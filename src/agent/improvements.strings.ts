import type { ImprovementStatus } from '../contract/improvement.js';

const FR = {
  title: 'Plan d’amélioration',
  intro: 'Ce que les usagers vous ont dit et ce que vous avez fait. Chaque action est publiée aussitôt sur les pages de la structure.',
  structure: 'Structure',
  loading: 'Chargement du plan…',
  empty: 'Aucune action dans le plan de cette structure.',
  listTitle: 'Actions publiées',
  youSaid: 'Vous nous avez dit…',
  weDid: 'Nous avons fait…',
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
  errorSummary: 'Le formulaire contient {count} erreur(s) :',
  retry: 'Réessayer',
  failed: 'L’enregistrement a échoué : {reason}',
  loadFailed: 'Le plan n’a pas pu être chargé : {reason}',
  statusLine: '{status} · {date}',
};

export type ImprovementStrings = Record<keyof typeof FR, string>;

/** The improvement plan screen of the agent page. French is the reference; English mirrors every key. */
export const IMPROVEMENT_STRINGS: Record<'fr' | 'en', ImprovementStrings> = {
  fr: FR,
  en: {
    title: 'Improvement plan',
    intro: 'What users told you and what you did. Each action is published at once on the structure’s pages.',
    structure: 'Structure',
    loading: 'Loading the plan…',
    empty: 'No action in this structure’s plan yet.',
    listTitle: 'Published actions',
    youSaid: 'You told us…',
    weDid: 'We did…',
    engagement: 'Engagement concerned',
    tag: 'Theme (optional)',
    noTag: 'No theme',
    status: 'Status',
    date: 'Date (planned, started or done)',
    add: 'Add to the plan',
    adding: 'Saving…',
    added: 'Action added to the plan and published.',
    markDone: 'Mark as done today',
    markedDone: 'Action marked as done.',
    formTitle: 'New action',
    errorSummary: 'The form has {count} error(s):',
    retry: 'Try again',
    failed: 'Saving failed: {reason}',
    loadFailed: 'The plan could not be loaded: {reason}',
    statusLine: '{status} · {date}',
  },
};

export const IMPROVEMENT_STATUS_LABELS: Record<'fr' | 'en', Record<ImprovementStatus, string>> = {
  fr: { planned: 'Prévue', in_progress: 'En cours', done: 'Réalisée' },
  en: { planned: 'Planned', in_progress: 'In progress', done: 'Done' },
};
