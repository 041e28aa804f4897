import type { Catalog } from '../../internal/i18n.js';
import type { ImprovementStatus } from '../../contract/improvement.js';
import type { Tag } from '../../contract/testimony.js';

type Key =
  | 'title'
  | 'summary_one'
  | 'summary_other'
  | 'youSaid'
  | 'engagement'
  | 'tag'
  | 'cited_one'
  | 'cited_other'
  | 'loading'
  | 'empty'
  | 'retry'
  | 'errorNetwork'
  | 'errorTimeout'
  | 'errorServer'
  | 'errorBusy'
  | 'errorMalformed'
  | 'errorUnknownStructure'
  | 'errorNoStructure';

export const STRINGS: Catalog<Key> = {
  fr: {
    title: 'Vous nous avez dit… Nous avons fait…',
    summary_one: '{count} action d’amélioration\u00a0: {detail}.',
    summary_other: '{count} actions d’amélioration\u00a0: {detail}.',
    youSaid: 'Vous nous avez dit',
    engagement: 'Engagement n°\u00a0{number}\u00a0: {keyword}',
    tag: 'Thème\u00a0: {tag}',
    cited_one: 'Suite à {count}\u00a0témoignage',
    cited_other: 'Suite à {count}\u00a0témoignages',
    loading: 'Chargement du plan d’amélioration…',
    empty: 'Ce service n’a pas encore publié d’action d’amélioration.',
    retry: 'Réessayer',
    errorNetwork: 'Impossible de joindre le service\u00a0: vérifiez votre connexion internet, puis réessayez.',
    errorTimeout: 'Le service met trop de temps à répondre. Réessayez dans un instant.',
    errorServer: 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
    errorBusy: 'Trop de demandes en peu de temps. Réessayez dans quelques instants.',
    errorMalformed: 'La réponse du service est inattendue. Réessayez plus tard.',
    errorUnknownStructure: 'Aucun service ne porte le code «\u00a0{code}\u00a0». Vérifiez l’attribut structure de la page.',
    errorNoStructure: 'Aucun service indiqué\u00a0: ajoutez l’attribut structure (le code SP+ du service).',
  },
  en: {
    title: 'You told us… We did…',
    summary_one: '{count} improvement action: {detail}.',
    summary_other: '{count} improvement actions: {detail}.',
    youSaid: 'You told us',
    engagement: 'Commitment {number}: {keyword}',
    tag: 'Theme: {tag}',
    cited_one: 'Following {count}\u00a0experience',
    cited_other: 'Following {count}\u00a0experiences',
    loading: 'Loading the improvement plan…',
    empty: 'This service has not published any improvement action yet.',
    retry: 'Try again',
    errorNetwork: 'The service cannot be reached: check your internet connection, then try again.',
    errorTimeout: 'The service is taking too long to answer. Try again in a moment.',
    errorServer: 'The service is temporarily unavailable. Try again in a few minutes.',
    errorBusy: 'Too many requests in a short time. Try again in a few moments.',
    errorMalformed: 'The service sent an unexpected answer. Try again later.',
    errorUnknownStructure: 'No service has the code “{code}”. Check the page’s structure attribute.',
    errorNoStructure: 'No service given: add the structure attribute (the service’s SP+ code).',
  },
};

/** Per status: the group's heading, what "we" did in that tense, the date's wording, and the summary's count. */
export const STATUS_TEXT: Record<'fr' | 'en', Record<ImprovementStatus, { group: string; weDid: string; date: string; countOne: string; countOther: string }>> = {
  fr: {
    done: { group: 'Réalisé', weDid: 'Nous avons fait', date: 'Réalisé le {date}', countOne: '{n} réalisée', countOther: '{n} réalisées' },
    in_progress: { group: 'En cours', weDid: 'Nous faisons', date: 'En cours depuis le {date}', countOne: '{n} en cours', countOther: '{n} en cours' },
    planned: { group: 'Prévu', weDid: 'Nous allons faire', date: 'Prévu pour le {date}', countOne: '{n} prévue', countOther: '{n} prévues' },
  },
  en: {
    done: { group: 'Done', weDid: 'We did', date: 'Done on {date}', countOne: '{n} done', countOther: '{n} done' },
    in_progress: { group: 'In progress', weDid: 'We are doing', date: 'In progress since {date}', countOne: '{n} in progress', countOther: '{n} in progress' },
    planned: { group: 'Planned', weDid: 'We will do', date: 'Planned for {date}', countOne: '{n} planned', countOther: '{n} planned' },
  },
};

export const TAG_LABELS: Record<'fr' | 'en', Record<Tag, string>> = {
  fr: {
    accessibility: 'accessibilité',
    information: 'information / explication',
    relation: 'relation',
    reactivity: 'réactivité',
    simplicity: 'simplicité / complexité',
  },
  en: {
    accessibility: 'accessibility',
    information: 'information / explanation',
    relation: 'relationship',
    reactivity: 'responsiveness',
    simplicity: 'simplicity / complexity',
  },
};
