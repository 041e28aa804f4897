import type { MailKind } from '../contract/notifications.js';

/**
 * Words of the agent page's e-mail notifications screen (a manager's): the daily digest's recipients and hour,
 * and the e-mails not delivered yet. French is the reference; English mirrors every key. What the team screens
 * share (retry, loading, saving, failures, error summary) stays in team.strings.ts.
 */
const FR = {
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
};

export type NotificationStrings = Record<keyof typeof FR, string>;

export const NOTIFICATION_STRINGS: Record<'fr' | 'en', NotificationStrings> = {
  fr: FR,
  en: {
    title: 'E-mail notifications',
    intro:
      'Every day, after the chosen hour, a digest of the testimonies waiting for moderation or a reply is sent to the recipients below; none when nothing waits.',
    formTitle: 'Daily digest',
    addresses: 'Digest recipients',
    addressesHint: 'Up to {max} addresses. With no recipient, no digest is sent.',
    addressesEmpty: 'No recipient: the digest is not sent.',
    address: 'Address {n}',
    add: 'Add an address',
    remove: 'Remove',
    hour: 'Sending hour (Paris time)',
    hourOption: '{hour}:00',
    save: 'Save the digest',
    saved: 'Digest saved: {count} recipients, sent every day after {hour}.',
    saved_one: 'Digest saved: {count} recipient, sent every day after {hour}.',
    deliveryTitle: 'E-mails not delivered',
    deliveryCounts: '{pending} waiting to be sent · {failed} failed',
    deliveryFailedIntro:
      'The mail server refused these e-mails after several attempts. Its answer says why, a refused address for instance: check it (among the recipients above for a digest).',
    deliveryNone: 'No failed e-mail.',
    deliveryRefresh: 'Refresh',
    reference: 'Testimony',
    kind: 'E-mail',
    date: 'Created',
    attempts: 'Attempts',
    answer: 'Server answer',
    noReference: '—',
    noAnswer: 'No answer',
  },
};

/** The kinds of e-mail in words. */
export const MAIL_KIND_LABELS: Record<'fr' | 'en', Record<MailKind, string>> = {
  fr: { published: 'Témoignage publié', replied: 'Réponse publiée', rejected: 'Témoignage non publié', digest: 'Synthèse quotidienne' },
  en: { published: 'Testimony published', replied: 'Reply published', rejected: 'Testimony not published', digest: 'Daily digest' },
};
