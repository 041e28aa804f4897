import { css } from 'lit';
import { actionButtonStyles } from '../../internal/action-button.styles.js';

/**
 * Layout of `<spp-testimony-form>`: one column that reflows down to 320 px, 44 px targets, visible focus,
 * colours from the theme tokens only (so `theme`, dark mode and `--spp-*` overrides all apply).
 */
export const formStyles = css`
  :host([mode='floating']) {
    /* The theme's layout containment would pin the corner button to the element instead of the viewport. */
    contain: style !important;
  }
  .root {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .root.loading {
    min-height: 40rem;
  }
  .root.floating {
    padding: 0;
    border: 0;
    background: transparent;
  }
  .form > * + * {
    margin-block-start: 1rem;
  }
  p,
  ul,
  dl,
  fieldset {
    margin: 0;
  }
  ul {
    padding-inline-start: 1.25rem;
  }
  .title {
    font-size: 1.375rem;
    font-weight: 700;
    line-height: 1.3;
  }
  .step-title {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
  }
  /* Headings and summaries receive focus from the form itself: a ring only when the keyboard drove it. */
  .title:focus,
  .step-title:focus,
  .summary:focus,
  .notice:focus {
    outline: none;
  }
  .title:focus-visible,
  .step-title:focus-visible,
  .summary:focus-visible,
  .notice:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  .progress {
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_text-muted);
  }
  .bar {
    height: 0.375rem;
    margin-block: 0.5rem 1.25rem;
    background: var(--_bg-contrast);
    border-radius: 1rem;
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_primary);
    transition: width 0.2s ease;
  }
  .fill-1 { width: 16.66%; }
  .fill-2 { width: 33.33%; }
  .fill-3 { width: 50%; }
  .fill-4 { width: 66.66%; }
  .fill-5 { width: 83.33%; }
  .fill-6 { width: 100%; }
  .intro {
    color: var(--_text);
  }
  .muted,
  .hint,
  .count {
    color: var(--_text-muted);
  }
  .hint,
  .count {
    font-size: 0.875rem;
  }
  .count {
    margin-block-start: 0.25rem;
    text-align: end;
  }
  form > * + * {
    margin-block-start: 1.25rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  label {
    display: block;
    font-weight: 700;
  }
  legend {
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .group > * + *,
  .field > * + * {
    margin-block-start: 0.5rem;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_primary);
  }
  .choice label {
    flex: 1;
    font-weight: 400;
    cursor: pointer;
  }
  .choice-label {
    display: block;
    font-weight: 700;
  }
  .choice-hint {
    display: block;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .channels {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }
  .channel-feeling {
    margin: 0.5rem 0 0.25rem 2.25rem;
  }
  input[type='text'],
  input[type='email'],
  textarea,
  select {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg-alt);
    border: 0;
    border-bottom: 2px solid var(--_text);
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  textarea {
    min-height: 10rem;
    resize: vertical;
  }
  [aria-invalid='true']:is(input[type='text'], input[type='email'], textarea) {
    border-bottom-color: var(--_error);
  }
  .error,
  .error-inline {
    color: var(--_error);
    font-weight: 700;
  }
  .group:has(.error),
  .field:has(.error) {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_error);
  }
  ${actionButtonStyles}
  .button.primary {
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_primary);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
    color: var(--_on-primary);
  }
  .button.secondary {
    color: var(--_primary);
    background: transparent;
    border: 2px solid var(--_primary);
  }
  .button.small {
    padding-inline: 0.75rem;
    font-size: 0.875rem;
  }
  .button.link {
    padding-inline: 0.25rem;
    color: var(--_primary);
    background: none;
    border: 0;
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    justify-content: space-between;
  }
  .actions .primary:only-child {
    margin-inline-start: auto;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  .notice > * + * {
    margin-block-start: 0.5rem;
  }
  .notice.small {
    font-size: 0.875rem;
  }
  .notice.warning,
  .pii {
    border-inline-start: 4px solid var(--_warning);
  }
  .notice.success {
    border-inline-start-color: var(--_success);
  }
  .notice-contact {
    min-height: 1.5em;
  }
  /* The service's name, phone and site, once fetched, take a line or two more than the general advice they
     replace: kept from the start, so the steps' buttons below do not move down when they arrive. */
  .notice-contact.named {
    min-height: 3lh;
  }
  .pii {
    padding: 0.75rem 1rem;
    background: var(--_bg-alt);
  }
  .pii > * + * {
    margin-block-start: 0.5rem;
  }
  .pii-text {
    font-family: ui-monospace, monospace;
    font-weight: 700;
  }
  @media (max-width: 30rem) {
    .actions {
      flex-direction: column-reverse;
    }
    .actions .button {
      width: 100%;
    }
  }
  @media (forced-colors: active) {
    .fill {
      background: Highlight;
    }
    .choice:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
