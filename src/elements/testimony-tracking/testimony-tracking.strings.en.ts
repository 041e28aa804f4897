import type { TrackingStrings } from './testimony-tracking.strings.js';

/** English strings of `<spp-testimony-tracking>`: our translation of the French reference. */
export const TRACKING_EN: TrackingStrings = {
  title: 'Your testimony’s status',
  loading: 'Loading the status…',
  missing: 'This tracking link is incomplete. Open the whole link you received after sending your testimony.',
  notFound: 'No testimony matches this link. Check that you copied the whole link.',
  failed: 'The status could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  reference: 'Reference',
  sentOn: 'Sent on {date}',
  about: 'Service(s) concerned: {names}',
  status: {
    pending: 'Being reviewed',
    published: 'Published',
    answered: 'Published, with a reply',
    rejected: 'Not published',
  },
  statusText: {
    pending: 'Your testimony is reviewed before publication, to check that it follows the charter (no personal data, no insults). This usually takes a few days.',
    published: 'Your testimony has been published since {date}. The service has not replied yet.',
    answered: 'Your testimony has been published since {date}, and the service has replied.',
    rejected: 'Your testimony was not published: {reason}',
  },
  reasons: {
    personal_data: 'it contained personal data.',
    insults: 'it contained insults.',
    out_of_scope: 'it was not about a public service.',
    individual_complaint: 'it was an individual complaint, to be sent to the service directly.',
    duplicate: 'it duplicated another testimony.',
    spam: 'it was considered unwanted.',
  },
  unknownReason: 'it did not follow the moderation charter.',
  replyFrom: 'Reply from {name}, on {date}',
};
