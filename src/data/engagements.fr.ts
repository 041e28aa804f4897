import type { EngagementsResponse } from '../contract/engagement.js';

/**
 * The 9 engagements in the exact wording of the official communication kit (DITP, "article version longue"),
 * with the citizen quotes of its section V. Engagement 6 has no quote of its own: in section V the words placed
 * before it illustrate engagements 6 and 7 together, so both show them under "Pourquoi cet engagement ?" (as the
 * communication kit does). The keyword is the short label (the compact banner, the improvement plan): the words
 * the kit sets in bold, except for engagements 5 and 8 where it bolds two phrases, shortened to a label of our own.
 * Shipped inside the bundle so the banner works with no API, and used by the server's seed.
 */
export const ENGAGEMENTS_FR: EngagementsResponse = {
  version: '2020',
  lang: 'fr',
  translated: false,
  pillars: [
    {
      id: 'proches',
      title: 'Des services publics + proches',
      engagements: [
        {
          number: 1,
          pillar: 'proches',
          keyword: 'Bienveillance',
          text: "Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance, et dans les conditions prévues par la loi vous avez le droit à l’erreur",
          emphasis: ['bienveillance'],
          quote: "Les démarches administratives sont complexes, j’aimerais au moins être bien accueilli, même lorsque je me suis trompé...",
        },
        {
          number: 2,
          pillar: 'proches',
          keyword: 'Joignables',
          text: 'Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne',
          emphasis: ['joignables'],
          quote: 'Je me sens un peu seule devant mon écran quand je dois faire une démarche en ligne... Je passe des heures au téléphone à essayer de joindre une administration...',
        },
        {
          number: 3,
          pillar: 'proches',
          keyword: 'Accompagnement',
          text: "Vous bénéficiez d’un accompagnement adapté à votre situation personnelle",
          emphasis: ['accompagnement'],
          quote: "Je suis une citoyenne comme les autres, mon handicap ne doit pas m’empêcher de faire mes démarches comme les autres...",
        },
      ],
    },
    {
      id: 'efficaces',
      title: 'Des services publics + efficaces',
      engagements: [
        {
          number: 4,
          pillar: 'efficaces',
          keyword: 'Orientons',
          text: 'Nous vous orientons vers la personne compétente pour traiter votre demande',
          emphasis: ['orientons'],
          quote: 'Je dois toujours passer par plusieurs services avant de tomber sur le bon. Je perds du temps...',
        },
        {
          number: 5,
          pillar: 'efficaces',
          keyword: 'Réponse et suivi',
          text: "Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l’avancement de votre dossier",
          emphasis: ['réponse', 'informés'],
          quote: "Je ne sais jamais quand l’administration va me répondre. Et quand elle le fait, j’ai parfois du mal à comprendre ce qu’elle me dit...",
        },
        {
          number: 6,
          pillar: 'efficaces',
          keyword: 'Résultats',
          text: 'Vous avez accès à nos résultats de qualité de service',
          emphasis: ['résultats'],
          // Written out twice rather than shared through a constant: gzip makes the repeat nearly free, and the
          // banner's budget (12 KB) has no room for the few bytes a hoisted constant costs.
          quote: "En tant qu’utilisateur, je suis bien placé pour dire ce qui fonctionne ou pas dans les services publics, mais on ne me demande pas vraiment mon avis...",
        },
      ],
    },
    {
      id: 'simples',
      title: 'Des services publics + simples',
      engagements: [
        {
          number: 7,
          pillar: 'simples',
          keyword: 'Avis',
          text: 'Vos avis sont pris en compte pour améliorer et simplifier nos démarches',
          emphasis: ['avis'],
          quote: "En tant qu’utilisateur, je suis bien placé pour dire ce qui fonctionne ou pas dans les services publics, mais on ne me demande pas vraiment mon avis...",
        },
        {
          number: 8,
          pillar: 'simples',
          keyword: 'Amélioration continue',
          text: 'Nous développons en permanence nos compétences et nous améliorons en continu',
          emphasis: ['nos compétences', 'améliorons en continu'],
          quote: "Je sais que répondre aux usagers ça n’est pas toujours facile, j’aimerais savoir comment on aide les agents à bien faire leur travail...",
        },
        {
          number: 9,
          pillar: 'simples',
          keyword: 'Éco-responsables',
          text: 'Nous sommes éco-responsables',
          emphasis: ['éco-responsables'],
          quote: "J’essaie d’agir au quotidien pour l’environnement mais à quoi bon si les services publics ne le font pas de leur côté...",
        },
      ],
    },
  ],
};
