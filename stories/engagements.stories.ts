import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/engagements/engagements.js';
import { respond } from './support/api.js';
import { FIXTURE_CODES } from './support/fixtures.js';

/**
 * The engagements banner. The 9 engagements ship in the bundle: only `structure` asks the (demo) API, for the
 * local commitments; the API stories show that the banner stays whole whatever the API does.
 */
const meta: Meta = {
  title: 'Elements/spp-engagements',
  component: 'spp-engagements',
  args: { variant: 'full', theme: 'dsfr', lang: 'fr' },
};
export default meta;
type Story = StoryObj;

const STRUCTURE = 'GET /api/v1/structures/:code';

/** The 3 groups and the 9 engagements in the official wording, DSFR look. */
export const Full: Story = {};

/** The sober look for local authorities, which may not use the DSFR. */
export const Neutral: Story = { args: { theme: 'neutral' } };

/** A town hall's own colours and font through the `--spp-*` custom properties. */
export const NeutralWithHostColours: Story = {
  args: {
    theme: 'neutral',
    '--spp-color-primary': '#1f5f3b',
    '--spp-color-primary-hover': '#164a2d',
    '--spp-color-accent': '#b3541e',
    '--spp-font-family': 'Georgia, serif',
    highlight: '7',
  },
};

/** One strip naming the programme and the 9 keywords; its button unfolds the full list. */
export const Compact: Story = { args: { variant: 'compact' } };

export const CompactNeutral: Story = { args: { variant: 'compact', theme: 'neutral', highlight: '2,7' } };

/** A small mark with the count, linking to the full list (`href`, here an anchor of the host page). */
export const Badge: Story = { args: { variant: 'badge', href: '#engagements' } };

export const BadgeNeutral: Story = { args: { variant: 'badge', theme: 'neutral' } };

/** Our own English translation (the official text is French), downloaded only by English pages. */
export const English: Story = { args: { lang: 'en' } };

export const EnglishNeutral: Story = { args: { lang: 'en', theme: 'neutral' } };

export const EnglishCompact: Story = { args: { lang: 'en', variant: 'compact' } };

export const EnglishBadge: Story = { args: { lang: 'en', variant: 'badge' } };

/** Engagements 6 and 7 spotlit; the others stay listed. */
export const Highlight: Story = { args: { highlight: '6,7' } };

/** The banner fitted under an `h3` of the host page: its heading is an `h4`, its groups `h5`. */
export const HeadingLevel4: Story = { args: { headingLevel: 4 } };

/** CAF du Rhône's local commitments, under engagements 2 and 3. */
export const WithCommitments: Story = { args: { structure: FIXTURE_CODES.caf, highlight: '2' } };

/** Commitments are the structure's own French words, marked as French inside the English banner. */
export const WithCommitmentsInEnglish: Story = { args: { structure: FIXTURE_CODES.caf, lang: 'en', theme: 'neutral' } };

/** The API is down: the 9 engagements still show, and `spp-error` tells the host page. */
export const ApiDown: Story = {
  args: { structure: FIXTURE_CODES.caf },
  parameters: { api: { '*': respond.offline() }, offline: true },
};

/** The API answers 500: same banner, no commitments. */
export const ApiError: Story = { args: { structure: FIXTURE_CODES.caf }, parameters: { api: { [STRUCTURE]: respond.problem(500) } } };

/** The API answers something that is not the contract: ignored as a whole, never half-shown. */
export const ApiMalformed: Story = { args: { structure: FIXTURE_CODES.caf }, parameters: { api: { [STRUCTURE]: respond.wrongShape() } } };

/** The API never answers: the banner shows at once and gives up on the commitments after 5 s. */
export const ApiSlow: Story = { args: { structure: FIXTURE_CODES.caf }, parameters: { api: { [STRUCTURE]: respond.pending() } } };

/** An unknown structure code: 404, the banner without commitments. */
export const UnknownStructure: Story = { args: { structure: FIXTURE_CODES.unknown } };
