import { css, html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SppElement } from '../../src/internal/base-element.js';
import { defineElement } from '../../src/internal/define.js';

/** The colour tokens every element reads, with the host property that sets each one. */
export const COLOUR_TOKENS = [
  ['primary', '--spp-color-primary', 'links, buttons, headings accents'],
  ['primary-hover', '--spp-color-primary-hover', 'hovered links and buttons'],
  ['on-primary', '--spp-color-on-primary', 'text on primary buttons'],
  ['accent', '--spp-color-accent', 'decorative accent'],
  ['text', '--spp-color-text', 'body text'],
  ['text-muted', '--spp-color-text-muted', 'secondary text (dates, hints)'],
  ['bg', '--spp-color-background', 'widget background'],
  ['bg-alt', '--spp-color-background-alt', 'cards, alternate rows'],
  ['bg-contrast', '--spp-color-background-contrast', 'pressed states, bars'],
  ['border', '--spp-color-border', 'separators (decorative)'],
  ['info', '--spp-color-info', 'information messages'],
  ['success', '--spp-color-success', 'success messages, good results'],
  ['warning', '--spp-color-warning', 'warnings (stale data)'],
  ['error', '--spp-color-error', 'errors, field errors'],
  ['focus', '--spp-color-focus', 'focus ring'],
] as const;

/** Text colours that must reach 4.5:1 on the background (WCAG 1.4.3); non-text ones 3:1 (1.4.11). */
const TEXT_TOKENS = new Set(['primary', 'primary-hover', 'text', 'text-muted', 'info', 'success', 'warning', 'error']);
const NON_TEXT_TOKENS = new Set(['focus']);

function luminance([r, g, b]: number[]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

const rgb = (value: string) => (value.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);

export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(rgb(foreground)), luminance(rgb(background))].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

/**
 * Story-only element: shows the colour tokens of a theme as an element would resolve them (host `--spp-*`
 * overrides included) and the contrast of each against the widget background, so a designer picking a town
 * hall's colours sees at once which ones fail WCAG.
 */
export class SppThemeTokens extends SppElement {
  static override styles = [
    ...SppElement.styles,
    css`
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-block-end: 0.5rem;
      }
      th,
      td {
        text-align: start;
        padding: 0.375rem 0.5rem;
        border-block-end: 1px solid var(--_border);
        vertical-align: middle;
      }
      .swatch {
        display: inline-block;
        inline-size: 2rem;
        block-size: 1.25rem;
        border: 1px solid var(--_text);
        border-radius: var(--_radius);
      }
      .fail {
        color: var(--_error);
        font-weight: 700;
      }
      .table-scroll {
        overflow-x: auto;
      }
      code {
        font-size: 0.875em;
      }
    `,
  ];

  @state() private resolved: Record<string, string> = {};

  protected override updated(_changed: PropertyValues): void {
    this.measure();
  }

  /** Reads the colours the browser actually resolved (the host's overrides, the theme, dark mode). */
  private measure(): void {
    const probes = this.renderRoot.querySelectorAll<HTMLElement>('.swatch');
    const next: Record<string, string> = {};
    for (const probe of probes) next[probe.dataset.token!] = getComputedStyle(probe).backgroundColor;
    if (JSON.stringify(next) !== JSON.stringify(this.resolved)) this.resolved = next;
  }

  override render() {
    const background = this.resolved.bg ?? 'rgb(255, 255, 255)';
    const fr = this.language === 'fr';
    return html`<div class="root" lang=${this.language}>
      <div class="table-scroll">
        <table>
          <caption>
            ${fr ? `Couleurs du thème « ${this.theme} »` : `Colours of the "${this.theme}" theme`}
          </caption>
          <thead>
            <tr>
              <th scope="col">${fr ? 'Propriété' : 'Property'}</th>
              <th scope="col">${fr ? 'Couleur' : 'Colour'}</th>
              <th scope="col">${fr ? 'Valeur' : 'Value'}</th>
              <th scope="col">${fr ? 'Contraste sur le fond' : 'Contrast on background'}</th>
              <th scope="col">${fr ? 'Usage' : 'Used for'}</th>
            </tr>
          </thead>
          <tbody>
            ${COLOUR_TOKENS.map(([token, property, usage]) => {
              const value = this.resolved[token] ?? '';
              const ratio = value ? contrastRatio(value, background) : 0;
              const needed = TEXT_TOKENS.has(token) ? 4.5 : NON_TEXT_TOKENS.has(token) ? 3 : 0;
              const verdict = !needed || token === 'bg' ? '–' : `${ratio.toFixed(2)}:1 ${ratio >= needed ? '✓' : fr ? `✗ (${needed}:1 requis)` : `✗ (${needed}:1 needed)`}`;
              return html`<tr>
                <th scope="row"><code>${property}</code></th>
                <td><span class="swatch" data-token=${token} style=${styleMap({ background: `var(--_${token})` })}></span></td>
                <td><code>${value}</code></td>
                <td class=${needed && ratio < needed && token !== 'bg' ? 'fail' : ''}>${verdict}</td>
                <td>${usage}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

defineElement('spp-theme-tokens', SppThemeTokens);

declare global {
  interface HTMLElementTagNameMap {
    'spp-theme-tokens': SppThemeTokens;
  }
}
