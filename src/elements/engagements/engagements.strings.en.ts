import { ENGAGEMENTS_EN } from '../../data/engagements.en.js';
import type { EngagementsPack, EngagementsStrings } from './engagements.strings.js';

/*
 * Everything English of the banner, in one chunk downloaded only by pages that ask for English: French pages
 * (the vast majority) do not pay for it. English is our own translation; the official text is French.
 */
export const STRINGS_EN: EngagementsStrings = {
  title: 'Our Services Publics+ commitments',
  engagementPrefix: 'Commitment',
  highlighted: 'Featured',
  why: 'Why this commitment?',
  whyFor: 'commitment {n}',
  quote: '“{text}”',
  localBy: 'Local commitment',
  details: 'The {count} commitments in full',
  badge: '{count} commitments',
  translated: 'Our translation: the official text is in French.',
};

export const PACK_EN: EngagementsPack = { doc: ENGAGEMENTS_EN, s: STRINGS_EN };
