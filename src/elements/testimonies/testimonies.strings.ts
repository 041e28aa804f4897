import type { Catalog } from '../../internal/i18n.js';
import type { Channel, Feeling, PostedAs, Tag } from '../../contract/testimony.js';

type Key =
  | 'statsLabel'
  | 'statPublished'
  | 'statRate'
  | 'statDelay'
  | 'lessThanADay'
  | 'filtersLegend'
  | 'feeling'
  | 'channel'
  | 'tag'
  | 'all'
  | 'clearFilters'
  | 'loading'
  | 'loadingMore'
  | 'shown_one'
  | 'shown_other'
  | 'shownMore_one'
  | 'shownMore_other'
  | 'moreAvailable'
  | 'noneYet'
  | 'noneMatch'
  | 'more'
  | 'retry'
  | 'published'
  | 'reply'
  | 'noReply'
  | 'channels'
  | 'tags'
  | 'structures'
  | 'errorNetwork'
  | 'errorTimeout'
  | 'errorServer'
  | 'errorBusy'
  | 'errorMalformed'
  | 'errorUnknownStructure'
  | 'errorNoStructure'
  | 'errorMore';

export const STRINGS: Catalog<Key> = {
  fr: {
    statsLabel: 'Nos réponses aux usagers',
    statPublished: 'Témoignages publiés',
    statRate: 'Taux de réponse',
    statDelay: 'Délai médian de réponse',
    lessThanADay: 'moins d’un jour',
    filtersLegend: 'Filtrer les témoignages',
    feeling: 'Ressenti',
    channel: 'Moyen de contact',
    tag: 'Thème',
    all: 'Tous',
    clearFilters: 'Effacer les filtres',
    loading: 'Chargement des témoignages…',
    loadingMore: 'Chargement de témoignages supplémentaires…',
    shown_one: '{count} témoignage affiché.',
    shown_other: '{count} témoignages affichés.',
    shownMore_one: '{count} témoignage de plus affiché.',
    shownMore_other: '{count} témoignages de plus affichés.',
    moreAvailable: 'D’autres sont disponibles avec «\u00a0Voir plus\u00a0».',
    noneYet: 'Aucun témoignage n’a encore été publié pour ce service.',
    noneMatch: 'Aucun témoignage ne correspond à ces critères. Essayez d’autres filtres ou effacez-les.',
    more: 'Voir plus de témoignages',
    retry: 'Réessayer',
    published: 'Publié le {date}',
    reply: 'Réponse de {name}',
    noReply: 'Pas encore de réponse.',
    channels: 'Contact',
    tags: 'Thèmes',
    structures: 'Service concerné',
    errorNetwork: 'Impossible de joindre le service\u00a0: vérifiez votre connexion internet, puis réessayez.',
    errorTimeout: 'Le service met trop de temps à répondre. Réessayez dans un instant.',
    errorServer: 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
    errorBusy: 'Trop de demandes en peu de temps. Réessayez dans quelques instants.',
    errorMalformed: 'La réponse du service est inattendue. Réessayez plus tard.',
    errorUnknownStructure: 'Aucun service ne porte le code «\u00a0{code}\u00a0». Vérifiez l’attribut structure de la page.',
    errorNoStructure: 'Aucun service indiqué\u00a0: ajoutez l’attribut structure (le code SP+ du service).',
    errorMore: 'Les témoignages suivants n’ont pas pu être chargés.',
  },
  en: {
    statsLabel: 'How we answer users',
    statPublished: 'Published experiences',
    statRate: 'Response rate',
    statDelay: 'Median reply time',
    lessThanADay: 'less than a day',
    filtersLegend: 'Filter experiences',
    feeling: 'Feeling',
    channel: 'Contact channel',
    tag: 'Theme',
    all: 'All',
    clearFilters: 'Clear filters',
    loading: 'Loading experiences…',
    loadingMore: 'Loading more experiences…',
    shown_one: '{count} experience shown.',
    shown_other: '{count} experiences shown.',
    shownMore_one: '{count} more experience shown.',
    shownMore_other: '{count} more experiences shown.',
    moreAvailable: 'More are available with “Show more”.',
    noneYet: 'No experience has been published for this service yet.',
    noneMatch: 'No experience matches these filters. Try other filters or clear them.',
    more: 'Show more experiences',
    retry: 'Try again',
    published: 'Published on {date}',
    reply: 'Reply from {name}',
    noReply: 'No reply yet.',
    channels: 'Contact',
    tags: 'Themes',
    structures: 'Service concerned',
    errorNetwork: 'The service cannot be reached: check your internet connection, then try again.',
    errorTimeout: 'The service is taking too long to answer. Try again in a moment.',
    errorServer: 'The service is temporarily unavailable. Try again in a few minutes.',
    errorBusy: 'Too many requests in a short time. Try again in a few moments.',
    errorMalformed: 'The service sent an unexpected answer. Try again later.',
    errorUnknownStructure: 'No service has the code “{code}”. Check the page’s structure attribute.',
    errorNoStructure: 'No service given: add the structure attribute (the service’s SP+ code).',
    errorMore: 'The next experiences could not be loaded.',
  },
};

export const FEELING_LABELS: Record<'fr' | 'en', Record<Feeling, string>> = {
  fr: { positive: 'Positif', neutral: 'Neutre', negative: 'Négatif' },
  en: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
};

export const CHANNEL_LABELS: Record<'fr' | 'en', Record<Channel, string>> = {
  fr: { counter: 'Accueil physique', phone: 'Téléphone', online: 'En ligne', mail: 'Courrier', email: 'E-mail', chat: 'Chat ou visio' },
  en: { counter: 'In person', phone: 'Phone', online: 'Online', mail: 'Post', email: 'E-mail', chat: 'Chat or video' },
};

export const TAG_LABELS: Record<'fr' | 'en', Record<Tag, string>> = {
  fr: {
    accessibility: 'Accessibilité',
    information: 'Information / explication',
    relation: 'Relation',
    reactivity: 'Réactivité',
    simplicity: 'Simplicité / complexité',
  },
  en: {
    accessibility: 'Accessibility',
    information: 'Information / explanation',
    relation: 'Relationship',
    reactivity: 'Responsiveness',
    simplicity: 'Simplicity / complexity',
  },
};

export const POSTED_AS_LABELS: Record<'fr' | 'en', Record<PostedAs, string>> = {
  fr: { user: 'Écrit par l’usager', helper: 'Écrit par une personne qui accompagne l’usager' },
  en: { user: 'Written by the user', helper: 'Written by someone helping the user' },
};
