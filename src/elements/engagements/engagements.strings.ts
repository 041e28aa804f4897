import type { EngagementsResponse } from '../../contract/engagement.js';

/** The banner's own words; the engagements themselves are data (`src/data/engagements.*.ts`). */
export const STRINGS_FR = {
  title: 'Nos engagements Services Publics+',
  engagementPrefix: 'Engagement',
  highlighted: 'À la une',
  why: 'Pourquoi cet engagement\u00a0?',
  whyFor: 'engagement {n}',
  quote: '«\u00a0{text}\u00a0»',
  localBy: 'Engagement local',
  details: 'Les {count} engagements en détail',
  badge: '{count} engagements',
  translated: '',
};

export type EngagementsStrings = typeof STRINGS_FR;

/** The wording (data) and the banner's own words in one language; English is `PACK_EN` (`engagements.strings.en.ts`). */
export interface EngagementsPack {
  doc: EngagementsResponse;
  s: EngagementsStrings;
}
