import { css } from 'lit';

/**
 * Design tokens and the reset every element starts from.
 *
 * Hosts theme a widget through inheritable `--spp-*` custom properties (documented per element); inside the
 * shadow root, only the private `--_*` copies are used, so a missing host value falls back to a default.
 * `theme="dsfr"` (default) re-creates the State design system's look without loading its CSS (which does not
 * work in shadow roots); `theme="neutral"` is for local authorities, who may not use the DSFR: sober colours
 * and the host page's own font. Both follow `prefers-color-scheme` and `prefers-reduced-motion`.
 *
 * `:host` refuses `text-decoration` with `!important`: a decoration set on the host (a CMS theme's
 * `* { text-decoration: underline !important }`) is drawn through all the text inside whatever the shadow
 * styles say, and only the host itself can refuse it (comments stay out of the template: it ships as is).
 */
export const themeStyles = css`
  :host {
    display: block !important;
    text-decoration: none !important;
    box-sizing: border-box;
    contain: layout style;
    --_primary: var(--spp-color-primary, #000091);
    --_primary-hover: var(--spp-color-primary-hover, #1212ff);
    --_on-primary: var(--spp-color-on-primary, #ffffff);
    --_accent: var(--spp-color-accent, #e1000f);
    --_text: var(--spp-color-text, #161616);
    --_text-muted: var(--spp-color-text-muted, #666666);
    --_bg: var(--spp-color-background, #ffffff);
    --_bg-alt: var(--spp-color-background-alt, #f6f6f6);
    --_bg-contrast: var(--spp-color-background-contrast, #eeeeee);
    --_border: var(--spp-color-border, #dddddd);
    --_info: var(--spp-color-info, #0063cb);
    --_success: var(--spp-color-success, #18753c);
    --_warning: var(--spp-color-warning, #b34000);
    --_error: var(--spp-color-error, #ce0500);
    --_focus: var(--spp-color-focus, #0a76f6);
    --_font: var(--spp-font-family, Marianne, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_radius: var(--spp-radius, 0.25rem);
    --_space: var(--spp-space, 1rem);
    --_font-size: var(--spp-font-size, 1rem);
  }
  :host([theme='neutral']) {
    --_font: var(--spp-font-family, inherit);
    --_radius: var(--spp-radius, 0.5rem);
  }
  /* Light only: being more specific than the dark ':host' below, these would otherwise stay in dark mode. */
  @media (prefers-color-scheme: light) {
    :host([theme='neutral']) {
      --_primary: var(--spp-color-primary, #2d4a66);
      --_primary-hover: var(--spp-color-primary-hover, #1c3349);
      --_accent: var(--spp-color-accent, #2d4a66);
      --_text: var(--spp-color-text, #1e1e1e);
      --_text-muted: var(--spp-color-text-muted, #5a5a5a);
      --_bg-alt: var(--spp-color-background-alt, #f5f5f4);
    }
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--spp-dark-color-primary, #8585f6);
      --_primary-hover: var(--spp-dark-color-primary-hover, #b1b1f9);
      --_on-primary: var(--spp-dark-color-on-primary, #000000);
      --_accent: var(--spp-dark-color-accent, #f95c5e);
      --_text: var(--spp-dark-color-text, #eeeeee);
      --_text-muted: var(--spp-dark-color-text-muted, #cecece);
      --_bg: var(--spp-dark-color-background, #161616);
      --_bg-alt: var(--spp-dark-color-background-alt, #1e1e1e);
      --_bg-contrast: var(--spp-dark-color-background-contrast, #2a2a2a);
      --_border: var(--spp-dark-color-border, #3a3a3a);
      --_info: var(--spp-dark-color-info, #518fff);
      --_success: var(--spp-dark-color-success, #27a658);
      --_warning: var(--spp-dark-color-warning, #fc5d00);
      --_error: var(--spp-dark-color-error, #ff5655);
      --_focus: var(--spp-dark-color-focus, #78a8ff);
    }
  }
  /* The widget's root: independent of whatever the host page sets on the element (fonts, colours, spacing). */
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    text-align: start;
    overflow-wrap: anywhere;
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
    text-underline-offset: 0.2em;
  }
  a:hover {
    color: var(--_primary-hover);
  }
  button {
    font: inherit;
  }
  .sr-only {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: reduce) {
    .root *,
    .root *::before,
    .root *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
