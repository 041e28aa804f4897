import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import './support/theme-tokens.js';

interface TokensArgs {
  theme: 'dsfr' | 'neutral';
  lang: 'fr' | 'en';
  primary: string;
  text: string;
  background: string;
}

/**
 * The two themes every element starts from, as the browser resolves them, with each colour's contrast on the
 * widget background. Set colours in the controls to try a host's `--spp-*` values before shipping them.
 */
const meta: Meta<TokensArgs> = {
  title: 'Foundations/Theme colours',
  args: { theme: 'dsfr', lang: 'fr', primary: '', text: '', background: '' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['dsfr', 'neutral'], description: 'The `theme` attribute every element has.' },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    primary: { control: 'color', description: '`--spp-color-primary` set by the host page' },
    text: { control: 'color', description: '`--spp-color-text` set by the host page' },
    background: { control: 'color', description: '`--spp-color-background` set by the host page' },
  },
  render: (args) => {
    const host: Record<string, string> = {};
    if (args.primary) host['--spp-color-primary'] = args.primary;
    if (args.text) host['--spp-color-text'] = args.text;
    if (args.background) host['--spp-color-background'] = args.background;
    // A new element per change: it measures the colours the browser resolved when it renders.
    return html`${keyed(JSON.stringify(args), html`<div style=${styleMap(host)}><spp-theme-tokens theme=${args.theme} lang=${args.lang}></spp-theme-tokens></div>`)}`;
  },
};
export default meta;
type Story = StoryObj<TokensArgs>;

export const Dsfr: Story = { name: 'DSFR (State sites)' };

export const Neutral: Story = { name: 'Neutral (local authorities)', args: { theme: 'neutral' } };

/** The town hall demo page's colours (`demo/mairie.html`). */
export const TownHall: Story = {
  name: 'Neutral with a town hall’s colours',
  args: { theme: 'neutral', primary: '#0b5d4b', text: '#1b1b1b', background: '#fffdf7' },
};

export const English: Story = { args: { lang: 'en' } };
