import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { Structure } from '../src/contract/structure.js';
import '../src/elements/engagements/engagements.js';

/*
 * No server needed: the stories point `api` at reserved `.invalid` origins (RFC 2606) that a small fetch stub
 * answers; every other request goes to the real network untouched.
 */
const WORKING_API = 'https://api.stories.invalid';
const DOWN_API = 'https://down.stories.invalid';
const SLOW_API = 'https://slow.stories.invalid';

/** A contract-valid answer of `GET /api/v1/structures/CAF-69` (parsed with the contract, so it cannot drift). */
const CAF_69 = Structure.parse({
  code: 'CAF-69',
  name: 'CAF du Rhône',
  network: { code: 'CAF', name: "Caisses d'allocations familiales" },
  level: 'department',
  parentCode: 'CNAF',
  postcode: '69003',
  city: 'Lyon',
  contact: { phone: '32 30', url: 'https://www.caf.fr/allocataires/caf-du-rhone', address: '67 boulevard Vivier-Merle, 69003 Lyon' },
  commitments: [
    { engagement: 2, text: 'Notre numéro 32 30 est gratuit depuis le 1er janvier 2021.', since: '2021-01-01' },
    { engagement: 3, text: 'Un rendez-vous avec un conseiller sous 5 jours ouvrés, à l’accueil ou par visio.', since: null },
  ],
});

const stubbed = window as unknown as { sppStoriesFetch?: boolean };
if (!stubbed.sppStoriesFetch) {
  stubbed.sppStoriesFetch = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.origin === WORKING_API) {
      return Promise.resolve(new Response(JSON.stringify(CAF_69), { headers: { 'Content-Type': 'application/json' } }));
    }
    if (url.origin === DOWN_API) return Promise.reject(new TypeError('Failed to fetch'));
    if (url.origin === SLOW_API) return new Promise<Response>(() => {}); // the banner gives up after 5 s
    return realFetch(input, init);
  };
}

interface Args {
  variant: 'full' | 'compact' | 'badge';
  theme: 'dsfr' | 'neutral';
  lang: 'fr' | 'en';
  highlight: string;
  structure: string;
  headingLevel: number;
  href: string;
  api: string;
}

const meta: Meta<Args> = {
  title: 'Elements/spp-engagements',
  component: 'spp-engagements',
  tags: ['autodocs'],
  args: { variant: 'full', theme: 'dsfr', lang: 'fr', highlight: '', structure: '', headingLevel: 2, href: '', api: '' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact', 'badge'] },
    theme: { control: 'inline-radio', options: ['dsfr', 'neutral'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args) =>
    html`<spp-engagements
      variant=${args.variant}
      theme=${args.theme}
      lang=${args.lang}
      highlight=${args.highlight || nothing}
      structure=${args.structure || nothing}
      heading-level=${args.headingLevel}
      href=${args.href || nothing}
      api=${args.api || nothing}
      @spp-error=${(e: CustomEvent) => console.info('spp-error', e.detail)}
    ></spp-engagements>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The 3 groups and the 9 engagements, in the official wording, DSFR look. */
export const Full: Story = {};

/** The sober look for local authorities; colours come from the host's `--spp-*` custom properties. */
export const Neutral: Story = { args: { theme: 'neutral' } };

/** The host page's own colours through `--spp-*` (here a town hall's green). */
export const NeutralWithHostColours: Story = {
  args: { theme: 'neutral' },
  decorators: [
    (story) =>
      html`<div class="host-colours">
        <style>
          .host-colours {
            --spp-color-primary: #1f5f3b;
            --spp-color-primary-hover: #164a2d;
            --spp-color-accent: #b3541e;
            --spp-font-family: Georgia, serif;
          }
        </style>
        ${story()}
      </div>`,
  ],
};

/** One strip with the programme and the 9 keywords; the button unfolds the full list. */
export const Compact: Story = { args: { variant: 'compact' } };

export const CompactNeutral: Story = { args: { variant: 'compact', theme: 'neutral', highlight: '2,7' } };

/** A small mark with the count, linking to the full list (`href`). */
export const Badge: Story = { args: { variant: 'badge' } };

export const BadgeNeutral: Story = { args: { variant: 'badge', theme: 'neutral', href: '/nos-engagements' } };

/** Our own English translation (the official text is French); downloaded only for English pages. */
export const English: Story = { args: { lang: 'en' } };

export const EnglishCompact: Story = { args: { lang: 'en', variant: 'compact' } };

export const EnglishBadge: Story = { args: { lang: 'en', variant: 'badge' } };

/** Engagements 6 and 7 spotlit; the others stay listed. */
export const Highlight: Story = { args: { highlight: '6,7' } };

/** CAF du Rhône's local commitments under engagements 2 and 3. */
export const WithCommitments: Story = { args: { structure: 'CAF-69', api: WORKING_API, highlight: '2' } };

export const WithCommitmentsInEnglish: Story = { args: { structure: 'CAF-69', api: WORKING_API, lang: 'en', theme: 'neutral' } };

/** The API is down: the 9 engagements still show (they ship in the bundle) and `spp-error` is fired. */
export const ApiDown: Story = { args: { structure: 'CAF-69', api: DOWN_API } };

/** The API never answers: the banner shows at once and gives up on the commitments after 5 s. */
export const ApiSlow: Story = { args: { structure: 'CAF-69', api: SLOW_API } };

/** Inside a page whose outline puts the banner under an `h3`. */
export const HeadingLevel4: Story = { args: { headingLevel: 4 } };
