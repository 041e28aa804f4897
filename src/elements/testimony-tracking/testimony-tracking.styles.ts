import { css } from 'lit';
import { actionButtonStyles } from '../../internal/action-button.styles.js';

/** Layout of `<spp-testimony-tracking>`: one column that reflows down to 320 px, colours from the theme tokens only. */
export const trackingStyles = css`
  /* The space the host page reserves before the script arrives (the element's docs): loading, the answer or an
     error then take that space instead of pushing the page down; a long answer (replies) grows past it. */
  .root {
    min-height: var(--spp-testimony-tracking-min-height, 20rem);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  p {
    margin: 0;
  }
  .tracking > * + * {
    margin-block-start: 1rem;
  }
  .title {
    font-size: 1.375rem;
    font-weight: 700;
    line-height: 1.3;
  }
  /* The heading receives focus after a retry: a ring only when the keyboard drove it. */
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  .muted,
  .signature {
    color: var(--_text-muted);
  }
  .reference {
    white-space: nowrap;
    font-family: ui-monospace, monospace;
    font-size: 1.125rem;
    letter-spacing: 0.05em;
  }
  .quote {
    font-style: italic;
  }
  .notice,
  .status {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  .notice {
    border-inline-start-color: var(--_warning);
  }
  .status-published,
  .status-answered {
    border-inline-start-color: var(--_success);
  }
  .status-rejected {
    border-inline-start-color: var(--_error);
  }
  .reply {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .reply > * + * {
    margin-block-start: 0.5rem;
  }
  .story {
    white-space: pre-wrap;
  }
  ${actionButtonStyles}
  .button {
    color: var(--_primary);
    background: transparent;
    border: 2px solid var(--_primary);
  }
`;
