import type { NotificationStrings } from './notifications.strings.js';

/** English words of the e-mail notifications screen (our own translation). */
export const NOTIFICATION_EN: NotificationStrings = {
  title: 'E-mail notifications',
  intro:
  'Every day, after the chosen hour, a digest of the testimonies waiting for moderation or a reply is sent to the recipients below; none when nothing waits.',
  formTitle: 'Daily digest',
  addresses: 'Digest recipients',
  addressesHint: 'Up to {max} addresses. With no recipient, no digest is sent.',
  addressesEmpty: 'No recipient: the digest is not sent.',
  address: 'Address {n}',
  add: 'Add an address',
  remove: 'Remove',
  hour: 'Sending hour (Paris time)',
  hourOption: '{hour}:00',
  save: 'Save the digest',
  saved: 'Digest saved: {count} recipients, sent every day after {hour}.',
  saved_one: 'Digest saved: {count} recipient, sent every day after {hour}.',
  deliveryTitle: 'E-mails not delivered',
  deliveryCounts: '{pending} waiting to be sent · {failed} failed',
  deliveryFailedIntro:
  'The mail server refused these e-mails after several attempts. Its answer says why, a refused address for instance: check it (among the recipients above for a digest).',
  deliveryNone: 'No failed e-mail.',
  deliveryRefresh: 'Refresh',
  reference: 'Testimony',
  kind: 'E-mail',
  date: 'Created',
  attempts: 'Attempts',
  answer: 'Server answer',
  noReference: '—',
  noAnswer: 'No answer',
  mailKindLabels: { published: 'Testimony published', replied: 'Reply published', rejected: 'Testimony not published', digest: 'Daily digest' },
};
