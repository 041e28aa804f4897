import type { Labels } from './labels.js';

/** English words for the shared values (our own translation), loaded with the English strings of whoever shows them. */
export const LABELS_EN: Labels = {
  feelingLabels: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
  channelLabels: { counter: 'In person', phone: 'Phone', online: 'Online', mail: 'Post', email: 'E-mail', chat: 'Chat or video' },
  tagLabels: {
    accessibility: 'Accessibility',
    information: 'Information / explanation',
    relation: 'Relationship',
    reactivity: 'Responsiveness',
    simplicity: 'Simplicity / complexity',
  },
};
