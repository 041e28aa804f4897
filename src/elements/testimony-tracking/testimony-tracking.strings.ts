import type { Lang } from '../../contract/common.js';

/** French, the reference: English must give every key (the type says so). */
const fr = {
  title: 'Suivi de votre témoignage',
  loading: 'Chargement du suivi…',
  missing: 'Ce lien de suivi est incomplet. Ouvrez le lien reçu après l’envoi de votre témoignage, en entier.',
  notFound: 'Aucun témoignage ne correspond à ce lien. Vérifiez que vous avez copié le lien en entier.',
  failed: 'Le suivi n’a pas pu être chargé. Vérifiez votre connexion puis réessayez.',
  retry: 'Réessayer',
  reference: 'Référence',
  sentOn: 'Envoyé le {date}',
  about: 'Service(s) concerné(s)\u00a0: {names}',
  status: {
    pending: 'En cours de relecture',
    published: 'Publié',
    answered: 'Publié, avec une réponse',
    rejected: 'Non publié',
  },
  statusText: {
    pending: 'Votre témoignage est relu avant publication, pour vérifier qu’il respecte la charte (pas de données personnelles, pas de propos injurieux). Cela prend en général quelques jours.',
    published: 'Votre témoignage est publié depuis le {date}. Le service n’a pas encore répondu.',
    answered: 'Votre témoignage est publié depuis le {date}, et le service y a répondu.',
    rejected: 'Votre témoignage n’a pas été publié\u00a0: {reason}',
  },
  reasons: {
    personal_data: 'il contenait des données personnelles.',
    insults: 'il contenait des propos injurieux.',
    out_of_scope: 'il ne concernait pas un service public.',
    individual_complaint: 'il s’agissait d’une réclamation individuelle, à adresser directement au service.',
    duplicate: 'il faisait doublon avec un autre témoignage.',
    spam: 'il a été considéré comme indésirable.',
  },
  unknownReason: 'il ne respectait pas la charte de modération.',
  replyFrom: 'Réponse de {name}, le {date}',
};

export type TrackingStrings = typeof fr;

const en: TrackingStrings = {
  title: 'Your testimony’s status',
  loading: 'Loading the status…',
  missing: 'This tracking link is incomplete. Open the whole link you received after sending your testimony.',
  notFound: 'No testimony matches this link. Check that you copied the whole link.',
  failed: 'The status could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  reference: 'Reference',
  sentOn: 'Sent on {date}',
  about: 'Service(s) concerned: {names}',
  status: {
    pending: 'Being reviewed',
    published: 'Published',
    answered: 'Published, with a reply',
    rejected: 'Not published',
  },
  statusText: {
    pending: 'Your testimony is reviewed before publication, to check that it follows the charter (no personal data, no insults). This usually takes a few days.',
    published: 'Your testimony has been published since {date}. The service has not replied yet.',
    answered: 'Your testimony has been published since {date}, and the service has replied.',
    rejected: 'Your testimony was not published: {reason}',
  },
  reasons: {
    personal_data: 'it contained personal data.',
    insults: 'it contained insults.',
    out_of_scope: 'it was not about a public service.',
    individual_complaint: 'it was an individual complaint, to be sent to the service directly.',
    duplicate: 'it duplicated another testimony.',
    spam: 'it was considered unwanted.',
  },
  unknownReason: 'it did not follow the moderation charter.',
  replyFrom: 'Reply from {name}, on {date}',
};

export const STRINGS: Record<Lang, TrackingStrings> = { fr, en };
