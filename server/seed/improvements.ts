import type { ImprovementStatus, Tag } from '../../src/contract/index.js';

export interface DemoImprovement {
  structure: string;
  engagement: number;
  tag: Tag | null;
  youSaid: string;
  weDid: string;
  status: ImprovementStatus;
  /** Days before the seed ran (negative: in the future, for planned actions). */
  daysAgo: number;
}

/** Invented improvement plans, in the "Vous nous avez dit... Nous avons fait..." form (demo data). */
export const DEMO_IMPROVEMENTS: DemoImprovement[] = [
  {
    structure: 'PREF-69',
    engagement: 5,
    tag: 'information',
    youSaid: 'Vous ne saviez pas où en était votre demande de titre de séjour une fois le dossier déposé.',
    weDid: 'Chaque étape du traitement s’affiche désormais dans votre espace, avec la date prévue de décision.',
    status: 'done',
    daysAgo: 40,
  },
  {
    structure: 'PREF-69',
    engagement: 3,
    tag: 'accessibility',
    youSaid: 'Déposer les documents en ligne est difficile sans scanner ni ordinateur.',
    weDid: 'Le point numérique de l’accueil est ouvert sans rendez-vous le mardi et le jeudi matin, avec un médiateur.',
    status: 'in_progress',
    daysAgo: 15,
  },
  {
    structure: 'PREF-69',
    engagement: 2,
    tag: 'reactivity',
    youSaid: 'Il est difficile de joindre le standard en début de semaine.',
    weDid: 'Deux agents supplémentaires répondront au téléphone le lundi et le mardi.',
    status: 'planned',
    daysAgo: -45,
  },
  {
    structure: 'CAF-69-VLB',
    engagement: 1,
    tag: 'accessibility',
    youSaid: 'Vous attendiez dehors, parfois sous la pluie, avant d’entrer à l’accueil.',
    weDid: 'Un ticket par SMS vous prévient quand votre tour approche : vous attendez où vous le souhaitez.',
    status: 'done',
    daysAgo: 5,
  },
  {
    structure: 'CAF-69',
    engagement: 5,
    tag: 'information',
    youSaid: 'Le site affichait « en cours de traitement » sans aucune date.',
    weDid: 'L’étape de traitement et la date prévue de décision s’affichent dans votre espace Mon Compte.',
    status: 'done',
    daysAgo: 30,
  },
  {
    structure: 'CAF-69',
    engagement: 2,
    tag: 'reactivity',
    youSaid: 'Au téléphone, personne ne pouvait dire où en était votre dossier.',
    weDid: 'Les conseillers du 3230 voient maintenant l’étape de traitement de chaque dossier et vous la donnent pendant l’appel.',
    status: 'in_progress',
    daysAgo: 12,
  },
  {
    structure: 'CAF-69',
    engagement: 3,
    tag: 'accessibility',
    youSaid: 'Les rendez-vous en visio ne sont proposés qu’en journée, pendant vos heures de travail.',
    weDid: 'Des rendez-vous en visio jusqu’à 19 h le mardi et le jeudi.',
    status: 'planned',
    daysAgo: -30,
  },
  {
    structure: 'SIP-PARIS-11',
    engagement: 5,
    tag: 'simplicity',
    youSaid: 'Les avis de régularisation étaient incompréhensibles sans venir au guichet.',
    weDid: 'Le modèle de courrier a été réécrit avec des usagers : plus court, il explique l’erreur et la marche à suivre.',
    status: 'done',
    daysAgo: 95,
  },
  {
    structure: 'MAIRIE-ANNECY',
    engagement: 2,
    tag: 'reactivity',
    youSaid: 'Les premiers rendez-vous pour un passeport étaient à six semaines.',
    weDid: 'Des créneaux supplémentaires le samedi matin d’avril à juin.',
    status: 'planned',
    daysAgo: -20,
  },
  {
    structure: 'MAIRIE-ANNECY',
    engagement: 5,
    tag: 'information',
    youSaid: 'Vous n’étiez pas sûrs que votre demande d’acte d’état civil en ligne avait bien été reçue.',
    weDid: 'Chaque demande reçoit un accusé de réception par courriel avec son numéro, et l’acte part sous cinq jours ouvrés.',
    status: 'done',
    daysAgo: 25,
  },
  {
    structure: 'MAIRIE-ANNECY',
    engagement: 3,
    tag: 'accessibility',
    youSaid: 'Il est difficile de suivre les explications au guichet quand on entend mal.',
    weDid: 'Une boucle magnétique au guichet 2 et des agents formés à l’accueil des personnes malentendantes.',
    status: 'in_progress',
    daysAgo: 10,
  },
];
