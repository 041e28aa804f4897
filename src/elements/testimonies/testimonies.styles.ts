import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const testimoniesStyles = css`
  .root {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }

  .stats dl {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  .stats dl > div {
    flex: 1 1 10rem;
    padding: calc(var(--_space) * 0.75);
    background: var(--_bg-alt);
    border-radius: var(--_radius);
  }
  .stats dt {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .stats dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  /* Up to three filters side by side, of at least 10rem. Their width does not depend on the fields after them: a
     field painted while the next ones are still being parsed keeps its place when they arrive (no layout shift). */
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(10rem, 30%)), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    min-width: 0;
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-size: 0.875em;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_text-muted);
    border-radius: var(--_radius);
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    min-width: 0;
    max-width: 100%;
  }

  ${buttonStyles}
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .link-button {
    font: inherit;
    margin-top: 0.5rem;
    min-height: 2.75rem;
    padding: 0 0.25rem;
    color: var(--_primary);
    background: none;
    border: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  .more {
    justify-self: start;
  }

  .message {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    padding: var(--_space);
    background: var(--_bg-alt);
    border-radius: var(--_radius);
  }
  .error,
  .more-error {
    border-inline-start: 4px solid var(--_error);
  }
  .more-error {
    padding: 0.5rem 0.75rem;
  }
  .loading {
    /* The space the host page reserves (see the element's docs), so nothing below moves when the script arrives. */
    min-height: 40rem;
    align-content: start;
  }
  .skeleton {
    display: grid;
    gap: 0.75rem;
    width: 100%;
  }
  .skeleton span {
    display: block;
    height: 5rem;
    border-radius: var(--_radius);
    background: var(--_bg-contrast);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.5s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .card {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_marker, var(--_border));
    border-radius: var(--_radius);
  }
  .card:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .feeling-positive {
    --_marker: var(--_success);
  }
  .feeling-neutral {
    --_marker: var(--_warning);
  }
  .feeling-negative {
    --_marker: var(--_error);
  }
  .meta,
  .reply-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    font-size: 0.875em;
  }
  .feeling {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 700;
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--_marker);
  }
  .date,
  .posted-as,
  .no-reply {
    color: var(--_text-muted);
  }
  .posted-as,
  .no-reply {
    font-size: 0.875em;
  }
  .title {
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.35;
  }
  .body {
    white-space: pre-line;
  }
  .facts {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    font-size: 0.875em;
  }
  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .facts dt {
    color: var(--_text-muted);
  }
  .facts dt::after {
    content: ':';
  }
  .root:lang(fr) .facts dt::after {
    content: '\\00a0:';
  }
  .facts dd {
    margin: 0;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tags li {
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--_bg-contrast);
  }
  .reply {
    display: grid;
    gap: 0.375rem;
    margin-top: 0.25rem;
    padding: 0.75rem var(--_space);
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .reply-from {
    font-weight: 700;
  }
  .signature {
    font-style: italic;
  }
`;
