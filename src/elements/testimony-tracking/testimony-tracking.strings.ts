import { lazyStrings } from '../../internal/i18n.js';

/**
 * French strings of `<spp-testimony-tracking>`, the reference; English is `testimony-tracking.strings.en.ts`, typed by
 * this table and downloaded only by English pages.
 */
export const TRACKING_FR = {
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

export type TrackingStrings = typeof TRACKING_FR;

/** The element's words in its language (`undefined` while English downloads). */
export const trackingStrings = lazyStrings<TrackingStrings>(TRACKING_FR, () =>
  import('./testimony-tracking.strings.en.js').then((m) => m.TRACKING_EN),
);
