import type { TestimoniesStrings } from './testimonies.strings.js';

export { LABELS_EN } from '../../contract/labels.en.js';
export { FAILURE_EN } from '../../internal/failure.strings.en.js';

/** English strings of `<spp-testimonies>` (our own translation), loaded only by elements that speak English. */
export const TESTIMONIES_EN: TestimoniesStrings = {
  statsLabel: 'How we answer users',
  statPublished: 'Published experiences',
  statRate: 'Response rate',
  statDelay: 'Median reply time',
  lessThanADay: 'less than a day',
  days_one: '{count} day',
  days_other: '{count} days',
  filtersLegend: 'Filter experiences',
  feeling: 'Feeling',
  channel: 'Contact channel',
  tag: 'Theme',
  all: 'All',
  clearFilters: 'Clear filters',
  loading: 'Loading experiences…',
  loadingMore: 'Loading more experiences…',
  shown_one: '{count} experience shown.',
  shown_other: '{count} experiences shown.',
  shownMore_one: '{count} more experience shown.',
  shownMore_other: '{count} more experiences shown.',
  moreAvailable: 'More are available with “Show more”.',
  noneYet: 'No experience has been published for this service yet.',
  noneMatch: 'No experience matches these filters. Try other filters or clear them.',
  more: 'Show more experiences',
  retry: 'Try again',
  published: 'Published on {date}',
  reply: 'Reply from {name}',
  noReply: 'No reply yet.',
  channels: 'Contact',
  tags: 'Themes',
  structures: 'Service concerned',
  errorNoStructure: 'No service given: add the structure attribute (the service’s SP+ code).',
  errorMore: 'The next experiences could not be loaded.',
  postedAs_user: 'Written by the user',
  postedAs_helper: 'Written by someone helping the user',
};
