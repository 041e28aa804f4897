import { LABELS_FR, type Labels } from '../../contract/labels.js';
import { FAILURE_FR, type FailureTable } from '../../internal/failure.strings.js';
import { lazyStrings } from '../../internal/i18n.js';

/**
 * French strings of `<spp-improvements>`; English is `improvements.strings.en.ts`, downloaded only by English pages.
 * Tags are the shared labels (`contract/labels.ts`), shown lower-cased.
 */
export const IMPROVEMENTS_FR = {
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
  errorNoStructure: 'Aucun service indiqué\u00a0: ajoutez l’attribut structure (le code SP+ du service).',
  citedColon: '\u00a0:',
  /** Per status: the group's heading, what "we" did in that tense, the date's wording, and the summary's count. */
  statusText: {
    done: { group: 'Réalisé', weDid: 'Nous avons fait', date: 'Réalisé le {date}', countOne: '{n} réalisée', countOther: '{n} réalisées' },
    in_progress: { group: 'En cours', weDid: 'Nous faisons', date: 'En cours depuis le {date}', countOne: '{n} en cours', countOther: '{n} en cours' },
    planned: { group: 'Prévu', weDid: 'Nous allons faire', date: 'Prévu pour le {date}', countOne: '{n} prévue', countOther: '{n} prévues' },
  },
};

export type ImprovementsStrings = typeof IMPROVEMENTS_FR;

/** The element's words and the shared labels, in the element's language. */
export const improvementsStrings = lazyStrings<ImprovementsStrings & Labels & FailureTable>({ ...IMPROVEMENTS_FR, ...LABELS_FR, ...FAILURE_FR }, () =>
  import('./improvements.strings.en.js').then((m) => ({ ...m.IMPROVEMENTS_EN, ...m.LABELS_EN, ...m.FAILURE_EN })),
);
