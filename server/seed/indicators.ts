import type { Direction, IndicatorFamily, UnitType } from '../../src/contract/index.js';

export interface DemoIndicator {
  code: string;
  label: string;
  originalLabel: string;
  family: IndicatorFamily;
  unitType: UnitType;
  unit: string;
  direction: Direction;
  target: number | null;
  methodology: string;
  sources: string;
  /** Typical value and quarter-to-quarter spread, for the generated history. */
  base: number;
  spread: number;
  /** Satisfaction values come from surveys with a sample size. */
  surveyed: boolean;
}

/** Indicator catalogue modelled on the families and units of the real open data (demo values). */
export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'IND-DECROCHE',
    label: 'Appels décrochés par un agent',
    originalLabel: 'Taux de décroché téléphonique',
    family: 'performance',
    unitType: 'percent',
    unit: '%',
    direction: 'higher',
    target: 85,
    methodology:
      'Part des appels reçus sur la ligne d’accueil auxquels un agent a répondu, hors appels raccrochés avant 10 secondes. Mesure continue par l’autocommutateur, agrégée par trimestre.',
    sources: 'Statistiques de la plateforme téléphonique',
    base: 90,
    spread: 3.5,
    surveyed: false,
  },
  {
    code: 'IND-DELAI-DOSSIER',
    label: 'Dossiers traités dans le délai annoncé',
    originalLabel: 'Respect du délai annoncé de traitement des demandes de prestation',
    family: 'performance',
    unitType: 'percent',
    unit: '%',
    direction: 'higher',
    target: 90,
    methodology: 'Part des demandes de prestation traitées dans le délai affiché (15 jours), sur les dossiers clos du trimestre.',
    sources: 'Système d’information de gestion des dossiers',
    base: 88,
    spread: 3,
    surveyed: false,
  },
  {
    code: 'IND-DELAI-REPONSE',
    label: 'Délai moyen de réponse à vos messages',
    originalLabel: 'Délai moyen de réponse aux courriels',
    family: 'performance',
    unitType: 'days',
    unit: 'jours',
    direction: 'lower',
    target: 5,
    methodology: 'Nombre moyen de jours ouvrés entre la réception d’un message (courriel ou messagerie sécurisée) et la réponse de l’agent.',
    sources: 'Outil de gestion des messages',
    base: 4.6,
    spread: 0.9,
    surveyed: false,
  },
  {
    code: 'IND-ATTENTE',
    label: 'Temps d’attente moyen à l’accueil',
    originalLabel: 'Temps d’attente moyen au guichet',
    family: 'performance',
    unitType: 'minutes',
    unit: 'minutes',
    direction: 'lower',
    target: 20,
    methodology: 'Temps moyen entre la prise de ticket et l’appel au guichet, mesuré par le système de gestion de file d’attente.',
    sources: 'Gestionnaire de file d’attente',
    base: 18,
    spread: 4,
    surveyed: false,
  },
  {
    code: 'IND-DELAI-CI',
    label: 'Délai de délivrance des certificats d’immatriculation',
    originalLabel: 'Délai moyen de délivrance des certificats d’immatriculation',
    family: 'performance',
    unitType: 'days',
    unit: 'jours',
    direction: 'lower',
    target: 7,
    methodology: 'Nombre moyen de jours entre une demande complète et la production du titre.',
    sources: 'Agence nationale des titres sécurisés',
    base: 5,
    spread: 1.2,
    surveyed: false,
  },
  {
    code: 'IND-DELAI-PC',
    label: 'Délai de délivrance des permis de conduire',
    originalLabel: 'Délai moyen de délivrance des permis de conduire',
    family: 'performance',
    unitType: 'days',
    unit: 'jours',
    direction: 'lower',
    target: 21,
    methodology: 'Nombre moyen de jours entre une demande complète et la production du titre.',
    sources: 'Agence nationale des titres sécurisés',
    base: 24,
    spread: 4,
    surveyed: false,
  },
  {
    code: 'IND-27',
    label: 'Usagers satisfaits',
    originalLabel: 'Taux de satisfaction des usagers',
    family: 'satisfaction',
    unitType: 'percent',
    unit: '%',
    direction: 'higher',
    target: 80,
    methodology:
      'Part des répondants « satisfaits » ou « très satisfaits » à l’enquête proposée après un contact (accueil, téléphone ou en ligne). Sous 100 réponses, le résultat n’est pas significatif.',
    sources: 'Enquête de satisfaction à chaud',
    base: 79,
    spread: 3,
    surveyed: true,
  },
  {
    code: 'IND-NET',
    label: 'Taux net de satisfaction',
    originalLabel: 'Taux net de satisfaction',
    family: 'satisfaction',
    unitType: 'points',
    unit: 'points',
    direction: 'higher',
    target: 30,
    methodology: 'Part des usagers satisfaits moins part des usagers insatisfaits, en points, sur l’enquête trimestrielle.',
    sources: 'Enquête trimestrielle',
    base: 31,
    spread: 6,
    surveyed: true,
  },
  {
    code: 'IND-NOTE',
    label: 'Note moyenne donnée par les usagers',
    originalLabel: 'Note de satisfaction globale sur 10',
    family: 'satisfaction',
    unitType: 'score10',
    unit: '/10',
    direction: 'higher',
    target: 8,
    methodology: 'Moyenne des notes de 0 à 10 données à la question « De façon générale, comment ça s’est passé ? ». Vert à partir de 8, jaune de 5 à 8, rouge sous 5.',
    sources: 'Enquête « Je donne mon avis »',
    base: 7.7,
    spread: 0.4,
    surveyed: true,
  },
  {
    code: 'IND-EN-LIGNE-8',
    label: 'Démarches en ligne notées 8/10 ou plus',
    originalLabel: 'Part des démarches en ligne notées au moins 8/10',
    family: 'satisfaction',
    unitType: 'percent',
    unit: '%',
    direction: 'higher',
    target: 70,
    methodology: 'Part des avis « Je donne mon avis » d’au moins 8/10 sur les démarches en ligne du réseau, sur le trimestre.',
    sources: 'Observatoire de la qualité des démarches en ligne',
    base: 66,
    spread: 4,
    surveyed: true,
  },
];
