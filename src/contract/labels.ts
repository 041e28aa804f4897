import type { Channel, Feeling, Tag } from './testimony.js';

/**
 * The words for the values several parts show: the agent page, `<spp-testimonies>`, `<spp-improvements>` (tags,
 * lower-cased) and the server. French is the reference; English is `labels.en.ts`, typed by this table. The keys
 * end in `Labels` so an element can spread this table into its own strings without a clash (`s.tagLabels[tag]`).
 */
export const LABELS_FR = {
  feelingLabels: { positive: 'Positif', neutral: 'Neutre', negative: 'Négatif' } satisfies Record<Feeling, string>,
  channelLabels: {
    counter: 'Accueil physique',
    phone: 'Téléphone',
    online: 'En ligne',
    mail: 'Courrier',
    email: 'E-mail',
    chat: 'Chat ou visio',
  } satisfies Record<Channel, string>,
  tagLabels: {
    accessibility: 'Accessibilité',
    information: 'Information / explication',
    relation: 'Relation',
    reactivity: 'Réactivité',
    simplicity: 'Simplicité / complexité',
  } satisfies Record<Tag, string>,
};

export type Labels = typeof LABELS_FR;
