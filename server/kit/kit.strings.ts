/**
 * The communication kit's words in French: the reference table (English in `kit.strings.en.ts`, same keys). The
 * national texts come from the kit (seed document, sections I to V); `{name}` placeholders are filled by `format`
 * (server/i18n.ts) with the structure's name, commitments, figures and links; `_one` / `_other` keys are chosen by
 * count. Some French lines keep the kit's plain space before a colon (`figureLine`, `commitmentLine`…): that is the
 * text the kit has always printed.
 */
export const KIT_FR = {
  // The kit page.
  kitTitle: 'Kit de communication – {name}',
  intro:
    'Les textes ci-dessous reprennent le kit de communication Services Publics +, complétés avec vos engagements locaux et vos derniers résultats. Modifiez-les directement dans la page, puis copiez-les en texte ou en HTML.',
  keyMessages: 'Points clés à retenir',
  messagesBlock: 'Messages et chiffres à reprendre',
  keyFigures: 'Chiffres clés',
  ourFigures: 'Les résultats de {name}',
  articles: 'Articles prêts à publier',
  longArticle: 'Article version longue',
  shortArticle: 'Article version courte',
  posts: 'Messages pour les réseaux sociaux',
  postsHint: 'Chaque message fait au plus {max} caractères, lien compris.',
  characters: '{count} caractères',
  words: 'Les engagements et les propos d’usagers',
  wordsHint: 'Les propos d’usagers du kit national, à citer pour illustrer chaque engagement.',
  yourCommitments: 'Vos engagements locaux',
  noCommitment: 'Aucun engagement local n’est enregistré pour cet engagement.',
  quoteLabel: 'Propos d’usager',
  downloads: 'Téléchargements',
  engagementsA4: 'Affiche des 9 engagements (PDF, A4)',
  engagementsA3: 'Affiche des 9 engagements (PDF, A3)',
  resultsPdf: 'Affiche des résultats (PDF, A4)',
  signature: 'Bloc de signature pour vos e-mails (HTML)',
  images: 'Images pour les réseaux sociaux (PNG, 1\u202f200 × 630)',
  altText: 'Texte alternatif à joindre à l’image\u00a0:',
  download: 'Télécharger',
  copyText: 'Copier le texte',
  copyHtml: 'Copier le HTML',
  copyAlt: 'Copier le texte alternatif',
  copied: 'Copié dans le presse-papiers.',
  copyFailed: 'La copie a échoué\u00a0: sélectionnez le texte et copiez-le avec Ctrl+C.',
  noResults:
    'Aucun résultat de qualité de service n’est encore publié pour ce service\u00a0: le kit n’en parle pas. Publiez vos résultats, ils apparaîtront ici, dans les articles, les messages et l’affiche des résultats.',
  noResultsPdf: 'Aucun résultat de qualité de service n’est encore publié pour ce service.',
  updated: 'Résultats publiés le {date}.',
  notFoundTitle: 'Service introuvable',
  notFound: 'Aucun service ne porte ce code SP+. Vérifiez le lien, ou cherchez votre service dans le configurateur.',
  configurator: 'Ouvrir le configurateur',
  switchLang: 'English version',
  otherLang: 'en',
  editable: '{what} (modifiable)',
  site: 'Services Publics +',
  footer: 'Marques et textes issus du kit de communication Services Publics + (DITP). Polices des fichiers\u00a0: Source Sans Pro (licence SIL Open Font).',
  skip: 'Aller au contenu',
  spCode: 'code SP+',
  contents: 'Sommaire',

  // Section I: key messages and figures.
  message1:
    '{name} participe au programme d’amélioration continue «\u00a0Services Publics +\u00a0», qui prend la suite de la démarche «\u00a0Marianne\u00a0» de qualité de service pour des services publics toujours + proches, + simples, + efficaces.',
  message2:
    'Le programme est bâti autour de 9 engagements de service, construits avec les têtes de réseaux, les agents de terrain et les usagers. Ils constituent le socle commun de la promesse des services publics à l’utilisateur.',
  message3:
    'Le programme repose sur 4 piliers\u00a0: la promesse avec l’affichage des 9 engagements au niveau local\u00a0; la preuve avec l’affichage des résultats\u00a0; l’écoute des usagers, qui peuvent faire remonter leur témoignage, positif comme négatif\u00a0; l’amélioration continue au niveau de chaque site, en associant les agents et les usagers.',
  messageLocal_one: '{name} complète les engagements nationaux par {count} engagement local.',
  messageLocal_other: '{name} complète les engagements nationaux par {count} engagements locaux.',
  messageFigures_one: '{name} publie {count} indicateur de qualité de service\u00a0: {link}',
  messageFigures_other: '{name} publie {count} indicateurs de qualité de service\u00a0: {link}',
  messageForm: 'Les usagers peuvent raconter leur expérience avec {name} et lire ses réponses\u00a0: {link}',
  national1: 'Depuis 2016, plus de 4\u202f500 organismes publics se sont engagés à leur initiative à respecter les engagements visant à améliorer la qualité de service.',
  national2:
    '71\u00a0% des Français sont en relation au moins une fois par an avec l’un des 18 plus grands réseaux de service public concernés (étude Kantar 2020 pour le compte de la DITP)\u00a0; près de 47 millions de Français bénéficient des engagements Services Publics +.',
  national3: '69\u00a0% des Français ont plutôt confiance dans l’administration (Baromètre Delouvrier, 2019).',
  national4:
    '58\u00a0% des Français souhaitent plus de rapidité, 42\u00a0% plus de simplicité, 34\u00a0% une meilleure égalité des services publics sur les territoires et 25\u00a0% un suivi plus personnalisé (Baromètre Delouvrier, 2019).',
  figureLine: '{label} : {value} ({period}{target})',
  figureTarget: ', objectif {target}',
  commitmentLine: 'Engagement {n}{keyword} : {text}',

  // Section II a: the long article.
  longTitle: '{name} s’engage avec Services Publics +\u00a0: pour des services publics plus proches, plus simples, plus efficaces',
  longIntro1:
    'Depuis plusieurs années, les services de l’État travaillent à améliorer l’accueil de leurs usagers, qu’il s’agisse d’un accueil physique ou en ligne, par téléphone ou par courrier, grâce aux engagements Marianne. Ces engagements ont déjà été déployés par plus de 4\u202f500 organismes publics volontaires. De profonds changements dans l’organisation des services concernés sont déjà visibles\u00a0!',
  longIntro2:
    'Toutefois, les Français(e)s expriment des attentes fortes en termes de qualité de service, de simplification et d’écoute\u00a0: 58\u00a0% des Français souhaitent plus de rapidité, 42\u00a0% plus de simplicité, 34\u00a0% une meilleure égalité des services publics sur les territoires et 25\u00a0% un suivi plus personnalisé (Baromètre Delouvrier, 2019).',
  longIntro3:
    'C’est pour faire progresser encore davantage la qualité du service rendu et développer la confiance entre l’administration et les usagers que le Gouvernement propose à l’ensemble des services publics en relation avec les usagers un programme unifié d’amélioration continue centré sur l’expérience usager\u00a0: Services Publics +. {name} ({network}) affiche ses 9 engagements et les met en œuvre au quotidien.',
  longEngagements: 'Les engagements Services Publics +',
  longCommitments: 'Les engagements locaux de {name}',
  longResultsTitle: 'Rendre compte des résultats de qualité de service (engagement 6)',
  longResults: '{name} rend compte de ses résultats, à la fois en termes de performance et de satisfaction, dans ses locaux et sur internet{date} :',
  longResultsDate: ' (dernière publication\u00a0: {date})',
  longAllResults: 'Tous nos résultats et leur évolution\u00a0: {link}',
  longOpinionTitle: 'Vos avis sont pris en compte (engagement 7)',
  longOpinion:
    'Vous pouvez raconter votre expérience avec {name}, positive comme négative, et proposer des améliorations\u00a0: {form}. Nous vous répondons publiquement\u00a0; les témoignages et nos réponses sont consultables ici\u00a0: {testimonies}',
  longHowTitle: 'Comment les engagements ont-ils été élaborés\u00a0?',
  longHow:
    'Les engagements ont été élaborés en commun par la Direction interministérielle de la transformation publique et un échantillon d’agents représentant les administrations en relation avec le public, lors de trois ateliers entre septembre et novembre 2019. En octobre 2019, ils ont été testés auprès de deux groupes d’usagers.',

  // Section II b: the short article.
  shortTitle: 'Services Publics + à {name}\u00a0: 9 engagements pour un service public proche, simple et efficace',
  shortIntro:
    'Créés en 2005 avec les engagements Marianne et déjà déployés par plus de 4\u202f500 organismes publics, les engagements Services Publics + s’appliquent désormais à l’ensemble des services publics en relation avec les usagers. {name} les affiche et met l’accent sur une relation plus personnalisée, la bienveillance, une orientation facilitée, la joignabilité et le respect des délais annoncés.',
  shortCommitments: 'Nos engagements locaux :',
  shortResults: 'Nos derniers résultats (tous nos résultats\u00a0: {link}) :',
  shortForm: 'Racontez-nous votre expérience\u00a0: {link}',

  // Section IV: posts.
  postPromiseLabel: 'Le programme',
  postPromise:
    'Avec le programme Services Publics +, {name} vous fait la promesse d’un service public à la hauteur de vos attentes\u00a0: 9 engagements pour des services publics + proches, + simples, + efficaces. {link}',
  postEngagement: '[Engagement qualité #{n}] {name} : {text} #ServicesPublicsPlus {link}',
  postResultLabel: 'Résultat\u00a0: {label}',
  postResult: '[Engagement qualité #6] {label} : {value} {in} {period}{target}. {name} vous présente ses résultats de qualité de service en toute #transparence\u00a0: {link}',
  postResultIn: 'en',
  postResultInQuarter: 'au',
  postResultTarget: ' (objectif {target})',
  postOpinionLabel: 'Votre avis',
  postOpinion:
    '[Engagement qualité #7] Votre avis compte\u00a0! Partagez votre expérience avec {name}\u00a0: nous nous engageons à vous répondre et à améliorer nos services en conséquence. {link}',

  // Images for social networks and their alternative text.
  imageEngagementAlt: 'Services Publics + – {name} – Engagement {n} : {text}.{here}',
  imageFigureAlt: 'Services Publics + – {name} : {label} : {value}, {period}.{target}',
  imageAltTarget: ' Objectif {target}.',
  imageHere: 'Chez nous\u00a0: {commitment}',
  imageTarget: 'objectif {target}',

  // The e-mail signature.
  signatureTitle: 'Signature e-mail – {name}',
  signatureTagline: '9 engagements pour des services publics + proches, + simples, + efficaces',
  signatureResults: 'Nos résultats de qualité de service',
  signatureOpinion: 'Donnez votre avis sur nos services',

  // The public pages the kit's links and QR codes lead to.
  publicResultsTitle: 'Les résultats de {name}',
  publicTestimoniesTitle: 'Les témoignages sur {name}',
  publicTestimoniesLink: 'Les témoignages et nos réponses',
  publicResultsLink: 'Nos résultats de qualité de service',
  publicFormLink: 'Donnez votre avis sur nos services',

  // Periods: "3e trimestre 2026".
  quarterFirst: '1er trimestre {year}',
  quarter: '{n}e trimestre {year}',

  // The printable posters (pdf.ts).
  posterEngagementsTitle: 'Nos engagements de service',
  posterHere: 'Chez nous\u00a0:',
  posterOpinion: 'Votre avis compte',
  posterOpinionText: 'Racontez votre expérience avec {name}, positive ou négative\u00a0: scannez le code ou rendez-vous sur',
  posterResultsAt: 'Nos résultats de qualité de service\u00a0:',
  posterResultsTitle: 'Nos résultats de qualité de service',
  posterPublished: 'Résultats publiés le {date}',
  posterTarget: 'Objectif {target}',
  posterMet: 'atteint',
  posterNotMet: 'non atteint',
  posterColon: ' :',
  posterAllResults: 'Tous nos résultats et leur évolution',
  posterAllResultsText: 'Scannez le code ou rendez-vous sur',
  posterTellUs: 'Votre avis\u00a0:',
  posterQrForm: 'Code QR vers le formulaire de témoignage\u00a0: {url}',
  posterQrResults: 'Code QR vers nos résultats en ligne\u00a0: {url}',
  posterProgramme: 'Services Publics +\u00a0: le programme d’amélioration continue des services publics',
  posterEngagementsDoc: 'Les engagements Services Publics + – {name}',
  posterResultsDoc: 'Résultats de qualité de service – {name}',
};

export type KitStrings = typeof KIT_FR;
export type KitKey = keyof KitStrings;
