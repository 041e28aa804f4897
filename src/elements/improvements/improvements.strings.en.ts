import type { ImprovementsStrings } from './improvements.strings.js';

export { LABELS_EN } from '../../contract/labels.en.js';
export { FAILURE_EN } from '../../internal/failure.strings.en.js';

/** English strings of `<spp-improvements>` (our own translation), loaded only by elements that speak English. */
export const IMPROVEMENTS_EN: ImprovementsStrings = {
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
  errorNoStructure: 'No service given: add the structure attribute (the service’s SP+ code).',
  citedColon: ':',
  statusText: {
    done: { group: 'Done', weDid: 'We did', date: 'Done on {date}', countOne: '{n} done', countOther: '{n} done' },
    in_progress: { group: 'In progress', weDid: 'We are doing', date: 'In progress since {date}', countOne: '{n} in progress', countOther: '{n} in progress' },
    planned: { group: 'Planned', weDid: 'We will do', date: 'Planned for {date}', countOne: '{n} planned', countOther: '{n} planned' },
  },
};
