/**
 * Every word of the configurator, in French and English, in one table: the page's texts, then each element with
 * its options. Written for a town-hall webmaster: what the option changes on their page, in one line, never an
 * attribute name (those appear in the generated code only). French typography (no-break space before : ; ? !
 * and inside « ») is applied when a text is read (see `text()` in configurator.js), so the table stays readable.
 *
 * An option is one of:
 * - `cards`: a few radio cards (optionally with a picture), `choices` in order, the first one being the default;
 * - `engagements`: the 9 engagements as checkboxes (their official wording comes from the API);
 * - `level`: the heading level, `min` to `max`, "automatic" by default;
 * - `number`: a whole number between `min` and `max`, empty for the default;
 * - `url` / `text`: an address or an identifier, empty for the default;
 * - `checkbox`: on or off (off by default).
 * `when` shows an option only while another one has a given value. `attribute` is what the snippet writes.
 */

/** @typedef {{ fr: string, en: string }} Words */

export const PAGE = {
  title: { fr: 'Configurateur : ajoutez les widgets Services Publics+ à votre site', en: 'Configurator: add the Services Publics+ widgets to your site' },
  siteName: { fr: 'Services Publics+', en: 'Services Publics+' },
  siteTagline: { fr: 'Widgets pour les sites des services publics', en: 'Widgets for public service websites' },
  skipContent: { fr: 'Aller au contenu', en: 'Skip to content' },
  skipCode: { fr: 'Aller au code à copier', en: 'Skip to the code to copy' },
  quickAccess: { fr: 'Accès rapide', en: 'Quick access' },
  mainMenu: { fr: 'Menu principal', en: 'Main menu' },
  navState: { fr: 'Démo : site de l’État', en: 'Demo: a State website' },
  navTownHall: { fr: 'Démo : site de mairie', en: 'Demo: a town hall website' },
  navConfigurator: { fr: 'Configurateur', en: 'Configurator' },
  navApi: { fr: 'Documentation de l’API', en: 'API documentation' },
  otherLanguage: { fr: 'English', en: 'Français' },
  otherLanguageLabel: { fr: 'Read this page in English', en: 'Lire cette page en français' },
  otherLanguageCode: { fr: 'en', en: 'fr' },
  heading: { fr: 'Ajouter un widget à votre site', en: 'Add a widget to your site' },
  lead: {
    fr: 'Choisissez un widget, votre service et quelques options : l’aperçu se met à jour tout de suite. Copiez ensuite le code et collez-le dans votre page, ou dans un bloc « HTML personnalisé » de votre outil de gestion de site. Aucun compte, aucun cookie.',
    en: 'Choose a widget, your service and a few options: the preview updates at once. Then copy the code and paste it into your page, or into a “custom HTML” block of your site editor. No account, no cookie.',
  },
  loading: { fr: 'Chargement de la liste des widgets…', en: 'Loading the list of widgets…' },
  unavailable: {
    fr: 'Les widgets ne sont pas disponibles sur ce serveur pour le moment. Réessayez dans quelques minutes.',
    en: 'The widgets are not available on this server at the moment. Try again in a few minutes.',
  },
  noWidget: { fr: 'Aucun widget n’est encore publié sur ce serveur.', en: 'No widget is published on this server yet.' },

  stepWidget: { fr: '1. Le widget', en: '1. The widget' },
  stepService: { fr: '2. Votre service', en: '2. Your service' },
  stepOptions: { fr: '3. Les options', en: '3. The options' },
  stepEmbed: { fr: '4. La façon de l’intégrer', en: '4. How to embed it' },
  stepScript: { fr: '5. Les mises à jour', en: '5. Updates' },

  searchLabel: { fr: 'Rechercher votre service par nom, ville, code postal ou réseau', en: 'Find your service by name, town, postcode or network' },
  searchHint: { fr: 'Par exemple « CAF Lyon », « 69003 » ou « préfecture ».', en: 'For example “CAF Lyon”, a postcode or “préfecture”.' },
  searchFound: { fr: '{n} service trouvé.', en: '{n} service found.' },
  searchFoundMany: { fr: '{n} services trouvés.', en: '{n} services found.' },
  searchFirst: { fr: 'Les {n} premiers services trouvés : précisez la recherche pour voir les autres.', en: 'The first {n} services found: refine the search to see the others.' },
  searchNone: { fr: 'Aucun service ne correspond : essayez la ville ou le code postal.', en: 'No service matches: try the town or the postcode.' },
  searchFailed: { fr: 'La recherche ne répond pas. Vérifiez votre connexion et réessayez.', en: 'The search does not answer. Check your connection and try again.' },
  serviceList: { fr: 'Le service que le widget présente', en: 'The service the widget presents' },
  serviceCode: { fr: 'code {code}', en: 'code {code}' },
  serviceExample: { fr: 'un service d’exemple : cherchez le vôtre ci-dessus', en: 'an example service: look yours up above' },
  chosenService: { fr: 'Service choisi : {name}', en: 'Chosen service: {name}' },
  noService: { fr: 'aucun', en: 'none' },
  kitLink: {
    fr: 'Pour votre service communication : le kit de communication de ce service (articles, messages, affiches, signature, images).',
    en: 'For your communication team: this service’s communication kit (articles, posts, posters, e-mail signature, images).',
  },

  scriptPinned: { fr: 'Version {version} figée, avec contrôle d’intégrité (recommandé)', en: 'Fixed version {version}, with an integrity check (recommended)' },
  scriptPinnedHelp: {
    fr: 'Le navigateur refuse un fichier modifié ; vous changez de version quand vous le décidez, en revenant ici.',
    en: 'The browser refuses a modified file; you move to a newer version when you decide to, by coming back here.',
  },
  scriptLatest: { fr: 'Toujours la dernière version', en: 'Always the latest version' },
  scriptLatestHelp: { fr: 'Les améliorations arrivent d’elles-mêmes, sans contrôle d’intégrité.', en: 'Improvements arrive by themselves, without an integrity check.' },

  embedScript: { fr: 'Script seul', en: 'Script only' },
  embedScriptHelp: {
    fr: 'Le plus simple : une balise à coller, le script affiche le widget dans la page du visiteur.',
    en: 'The simplest: one tag to paste, the script shows the widget in the visitor’s page.',
  },
  embedHtml: { fr: 'HTML + script', en: 'HTML + script' },
  embedHtmlHelp: {
    fr: 'Votre serveur (CMS, générateur de site, CDN) insère dans la page le contenu du widget déjà prêt : il s’affiche tout de suite, même sans JavaScript, puis le script le rend interactif.',
    en: 'Your server (CMS, site generator, CDN) puts the widget’s ready-made content into the page: it shows at once, even without JavaScript, then the script makes it interactive.',
  },
  embedDocs: { fr: 'Mode d’emploi pour Drupal, WordPress, Hugo, Eleventy et les CDN.', en: 'How-to for Drupal, WordPress, Hugo, Eleventy and CDNs.' },
  snippetIncludeLine: {
    fr: '<!-- À l’endroit du widget, le HTML de cette adresse, inclus par votre serveur ; il apporte le script des widgets, sans autre ligne à ajouter (mode d’emploi : {docs}) : -->',
    en: '<!-- Where the widget goes, the HTML of this address, included by your server; it brings the widgets’ script, no other line to add (how-to: {docs}): -->',
  },
  snippetNoHtml: {
    fr: '<!-- L’option « {option} » n’existe qu’avec le script seul : voici ce code. -->',
    en: '<!-- The "{option}" option exists with the script only: here is that code. -->',
  },
  codeHeading: { fr: 'Le code à copier', en: 'The code to copy' },
  codeLabel: { fr: 'Code à coller dans votre page', en: 'Code to paste into your page' },
  codeExplained: {
    fr: 'La première ligne charge les widgets (une seule fois par page, même pour plusieurs widgets) ; la seconde affiche le widget à l’endroit précis où vous la collez.',
    en: 'The first line loads the widgets (once per page, even for several widgets); the second shows the widget exactly where you paste it.',
  },
  copy: { fr: 'Copier le code', en: 'Copy the code' },
  copied: { fr: 'Code copié. Collez-le dans votre page.', en: 'Code copied. Paste it into your page.' },
  copyManual: {
    fr: 'Copie automatique impossible : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C sur Mac).',
    en: 'Automatic copy is not possible: the code is selected, copy it with Ctrl+C (or Cmd+C on a Mac).',
  },

  cspHeading: { fr: 'Ce qu’il faut demander à la personne qui gère la sécurité de votre site', en: 'What to ask the person in charge of your site’s security' },
  cspIntro: {
    fr: 'Si votre site impose une politique de sécurité des contenus (souvent appelée CSP), elle doit autoriser :',
    en: 'If your site enforces a content security policy (often called CSP), it must allow:',
  },
  cspScripts: { fr: 'les scripts venant de {origin}, pour charger les widgets ;', en: 'scripts from {origin}, to load the widgets;' },
  cspConnect: { fr: 'les échanges de données avec {origins}, pour lire les informations affichées{send} ;', en: 'data exchanges with {origins}, to read what is shown{send};' },
  cspConnectSend: { fr: ' et envoyer les témoignages', en: ' and send the testimonies' },
  cspNothingElse: {
    fr: 'rien d’autre : ni image, ni police de caractères, ni style ou script écrit dans la page.',
    en: 'nothing else: no image, no font, no style or script written in the page.',
  },
  cspMessage: { fr: 'Le texte à lui transmettre, à ajouter à la politique existante :', en: 'The text to pass on, to be added to the existing policy:' },
  cspLabel: { fr: 'Règles de sécurité à ajouter', en: 'Security rules to add' },
  and: { fr: ' et ', en: ' and ' },

  previewHeading: { fr: 'Aperçu', en: 'Preview' },
  previewHint: { fr: 'Le widget tel qu’il s’affichera sur votre page, avec les vraies données du service.', en: 'The widget as it will show on your page, with the service’s real data.' },

  footerState: { fr: 'Démo d’un site de l’État', en: 'Demo of a State website' },
  footerTownHall: { fr: 'Démo d’un site de mairie', en: 'Demo of a town hall website' },
  footerApi: { fr: 'Documentation de l’API', en: 'API documentation' },
  automatic: { fr: 'Automatique', en: 'Automatic' },
  levelChoice: { fr: 'Titre de niveau {n}', en: 'Level {n} heading' },
  defaultValue: { fr: 'Par défaut : {value}', en: 'Default: {value}' },
  emptyDefault: { fr: 'Laissez vide pour garder le réglage par défaut.', en: 'Leave empty to keep the default.' },
  notANumber: { fr: 'Indiquez un nombre entier entre {min} et {max}.', en: 'Enter a whole number between {min} and {max}.' },
  notAnAddress: { fr: 'Indiquez une adresse complète, commençant par https://', en: 'Enter a full address, starting with https://' },
  engagementNumber: { fr: 'Engagement {n}', en: 'Commitment {n}' },
};

/** The options every element shares, referenced by the elements below. */
const THEME = {
  attribute: 'theme',
  kind: 'cards',
  always: true,
  label: { fr: 'Apparence', en: 'Look' },
  help: { fr: 'Choisissez selon le type de votre site.', en: 'Choose according to the kind of site you run.' },
  choices: [
    {
      value: 'dsfr',
      label: { fr: 'Aux couleurs de l’État', en: 'State colours' },
      help: { fr: 'Pour les sites de l’État : préfectures, caisses, services des impôts…', en: 'For State websites: prefectures, benefit offices, tax offices…' },
    },
    {
      value: 'neutral',
      label: { fr: 'Sobre', en: 'Plain' },
      help: { fr: 'Pour les collectivités et les sites qui n’utilisent pas le style de l’État.', en: 'For local authorities and sites that do not use the State style.' },
    },
  ],
};

const LANGUAGE = {
  attribute: 'lang',
  kind: 'cards',
  label: { fr: 'Langue du widget', en: 'Widget language' },
  help: { fr: 'Le widget parle la langue de votre page, sauf si vous en choisissez une.', en: 'The widget speaks the language of your page, unless you choose one.' },
  choices: [
    { value: '', label: { fr: 'Celle de votre page', en: 'That of your page' } },
    { value: 'fr', label: { fr: 'Français', en: 'French' } },
    { value: 'en', label: { fr: 'Anglais', en: 'English' } },
  ],
};

/** @param {number} min @param {number} max */
const headingLevel = (min, max) => ({
  attribute: 'heading-level',
  kind: 'level',
  min,
  max,
  label: { fr: 'Niveau du titre', en: 'Heading level' },
  help: {
    fr: 'Pour respecter le plan de votre page. En cas de doute, laissez « Automatique » : le widget le déduit de votre page.',
    en: 'To fit your page’s outline. If in doubt, keep “Automatic”: the widget works it out from your page.',
  },
});

/** @param {Words} label @param {Words} help @param {string} attribute */
const address = (attribute, label, help) => ({ attribute, kind: 'url', label, help });

export const ELEMENTS = {
  'spp-engagements': {
    name: { fr: 'Les 9 engagements', en: 'The 9 commitments' },
    help: { fr: 'La promesse de Services Publics+ à vos usagers, avec les engagements propres à votre service.', en: 'The Services Publics+ promise to your users, with your service’s own commitments.' },
    service: 'optional',
    noService: { fr: 'Aucun service en particulier (les 9 engagements nationaux seuls)', en: 'No particular service (the 9 national commitments only)' },
    options: [
      {
        attribute: 'variant',
        kind: 'cards',
        pictures: true,
        label: { fr: 'Présentation', en: 'Layout' },
        help: { fr: 'La place que le bandeau prend sur votre page.', en: 'How much room the banner takes on your page.' },
        choices: [
          { value: 'full', label: { fr: 'Complète', en: 'Full' }, help: { fr: 'Les trois groupes et leurs 9 engagements, expliqués.', en: 'The three groups and their 9 commitments, explained.' } },
          { value: 'compact', label: { fr: 'Bandeau', en: 'Strip' }, help: { fr: 'Une ligne avec les 9 mots-clés, qui se déplie.', en: 'One line with the 9 keywords, which unfolds.' } },
          { value: 'badge', label: { fr: 'Macaron', en: 'Badge' }, help: { fr: 'Un petit logo qui mène à la liste complète.', en: 'A small logo leading to the full list.' } },
        ],
      },
      {
        attribute: 'highlight',
        kind: 'engagements',
        when: { attribute: 'variant', values: ['full', 'compact'] },
        label: { fr: 'Engagements à mettre en avant', en: 'Commitments to put forward' },
        help: { fr: 'Ceux que votre service veut souligner ; aucun coché, tous sont présentés de la même façon.', en: 'Those your service wants to stress; none ticked, all are shown alike.' },
      },
      {
        ...address('href', { fr: 'Page où mène le macaron', en: 'Page the badge leads to' }, { fr: 'Par exemple la page de votre site qui présente vos engagements. Sans adresse : le site national du programme.', en: 'For example the page of your site presenting your commitments. Without an address: the programme’s national site.' }),
        when: { attribute: 'variant', values: ['badge'] },
      },
      headingLevel(1, 6),
      LANGUAGE,
      THEME,
    ],
  },
  'spp-results': {
    name: { fr: 'Les résultats de qualité de service', en: 'Quality of service results' },
    help: { fr: 'Vos chiffres (délais, satisfaction…), vos objectifs et leur évolution, avec un graphique et son tableau.', en: 'Your figures (waiting times, satisfaction…), your targets and their trend, with a chart and its table.' },
    service: 'required',
    options: [
      address('feedback-href', { fr: 'Page de votre formulaire d’avis', en: 'Page of your feedback form' }, { fr: 'Ajoute un bouton « Donnez votre avis » qui y mène. Sans adresse, pas de bouton.', en: 'Adds a “Give your opinion” button leading there. Without an address, no button.' }),
      address('network-href', { fr: 'Page des résultats de tout votre réseau', en: 'Page of your whole network’s results' }, { fr: 'Ajoute un lien vers les résultats nationaux ou régionaux. Sans adresse, pas de lien.', en: 'Adds a link to the national or regional results. Without an address, no link.' }),
      { attribute: 'poster', kind: 'checkbox', label: { fr: 'Montrer l’affiche à imprimer', en: 'Show the poster to print' }, help: { fr: 'La page affiche les résultats au format d’une affiche A4, avec un code QR.', en: 'The page shows the results as an A4 poster, with a QR code.' } },
      address('results-url', { fr: 'Adresse du code QR de l’affiche', en: 'Address of the poster’s QR code' }, { fr: 'La page où mène le code QR imprimé. Sans adresse : la page où se trouve le widget.', en: 'The page the printed QR code leads to. Without an address: the page holding the widget.' }),
      {
        attribute: 'source',
        kind: 'cards',
        label: { fr: 'Origine des chiffres', en: 'Where the figures come from' },
        help: { fr: 'En cas de doute, gardez le premier choix.', en: 'If in doubt, keep the first choice.' },
        choices: [
          { value: 'api', label: { fr: 'Services Publics+', en: 'Services Publics+' }, help: { fr: 'Les chiffres publiés par votre service sur cette plateforme.', en: 'The figures your service published on this platform.' } },
          { value: 'opendata', label: { fr: 'Portail des données ouvertes', en: 'Open data portal' }, help: { fr: 'Les chiffres lus directement sur le portail national des données publiques.', en: 'The figures read directly from the national open data portal.' } },
        ],
      },
      { ...address('portal', { fr: 'Adresse du portail', en: 'Portal address' }, { fr: 'Sans adresse : le portail national Services Publics+.', en: 'Without an address: the national Services Publics+ portal.' }), when: { attribute: 'source', values: ['opendata'] } },
      { attribute: 'dataset-structures', kind: 'text', when: { attribute: 'source', values: ['opendata'] }, label: { fr: 'Identifiant du jeu de données des services', en: 'Identifier of the services data set' }, help: { fr: 'Seulement si le portail vous en a donné un autre que celui par défaut.', en: 'Only if the portal gave you one other than the default.' } },
      { attribute: 'dataset-indicators', kind: 'text', when: { attribute: 'source', values: ['opendata'] }, label: { fr: 'Identifiant du jeu de données des indicateurs', en: 'Identifier of the indicators data set' }, help: { fr: 'Seulement si le portail vous en a donné un autre que celui par défaut.', en: 'Only if the portal gave you one other than the default.' } },
      { attribute: 'dataset-results', kind: 'text', when: { attribute: 'source', values: ['opendata'] }, label: { fr: 'Identifiant du jeu de données des résultats', en: 'Identifier of the results data set' }, help: { fr: 'Seulement si le portail vous en a donné un autre que celui par défaut.', en: 'Only if the portal gave you one other than the default.' } },
      headingLevel(1, 4),
      LANGUAGE,
      THEME,
    ],
  },
  'spp-testimonies': {
    name: { fr: 'Les témoignages et vos réponses', en: 'Testimonies and your replies' },
    help: { fr: 'Les expériences racontées par vos usagers, avec les réponses publiques de votre service.', en: 'The experiences your users told, with your service’s public replies.' },
    service: 'required',
    options: [
      { attribute: 'page-size', kind: 'number', min: 1, max: 50, default: '10', label: { fr: 'Témoignages affichés à la fois', en: 'Testimonies shown at a time' }, help: { fr: 'Un bouton permet ensuite d’en voir plus. De 1 à 50, 10 par défaut.', en: 'A button then shows more. From 1 to 50, 10 by default.' } },
      headingLevel(2, 6),
      LANGUAGE,
      THEME,
    ],
  },
  'spp-improvements': {
    name: { fr: 'Le plan d’amélioration', en: 'The improvement plan' },
    help: { fr: '« Vous nous avez dit… Nous avons fait… » : ce que votre service change grâce aux avis.', en: '“You told us… We did…”: what your service changes thanks to feedback.' },
    service: 'required',
    options: [
      address('testimonies-href', { fr: 'Page de vos témoignages publiés', en: 'Page of your published testimonies' }, { fr: 'Les actions qui citent un témoignage y mèneront. Sans adresse, pas de lien.', en: 'Actions quoting a testimony will lead there. Without an address, no link.' }),
      headingLevel(2, 5),
      LANGUAGE,
      THEME,
    ],
  },
  'spp-testimony-form': {
    name: { fr: 'Le formulaire « Racontez votre expérience »', en: 'The “Tell us about your experience” form' },
    help: { fr: 'Vos usagers racontent leur expérience en quelques étapes ; rien de ce qu’ils écrivent ne se perd.', en: 'Your users tell their experience in a few steps; nothing they type is lost.' },
    service: 'optional',
    noService: { fr: 'Aucun service en particulier (la personne choisit elle-même le service)', en: 'No particular service (the person chooses the service)' },
    options: [
      {
        attribute: 'mode',
        kind: 'cards',
        label: { fr: 'Où s’affiche le formulaire', en: 'Where the form shows' },
        help: { fr: 'Selon la place dont vous disposez sur la page.', en: 'Depending on the room you have on the page.' },
        choices: [
          { value: 'inline', label: { fr: 'Dans la page', en: 'In the page' }, help: { fr: 'Le formulaire s’affiche là où vous collez le code.', en: 'The form shows where you paste the code.' } },
          { value: 'floating', label: { fr: 'Bouton flottant', en: 'Floating button' }, help: { fr: 'Un bouton en bas de l’écran ouvre le formulaire par-dessus la page.', en: 'A button at the bottom of the screen opens the form over the page.' } },
          { value: 'link', label: { fr: 'Simple lien', en: 'Plain link' }, help: { fr: 'Un lien vers le formulaire complet, hébergé par Services Publics+.', en: 'A link to the full form, hosted by Services Publics+.' } },
        ],
      },
      headingLevel(1, 5),
      LANGUAGE,
      THEME,
    ],
  },
};

/** An element this table does not describe yet (added to the package since): its common options only. */
export const UNKNOWN_ELEMENT = {
  name: { fr: 'Nouveau widget', en: 'New widget' },
  help: { fr: 'Ce widget n’est pas encore décrit ici ; seules les options communes sont proposées.', en: 'This widget is not described here yet; only the common options are offered.' },
  service: 'required',
  options: [LANGUAGE, THEME],
};

/** Where the configurator starts, so that every element previews at once: a service that exists in the demo data. */
export const DEFAULT_SERVICE = { code: 'PREF-69', name: 'Préfecture du Rhône' };
