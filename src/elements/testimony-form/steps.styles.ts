import { css } from 'lit';

/** The error summary, the chosen services and their search, the review, the queued and received views (see `testimony-form.styles.ts`). */
export const stepStyles = css`
  .summary {
    padding: 1rem;
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }
  .summary ul {
    margin-block-start: 0.5rem;
  }
  .summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .chosen {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }
  .chosen li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    background: var(--_bg-alt);
    border-radius: var(--_radius);
  }
  .chosen-name {
    font-weight: 700;
  }
  .picker {
    margin-block-start: 1rem;
  }
  .picker > * + * {
    margin-block-start: 0.5rem;
  }
  .combo {
    position: relative;
  }
  .listbox {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-top: 0;
    background: var(--_bg);
    max-height: 20rem;
    overflow-y: auto;
  }
  .option {
    display: flex;
    flex-direction: column;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  .option + .option {
    border-top: 1px solid var(--_border);
  }
  .option.active,
  .option:hover {
    background: var(--_bg-contrast);
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .option-name {
    font-weight: 700;
  }
  .option-meta {
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .review {
    display: grid;
    gap: 0;
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    padding-block: 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  @media (min-width: 36rem) {
    .review-row {
      grid-template-columns: 10rem minmax(0, 1fr) auto;
      align-items: start;
    }
  }
  .review dt {
    font-weight: 700;
  }
  .review dd {
    margin: 0;
  }
  .plain {
    padding: 0;
    list-style: none;
  }
  .story {
    white-space: pre-wrap;
  }
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .status-line:not(:empty) {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
    font-weight: 700;
  }
  .done,
  .queued {
    padding: 1rem;
    border-inline-start: 4px solid var(--_success);
    background: var(--_bg-alt);
  }
  .queued {
    border-inline-start-color: var(--_warning);
  }
  .done > * + *,
  .queued > * + * {
    margin-block-start: 0.75rem;
  }
  .reference {
    white-space: nowrap;
    font-family: ui-monospace, monospace;
    font-size: 1.125rem;
    letter-spacing: 0.05em;
  }
  .copy {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .copy input {
    flex: 1 1 12rem;
    width: auto;
  }
`;
