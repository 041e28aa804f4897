import type { ChannelUse, Feeling, PostedAs, Tag } from '../../src/contract/index.js';

export interface DemoTestimony {
  structures: string[];
  feeling: Feeling;
  title: string;
  body: string;
  channels: ChannelUse[];
  tags: Tag[];
  postedAs: PostedAs;
  /** Days before the seed ran. */
  writtenDaysAgo: number;
  /** `null`: still in moderation. */
  publishedDaysAgo: number | null;
  reply?: { structure: string; daysAgo: number; body: string; signature: string };
}

/** Invented, anonymised experiences in the tone of the real platform (demo data). */
export const DEMO_TESTIMONIES: DemoTestimony[] = [
  {
    structures: ['CAF-69'],
    feeling: 'positive',
    title: 'Un rendez-vous en visio qui m’a évité une demi-journée de congé',
    body: 'J’avais un doute sur la déclaration de mes ressources après un changement de situation. J’ai pris rendez-vous en ligne et une conseillère m’a rappelé en visio le surlendemain. Elle a vérifié le dossier avec moi et tout était réglé en vingt minutes.',
    channels: [
      { channel: 'online', feeling: 'positive' },
      { channel: 'chat', feeling: 'positive' },
    ],
    tags: ['reactivity', 'relation'],
    postedAs: 'user',
    writtenDaysAgo: 64,
    publishedDaysAgo: 61,
    reply: {
      structure: 'CAF-69',
      daysAgo: 58,
      body: 'Merci pour votre message. Les rendez-vous en visio ont été ouverts l’an dernier justement pour les personnes qui travaillent : nous transmettons vos remerciements à votre conseillère.',
      signature: 'Le service relation allocataires de la CAF du Rhône',
    },
  },
  {
    structures: ['CAF-69', 'CAF-69-VLB'],
    feeling: 'negative',
    title: 'Trois semaines sans nouvelles de mon dossier de prime d’activité',
    body: 'J’ai envoyé toutes les pièces demandées début du mois et le site affiche toujours « en cours de traitement » sans aucune date. Au téléphone on m’a dit de patienter, mais personne n’a pu me dire combien de temps. J’aimerais simplement savoir où en est le dossier.',
    channels: [
      { channel: 'phone', feeling: 'negative' },
      { channel: 'online', feeling: 'neutral' },
    ],
    tags: ['information', 'reactivity'],
    postedAs: 'user',
    writtenDaysAgo: 40,
    publishedDaysAgo: 37,
    reply: {
      structure: 'CAF-69',
      daysAgo: 33,
      body: 'Nous comprenons votre attente. Depuis ce mois-ci, l’étape de traitement et la date prévue de décision s’affichent dans votre espace Mon Compte. Votre témoignage a été transmis à l’équipe qui traite les primes d’activité.',
      signature: 'La direction de la CAF du Rhône',
    },
  },
  {
    structures: ['CAF-69-VLB'],
    feeling: 'neutral',
    title: 'Accueil correct mais file d’attente dehors',
    body: 'L’agent a été aimable et a répondu à ma question sur l’aide au logement. Par contre nous avons attendu quarante minutes sur le trottoir avant d’entrer, sans abri alors qu’il pleuvait. Un système de ticket par SMS serait bienvenu.',
    channels: [{ channel: 'counter', feeling: 'neutral' }],
    tags: ['accessibility'],
    postedAs: 'user',
    writtenDaysAgo: 20,
    publishedDaysAgo: 18,
  },
  {
    structures: ['CPAM-33'],
    feeling: 'positive',
    title: 'Carte Vitale refaite rapidement après un vol',
    body: 'Suite au vol de mon portefeuille, j’ai demandé une nouvelle carte Vitale depuis mon compte en ligne. La carte est arrivée en dix jours et l’attestation provisoire était téléchargeable tout de suite. Simple et efficace.',
    channels: [{ channel: 'online', feeling: 'positive' }],
    tags: ['simplicity', 'reactivity'],
    postedAs: 'user',
    writtenDaysAgo: 90,
    publishedDaysAgo: 88,
    reply: {
      structure: 'CPAM-33',
      daysAgo: 80,
      body: 'Merci d’avoir pris le temps de partager votre expérience. Bonne continuation !',
      signature: 'L’équipe de la CPAM de la Gironde',
    },
  },
  {
    structures: ['SIP-PARIS-11'],
    feeling: 'negative',
    title: 'Impossible de comprendre le courrier reçu',
    body: 'J’ai reçu un avis de régularisation avec des montants et des références d’articles de loi, sans explication en français courant. J’ai dû venir sur place pour comprendre qu’il s’agissait d’une simple erreur de case. Le courrier pourrait être plus clair.',
    channels: [
      { channel: 'mail', feeling: 'negative' },
      { channel: 'counter', feeling: 'positive' },
    ],
    tags: ['information', 'simplicity'],
    postedAs: 'user',
    writtenDaysAgo: 120,
    publishedDaysAgo: 115,
    reply: {
      structure: 'SIP-PARIS-11',
      daysAgo: 100,
      body: 'Vous avez raison : ce modèle de courrier a été réécrit avec des usagers et la nouvelle version, plus courte, explique l’erreur et la marche à suivre. Merci pour ce retour qui y a contribué.',
      signature: 'Le chef de service du SIP de Paris 11e',
    },
  },
  {
    structures: ['PREF-69'],
    feeling: 'positive',
    title: 'Le point numérique m’a aidée pour ma demande de titre de séjour',
    body: 'Je ne savais pas scanner mes documents. Le médiateur du point numérique m’a aidée à tout déposer sur le site en une demi-heure et m’a expliqué les prochaines étapes. Je suis repartie rassurée.',
    channels: [
      { channel: 'counter', feeling: 'positive' },
      { channel: 'online', feeling: 'neutral' },
    ],
    tags: ['accessibility', 'relation'],
    postedAs: 'helper',
    writtenDaysAgo: 30,
    publishedDaysAgo: 27,
    reply: {
      structure: 'PREF-69',
      daysAgo: 24,
      body: 'Merci pour ce témoignage, que nous avons partagé avec l’équipe du point numérique.',
      signature: 'Le service de l’accueil de la préfecture du Rhône',
    },
  },
  {
    structures: ['FS-CREST'],
    feeling: 'positive',
    title: 'Une aide précieuse pour la retraite de ma mère',
    body: 'J’accompagnais ma mère qui ne se sert pas d’internet. La conseillère a pris le temps de créer son compte retraite, de vérifier sa carrière et de prendre rendez-vous avec la caisse. Tout cela en une seule visite, à dix minutes de chez nous.',
    channels: [{ channel: 'counter', feeling: 'positive' }],
    tags: ['relation', 'accessibility'],
    postedAs: 'helper',
    writtenDaysAgo: 14,
    publishedDaysAgo: 12,
    reply: {
      structure: 'FS-CREST',
      daysAgo: 10,
      body: 'Merci beaucoup ! Nous sommes ouverts le samedi matin si votre mère a besoin de revenir.',
      signature: 'L’équipe de France Services de Crest',
    },
  },
  {
    structures: ['MAIRIE-ANNECY'],
    feeling: 'neutral',
    title: 'Prise de rendez-vous pour un passeport',
    body: 'Le site de prise de rendez-vous fonctionne bien mais les premiers créneaux étaient à six semaines. Le jour du rendez-vous tout s’est bien passé, en un quart d’heure. Peut-être ouvrir des créneaux supplémentaires avant l’été ?',
    channels: [
      { channel: 'online', feeling: 'neutral' },
      { channel: 'counter', feeling: 'positive' },
    ],
    tags: ['reactivity'],
    postedAs: 'user',
    writtenDaysAgo: 45,
    publishedDaysAgo: 43,
  },
  {
    structures: ['CAF-75'],
    feeling: 'negative',
    title: 'Message sans réponse',
    body: 'J’ai posé une question par la messagerie de mon compte il y a plusieurs semaines au sujet de la date de versement de mon allocation, et je n’ai toujours pas de réponse. Une réponse même courte m’aurait évité d’appeler plusieurs fois.',
    channels: [{ channel: 'email', feeling: 'negative' }],
    tags: ['reactivity'],
    postedAs: 'user',
    writtenDaysAgo: 6,
    publishedDaysAgo: null,
  },
];
