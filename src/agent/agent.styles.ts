import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';

/** What the agent page's two elements share: headings, fields, buttons, notices, highlighted personal data. */
export const agentStyles = css`
  .root,
  .stack {
    display: grid;
    gap: var(--_space);
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h1 {
    font-size: 1.5em;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.0625em;
  }
  p {
    margin: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_text-muted);
    border-radius: var(--_radius);
    padding: 0.5rem;
    min-height: 2.75rem;
    width: 100%;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 0 -2px 0 var(--_error);
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.75rem;
    min-inline-size: 0;
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: 400;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  ${buttonStyles}
  .button.secondary {
    color: var(--_primary);
    background: var(--_bg);
  }
  .button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: #fff;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_success);
  }
  .notice:empty {
    display: none;
  }
  .notice.error {
    border-inline-start-color: var(--_error);
  }
  /* The one failure box (src/internal/load-view.ts) of the team screens' loads, framed like the alert line. */
  .message.error {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_error);
  }
  mark {
    background: #ffe552;
    color: #161616;
    outline: 1px solid #b34000;
    border-radius: 2px;
  }
  .box {
    display: grid;
    gap: 0.75rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
`;
