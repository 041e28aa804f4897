import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const improvementsStyles = css`
  :host {
    --_min-height: var(--spp-improvements-min-height, 40rem);
  }
  .root {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /*
   * While loading and on error, the space the host page reserves (the element's docs): the loading message does
   * not pull the text below up. Once the plan is there the element is as tall as its content: a reservation kept
   * under a plan of one action is a blank band on the page.
   */
  .reserved {
    min-height: var(--_min-height);
  }
  p {
    margin: 0;
  }
  .heading {
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.3;
    color: var(--_primary);
  }
  .summary {
    color: var(--_text-muted);
  }
  .group {
    display: grid;
    gap: 0.75rem;
  }
  .group-heading {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 1.125em;
    font-weight: 700;
  }
  .status-done {
    --_marker: var(--_success);
  }
  .status-in_progress {
    --_marker: var(--_info);
  }
  .status-planned {
    --_marker: var(--_warning);
  }
  .dot {
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--_marker);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .item {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_marker);
    border-radius: var(--_radius);
  }
  .status {
    font-size: 0.875em;
    font-weight: 700;
  }
  .exchange {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  .exchange dt {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .exchange dd {
    margin: 0 0 0.5rem;
  }
  .said {
    padding: 0.5rem 0.75rem;
    background: var(--_bg-alt);
    border-radius: var(--_radius);
    font-style: italic;
  }
  .did {
    font-weight: 600;
  }
  .cited {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .cited-list {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .cited a {
    color: var(--_primary);
  }
  .cited a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .message {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    padding: var(--_space);
    background: var(--_bg-alt);
    border-radius: var(--_radius);
  }
  .loading {
    min-height: 12rem;
    align-content: start;
  }
  .error {
    border-inline-start: 4px solid var(--_error);
  }
  ${buttonStyles}
`;
