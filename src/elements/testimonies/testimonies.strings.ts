import { LABELS_FR, type Labels } from '../../contract/labels.js';
import { FAILURE_FR, type FailureTable } from '../../internal/failure.strings.js';
import { lazyStrings } from '../../internal/i18n.js';

/** French strings of `<spp-testimonies>`; English is `testimonies.strings.en.ts`, downloaded only by English pages. */
export const TESTIMONIES_FR = {
  statsLabel: 'Nos réponses aux usagers',
  statPublished: 'Témoignages publiés',
  statRate: 'Taux de réponse',
  statDelay: 'Délai médian de réponse',
  lessThanADay: 'moins d’un jour',
  days_one: '{count}\u00a0jour',
  days_other: '{count}\u00a0jours',
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
  errorNoStructure: 'Aucun service indiqué\u00a0: ajoutez l’attribut structure (le code SP+ du service).',
  errorMore: 'Les témoignages suivants n’ont pas pu être chargés.',
  postedAs_user: 'Écrit par l’usager',
  postedAs_helper: 'Écrit par une personne qui accompagne l’usager',
};

export type TestimoniesStrings = typeof TESTIMONIES_FR;

/** The element's words and the shared labels (feelings, channels, tags), in the element's language. */
export const testimoniesStrings = lazyStrings<TestimoniesStrings & Labels & FailureTable>({ ...TESTIMONIES_FR, ...LABELS_FR, ...FAILURE_FR }, () =>
  import('./testimonies.strings.en.js').then((m) => ({ ...m.TESTIMONIES_EN, ...m.LABELS_EN, ...m.FAILURE_EN })),
);
