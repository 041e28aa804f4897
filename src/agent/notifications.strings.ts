import { lazyStrings } from '../internal/i18n.js';
import type { MailKind } from '../contract/notifications.js';

/**
 * Words of the agent page's e-mail notifications screen (a manager's): the daily digest's recipients and hour,
 * and the e-mails not delivered yet. French is the reference; English mirrors every key. What the team screens
 * share (retry, loading, saving, failures, error summary) stays in team.strings.ts.
 */
export const NOTIFICATION_FR = {
  title: 'Notifications par e-mail',
  intro:
    'Chaque jour, après l’heure choisie, une synthèse des témoignages qui attendent une modération ou une réponse est envoyée aux destinataires ci-dessous\u00a0; aucune quand rien n’attend.',
  formTitle: 'Synthèse quotidienne',
  addresses: 'Destinataires de la synthèse',
  addressesHint: 'Jusqu’à {max} adresses. Sans destinataire, aucune synthèse n’est envoyée.',
  addressesEmpty: 'Aucun destinataire\u00a0: la synthèse n’est pas envoyée.',
  address: 'Adresse {n}',
  add: 'Ajouter une adresse',
  remove: 'Retirer',
  hour: 'Heure d’envoi (heure de Paris)',
  hourOption: '{hour}\u00a0h',
  save: 'Enregistrer la synthèse',
  saved: 'Synthèse enregistrée\u00a0: {count}\u00a0destinataires, envoi chaque jour après {hour}.',
  saved_one: 'Synthèse enregistrée\u00a0: {count}\u00a0destinataire, envoi chaque jour après {hour}.',
  deliveryTitle: 'E-mails non remis',
  deliveryCounts: '{pending} en attente d’envoi · {failed} en échec',
  deliveryFailedIntro:
    'Le serveur de messagerie a refusé ces e-mails après plusieurs tentatives. Sa réponse dit pourquoi, par exemple une adresse refusée\u00a0: vérifiez-la (parmi les destinataires ci-dessus pour une synthèse).',
  deliveryNone: 'Aucun e-mail en échec.',
  deliveryRefresh: 'Actualiser',
  reference: 'Témoignage',
  kind: 'E-mail',
  date: 'Créé le',
  attempts: 'Tentatives',
  answer: 'Réponse du serveur',
  noReference: '—',
  noAnswer: 'Aucune réponse',
  mailKindLabels: { published: 'Témoignage publié', replied: 'Réponse publiée', rejected: 'Témoignage non publié', digest: 'Synthèse quotidienne' } satisfies Record<MailKind, string>,
};

export type NotificationStrings = typeof NOTIFICATION_FR;

/** In the element's language; English (`notifications.strings.en.ts`) is downloaded only in English. */
export const notificationStrings = lazyStrings<NotificationStrings>(NOTIFICATION_FR, () => import('./notifications.strings.en.js').then((m) => m.NOTIFICATION_EN));
