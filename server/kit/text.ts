import type { Lang } from '../../src/contract/index.js';
import { commitmentsOf, type KitData } from './data.js';
import { formatDate } from './format.js';

/**
 * The kit's words: the national text of the communication kit (seed document, sections I to V) filled in with one
 * structure's name, local commitments, latest results and links. French is the reference; the English is our own
 * translation (there is no official one). Texts are returned as blocks so that the page, the PDFs and the
 * tests share one source.
 */

export type Block = { kind: 'h' | 'p'; text: string } | { kind: 'ul'; items: string[] };

export interface Post {
  id: string;
  /** What the post is about, shown above it ("Engagement 2"). */
  label: string;
  text: string;
}

/** A post may not exceed this (the length limit of the most restrictive network). */
export const POST_MAX = 280;

/** Shortens `part` with an ellipsis so that `build(part)` fits in `max` characters. */
export function fitText(build: (part: string) => string, part: string, max = POST_MAX): string {
  let text = build(part);
  if (text.length <= max) return text;
  const excess = text.length - max + 1;
  const cut = part.slice(0, Math.max(0, part.length - excess)).replace(/\s+\S*$/, '');
  text = build(`${cut}…`);
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const stripDot = (text: string) => text.replace(/[.\s]+$/, '');

export const UI = {
  fr: {
    kitTitle: (name: string) => `Kit de communication – ${name}`,
    intro:
      'Les textes ci-dessous reprennent le kit de communication Services Publics +, complétés avec vos engagements locaux et vos derniers résultats. Modifiez-les directement dans la page, puis copiez-les en texte ou en HTML.',
    keyMessages: 'Points clés à retenir',
    messagesBlock: 'Messages et chiffres à reprendre',
    keyFigures: 'Chiffres clés',
    ourFigures: (name: string) => `Les résultats de ${name}`,
    articles: 'Articles prêts à publier',
    longArticle: 'Article version longue',
    shortArticle: 'Article version courte',
    posts: 'Messages pour les réseaux sociaux',
    postsHint: `Chaque message fait au plus ${POST_MAX} caractères, lien compris.`,
    characters: (n: number) => `${n} caractères`,
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
    copied: 'Copié dans le presse-papiers.',
    copyFailed: 'La copie a échoué\u00a0: sélectionnez le texte et copiez-le avec Ctrl+C.',
    noResults:
      'Aucun résultat de qualité de service n’est encore publié pour ce service\u00a0: le kit n’en parle pas. Publiez vos résultats, ils apparaîtront ici, dans les articles, les messages et l’affiche des résultats.',
    noResultsPdf: 'Aucun résultat de qualité de service n’est encore publié pour ce service.',
    updated: (date: string) => `Résultats publiés le ${date}.`,
    notFoundTitle: 'Service introuvable',
    notFound: 'Aucun service ne porte ce code SP+. Vérifiez le lien, ou cherchez votre service dans le configurateur.',
    configurator: 'Ouvrir le configurateur',
    switchLang: 'English version',
    otherLang: 'en',
    editable: (what: string) => `${what} (modifiable)`,
    site: 'Services Publics +',
    footer: 'Marques et textes issus du kit de communication Services Publics + (DITP). Polices des fichiers\u00a0: Source Sans Pro (licence SIL Open Font).',
  },
  en: {
    kitTitle: (name: string) => `Communication kit – ${name}`,
    intro:
      'The texts below follow the Services Publics+ communication kit, filled in with your local commitments and your latest results. Edit them right in the page, then copy them as text or as HTML. The English wording is our own translation: the French kit is the reference.',
    keyMessages: 'Key messages',
    messagesBlock: 'Messages and figures to reuse',
    keyFigures: 'Key figures',
    ourFigures: (name: string) => `Results of ${name}`,
    articles: 'Articles ready to publish',
    longArticle: 'Long article',
    shortArticle: 'Short article',
    posts: 'Posts for social networks',
    postsHint: `Each post is at most ${POST_MAX} characters, link included.`,
    characters: (n: number) => `${n} characters`,
    words: 'The engagements and citizens’ words',
    wordsHint: 'Citizens’ words from the national kit, to quote with each engagement.',
    yourCommitments: 'Your local commitments',
    noCommitment: 'No local commitment is recorded for this engagement.',
    quoteLabel: 'A citizen’s words',
    downloads: 'Downloads',
    engagementsA4: 'Poster of the 9 engagements (PDF, A4)',
    engagementsA3: 'Poster of the 9 engagements (PDF, A3)',
    resultsPdf: 'Results poster (PDF, A4)',
    signature: 'E-mail signature block (HTML)',
    images: 'Images for social networks (PNG, 1,200 × 630)',
    altText: 'Alternative text to attach to the image:',
    download: 'Download',
    copyText: 'Copy text',
    copyHtml: 'Copy HTML',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying failed: select the text and copy it with Ctrl+C.',
    noResults:
      'No quality-of-service result is published yet for this service, so the kit leaves results out. Publish your results and they will show here, in the articles, the posts and the results poster.',
    noResultsPdf: 'No quality-of-service result is published yet for this service.',
    updated: (date: string) => `Results published on ${date}.`,
    notFoundTitle: 'Service not found',
    notFound: 'No service has this SP+ code. Check the link, or look for your service in the configurator.',
    configurator: 'Open the configurator',
    switchLang: 'Version française',
    otherLang: 'fr',
    editable: (what: string) => `${what} (editable)`,
    site: 'Services Publics+',
    footer: 'Marks and texts from the Services Publics+ communication kit (DITP). Font of the files: Source Sans Pro (SIL Open Font License).',
  },
} as const;

export type KitUi = (typeof UI)[Lang];

/** Section I: the national key messages, then the structure's own. */
export function keyMessages(data: KitData): string[] {
  const name = data.structure.name;
  const local = data.structure.commitments.length;
  if (data.lang === 'en') {
    return [
      `${name} takes part in Services Publics+, the programme that follows the "Marianne" quality approach, for public services that are always closer, simpler and more efficient.`,
      'The programme rests on 9 service engagements, built with network heads, front-line staff and citizens: they are the common promise of public services to their users.',
      'It stands on 4 pillars: the promise (the 9 engagements shown locally), the proof (results published), listening (citizens share their experience, positive or negative) and continuous improvement at each local site, with staff and users.',
      ...(local ? [`${name} adds ${local} local commitment${local > 1 ? 's' : ''} of its own to the national engagements.`] : []),
      ...(data.figures.length ? [`${name} publishes ${data.figures.length} quality-of-service indicator${data.figures.length > 1 ? 's' : ''}: ${data.links.results}`] : []),
      `Citizens can tell their experience of ${name} and read its replies: ${data.links.form}`,
    ];
  }
  return [
    `${name} participe au programme d’amélioration continue «\u00a0Services Publics +\u00a0», qui prend la suite de la démarche «\u00a0Marianne\u00a0» de qualité de service pour des services publics toujours + proches, + simples, + efficaces.`,
    'Le programme est bâti autour de 9 engagements de service, construits avec les têtes de réseaux, les agents de terrain et les usagers. Ils constituent le socle commun de la promesse des services publics à l’utilisateur.',
    'Le programme repose sur 4 piliers\u00a0: la promesse avec l’affichage des 9 engagements au niveau local\u00a0; la preuve avec l’affichage des résultats\u00a0; l’écoute des usagers, qui peuvent faire remonter leur témoignage, positif comme négatif\u00a0; l’amélioration continue au niveau de chaque site, en associant les agents et les usagers.',
    ...(local ? [`${name} complète les engagements nationaux par ${local} ${local > 1 ? 'engagements locaux' : 'engagement local'}.`] : []),
    ...(data.figures.length ? [`${name} publie ${data.figures.length} indicateur${data.figures.length > 1 ? 's' : ''} de qualité de service\u00a0: ${data.links.results}`] : []),
    `Les usagers peuvent raconter leur expérience avec ${name} et lire ses réponses\u00a0: ${data.links.form}`,
  ];
}

/** Section I: the national key figures (with their sources). */
export function nationalFigures(lang: Lang): string[] {
  if (lang === 'en') {
    return [
      'Since 2016, more than 4,500 public bodies have committed, on their own initiative, to the quality engagements.',
      '71% of French people deal at least once a year with one of the 18 largest public service networks concerned (Kantar study 2020 for the DITP); about 47 million people benefit from the Services Publics+ engagements.',
      '69% of French people rather trust the administration (Delouvrier barometer, 2019).',
      '58% of French people want more speed, 42% more simplicity, 34% more equality of public services across the country and 25% a more personal follow-up (Delouvrier barometer, 2019).',
    ];
  }
  return [
    'Depuis 2016, plus de 4\u202f500 organismes publics se sont engagés à leur initiative à respecter les engagements visant à améliorer la qualité de service.',
    '71\u00a0% des Français sont en relation au moins une fois par an avec l’un des 18 plus grands réseaux de service public concernés (étude Kantar 2020 pour le compte de la DITP)\u00a0; près de 47 millions de Français bénéficient des engagements Services Publics +.',
    '69\u00a0% des Français ont plutôt confiance dans l’administration (Baromètre Delouvrier, 2019).',
    '58\u00a0% des Français souhaitent plus de rapidité, 42\u00a0% plus de simplicité, 34\u00a0% une meilleure égalité des services publics sur les territoires et 25\u00a0% un suivi plus personnalisé (Baromètre Delouvrier, 2019).',
  ];
}

/** The structure's figures, each with its period: "Appels décrochés par un agent : 92,4 % (3e trimestre 2026, objectif 85 %)". */
export function figureLines(data: KitData): string[] {
  return data.figures.map((f) => {
    const target = f.target ? (data.lang === 'en' ? `, target ${f.target}` : `, objectif ${f.target}`) : '';
    return `${f.label}${data.lang === 'en' ? ':' : ' :'} ${f.value} (${f.period}${target})`;
  });
}

function engagementLines(data: KitData): string[] {
  return data.engagements.map((e) => `${e.number}. ${e.text}`);
}

function commitmentLines(data: KitData): string[] {
  return data.structure.commitments.map((c) => {
    const e = data.engagements.find((x) => x.number === c.engagement);
    const label = data.lang === 'en' ? `Engagement ${c.engagement}` : `Engagement ${c.engagement}`;
    return `${label}${e ? ` (${lower(e.keyword)})` : ''}${data.lang === 'en' ? ':' : ' :'} ${c.text}`;
  });
}

/** Section II a: the long article. */
export function longArticle(data: KitData): Block[] {
  const name = data.structure.name;
  const en = data.lang === 'en';
  const blocks: Block[] = [];
  const date = data.updatedAt ? formatDate(data.updatedAt, data.lang) : null;
  if (en) {
    blocks.push(
      { kind: 'h', text: `${name} and the Services Publics+ engagements: closer, simpler, more efficient public services` },
      { kind: 'p', text: 'For several years, State services have been working to improve how they welcome their users, in person or online, by phone or by mail, through the Marianne engagements. More than 4,500 public bodies have already adopted them, and deep changes in how these services are organised can already be seen.' },
      { kind: 'p', text: 'Yet French people expect a lot in terms of quality of service, simplicity and listening: 58% want more speed, 42% more simplicity, 34% more equality of public services across the country and 25% a more personal follow-up (Delouvrier barometer, 2019).' },
      { kind: 'p', text: `To improve further and build trust between the administration and its users, the Government offers all public services dealing with citizens one continuous improvement programme centred on the user experience: Services Publics+. ${name} (${data.structure.network.name}) displays its 9 engagements and applies them every day.` },
      { kind: 'h', text: 'The Services Publics+ engagements' },
      { kind: 'ul', items: engagementLines(data) },
    );
    if (data.structure.commitments.length) blocks.push({ kind: 'h', text: `What ${name} commits to, locally` }, { kind: 'ul', items: commitmentLines(data) });
    if (data.figures.length) {
      blocks.push(
        { kind: 'h', text: 'Reporting on our quality of service (engagement 6)' },
        { kind: 'p', text: `${name} publishes its results, both performance and satisfaction, on site and online${date ? ` (latest publication: ${date})` : ''}:` },
        { kind: 'ul', items: figureLines(data) },
        { kind: 'p', text: `All our results and their history: ${data.links.results}` },
      );
    }
    blocks.push(
      { kind: 'h', text: 'Your opinion counts (engagement 7)' },
      { kind: 'p', text: `You can tell your experience of ${name}, positive or negative, and suggest improvements: ${data.links.form}. We reply publicly, and the experiences with our replies can be read here: ${data.links.testimonies}` },
      { kind: 'h', text: 'How were the engagements drawn up?' },
      { kind: 'p', text: 'The engagements were drawn up by the Interministerial Directorate for Public Transformation with staff from administrations dealing with the public, in three workshops between September and November 2019, then tested with two groups of users in October 2019.' },
    );
    return blocks;
  }
  blocks.push(
    { kind: 'h', text: `${name} s’engage avec Services Publics +\u00a0: pour des services publics plus proches, plus simples, plus efficaces` },
    { kind: 'p', text: 'Depuis plusieurs années, les services de l’État travaillent à améliorer l’accueil de leurs usagers, qu’il s’agisse d’un accueil physique ou en ligne, par téléphone ou par courrier, grâce aux engagements Marianne. Ces engagements ont déjà été déployés par plus de 4\u202f500 organismes publics volontaires. De profonds changements dans l’organisation des services concernés sont déjà visibles\u00a0!' },
    { kind: 'p', text: 'Toutefois, les Français(e)s expriment des attentes fortes en termes de qualité de service, de simplification et d’écoute\u00a0: 58\u00a0% des Français souhaitent plus de rapidité, 42\u00a0% plus de simplicité, 34\u00a0% une meilleure égalité des services publics sur les territoires et 25\u00a0% un suivi plus personnalisé (Baromètre Delouvrier, 2019).' },
    { kind: 'p', text: `C’est pour faire progresser encore davantage la qualité du service rendu et développer la confiance entre l’administration et les usagers que le Gouvernement propose à l’ensemble des services publics en relation avec les usagers un programme unifié d’amélioration continue centré sur l’expérience usager\u00a0: Services Publics +. ${name} (${data.structure.network.name}) affiche ses 9 engagements et les met en œuvre au quotidien.` },
    { kind: 'h', text: 'Les engagements Services Publics +' },
    { kind: 'ul', items: engagementLines(data) },
  );
  if (data.structure.commitments.length) blocks.push({ kind: 'h', text: `Les engagements locaux de ${name}` }, { kind: 'ul', items: commitmentLines(data) });
  if (data.figures.length) {
    blocks.push(
      { kind: 'h', text: 'Rendre compte des résultats de qualité de service (engagement 6)' },
      { kind: 'p', text: `${name} rend compte de ses résultats, à la fois en termes de performance et de satisfaction, dans ses locaux et sur internet${date ? ` (dernière publication\u00a0: ${date})` : ''} :` },
      { kind: 'ul', items: figureLines(data) },
      { kind: 'p', text: `Tous nos résultats et leur évolution\u00a0: ${data.links.results}` },
    );
  }
  blocks.push(
    { kind: 'h', text: 'Vos avis sont pris en compte (engagement 7)' },
    { kind: 'p', text: `Vous pouvez raconter votre expérience avec ${name}, positive comme négative, et proposer des améliorations\u00a0: ${data.links.form}. Nous vous répondons publiquement\u00a0; les témoignages et nos réponses sont consultables ici\u00a0: ${data.links.testimonies}` },
    { kind: 'h', text: 'Comment les engagements ont-ils été élaborés\u00a0?' },
    { kind: 'p', text: 'Les engagements ont été élaborés en commun par la Direction interministérielle de la transformation publique et un échantillon d’agents représentant les administrations en relation avec le public, lors de trois ateliers entre septembre et novembre 2019. En octobre 2019, ils ont été testés auprès de deux groupes d’usagers.' },
  );
  return blocks;
}

/** Section II b: the short article. */
export function shortArticle(data: KitData): Block[] {
  const name = data.structure.name;
  const en = data.lang === 'en';
  const top = figureLines(data).slice(0, 3);
  const blocks: Block[] = en
    ? [
        { kind: 'h', text: `Services Publics+ at ${name}: 9 engagements for close, simple and efficient public services` },
        { kind: 'p', text: `Created in 2005 as the Marianne engagements and adopted by more than 4,500 public bodies, the Services Publics+ engagements now apply to every public service dealing with citizens. ${name} displays them and puts the accent on a more personal relationship, kindness, easier guidance, reachability and announced deadlines kept.` },
        { kind: 'ul', items: engagementLines(data) },
      ]
    : [
        { kind: 'h', text: `Services Publics + à ${name}\u00a0: 9 engagements pour un service public proche, simple et efficace` },
        { kind: 'p', text: `Créés en 2005 avec les engagements Marianne et déjà déployés par plus de 4\u202f500 organismes publics, les engagements Services Publics + s’appliquent désormais à l’ensemble des services publics en relation avec les usagers. ${name} les affiche et met l’accent sur une relation plus personnalisée, la bienveillance, une orientation facilitée, la joignabilité et le respect des délais annoncés.` },
        { kind: 'ul', items: engagementLines(data) },
      ];
  if (data.structure.commitments.length) blocks.push({ kind: 'p', text: en ? 'Our local commitments:' : 'Nos engagements locaux :' }, { kind: 'ul', items: commitmentLines(data) });
  if (top.length) blocks.push({ kind: 'p', text: en ? `Our latest results (all of them: ${data.links.results}):` : `Nos derniers résultats (tous nos résultats\u00a0: ${data.links.results}) :` }, { kind: 'ul', items: top });
  blocks.push({ kind: 'p', text: en ? `Tell us about your experience: ${data.links.form}` : `Racontez-nous votre expérience\u00a0: ${data.links.form}` });
  return blocks;
}

/** Section IV: posts built from the structure's own commitments, figures and links; each within 280 characters. */
export function posts(data: KitData): Post[] {
  const name = data.structure.name;
  const en = data.lang === 'en';
  const list: Post[] = [];
  list.push({
    id: 'promise',
    label: en ? 'The programme' : 'Le programme',
    text: fitText(
      (n) =>
        en
          ? `With Services Publics+, ${n} promises you a public service that lives up to your expectations: 9 engagements for closer, simpler and more efficient public services. ${data.links.form}`
          : `Avec le programme Services Publics +, ${n} vous fait la promesse d’un service public à la hauteur de vos attentes\u00a0: 9 engagements pour des services publics + proches, + simples, + efficaces. ${data.links.form}`,
      name,
    ),
  });
  for (const e of data.engagements) {
    const commitment = commitmentsOf(data, e.number)[0];
    if (!commitment) continue;
    list.push({
      id: `engagement-${e.number}`,
      label: `Engagement ${e.number}`,
      text: fitText(
        (c) => (en ? `[Quality engagement #${e.number}] ${name}: ${c} #ServicesPublicsPlus ${data.links.form}` : `[Engagement qualité #${e.number}] ${name} : ${c} #ServicesPublicsPlus ${data.links.form}`),
        stripDot(commitment) + '.',
      ),
    });
  }
  for (const [i, f] of data.figures.slice(0, 3).entries()) {
    list.push({
      id: `result-${i + 1}`,
      label: en ? `Result: ${f.label}` : `Résultat\u00a0: ${f.label}`,
      text: fitText(
        (n) =>
          en
            ? `[Quality engagement #6] ${f.label}: ${f.value} in ${f.period}${f.target ? ` (target ${f.target})` : ''}. ${n} shows its quality-of-service results in full #transparency: ${data.links.results}`
            : `[Engagement qualité #6] ${f.label} : ${f.value} ${/trimestre/.test(f.period) ? 'au' : 'en'} ${f.period}${f.target ? ` (objectif ${f.target})` : ''}. ${n} vous présente ses résultats de qualité de service en toute #transparence\u00a0: ${data.links.results}`,
        name,
      ),
    });
  }
  list.push({
    id: 'opinion',
    label: en ? 'Your opinion' : 'Votre avis',
    text: fitText(
      (n) =>
        en
          ? `[Quality engagement #7] Your opinion counts! Share your experience with ${n}: we commit to replying and to improving our services accordingly. ${data.links.form}`
          : `[Engagement qualité #7] Votre avis compte\u00a0! Partagez votre expérience avec ${n}\u00a0: nous nous engageons à vous répondre et à améliorer nos services en conséquence. ${data.links.form}`,
      name,
    ),
  });
  return list;
}

/** Section V: a citizen's words per engagement. Engagement 6 shares engagement 7's words in the kit. */
export function quoteOf(data: KitData, engagement: number): string | null {
  const own = data.engagements.find((e) => e.number === engagement)?.quote ?? null;
  if (own) return own;
  return engagement === 6 ? (data.engagements.find((e) => e.number === 7)?.quote ?? null) : null;
}
