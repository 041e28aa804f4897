import { css } from 'lit';

/**
 * The banner's look, kept small (a page holding only the banner may download 12 KB gzip of JavaScript). Colours
 * come only from the theme's `--_*` tokens, so dark mode and the host's `--spp-*` colours apply with no more
 * rules here. The `:host` min-heights keep the banner's space, the one its docs tell the host page to reserve,
 * while it renders (English is its own chunk; with a structure, the full banner waits a moment for its local
 * commitments), so the page below does not jump; they are below the rendered heights, never above.
 */
export const engagementsStyles = css`
  :host {
    min-height: 30rem;
  }
  /* One column: the host page reserves 40rem (the element's docs); shrinking to 30rem would pull the text below up. */
  @media (max-width: 48em) {
    :host {
      min-height: 40rem;
    }
  }
  :host([variant=compact]) {
    min-height: 4.5rem;
  }
  :host([variant=badge]) {
    min-height: 2.75rem;
  }
  p,
  ol,
  ul,
  blockquote {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .title {
    font-size: 1.375rem;
    font-weight: 700;
    color: var(--_primary);
    margin-block-end: 0.75rem;
  }
  /* Up to three columns of at least 13rem. auto-fill, not auto-fit: a group painted before the next ones are
     parsed keeps its column instead of taking the whole row (a layout shift when they arrive). */
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(13rem, 30%)), 1fr));
    gap: var(--_space);
  }
  .group,
  .strip {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-end: 3px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .group-title {
    font-size: 1.125rem;
    font-weight: 700;
    margin-block-end: 0.75rem;
  }
  .list {
    display: grid;
    gap: 1rem;
  }
  .engagement {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .on {
    padding: 0.5rem;
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_accent);
  }
  .number,
  .mark {
    flex: none;
    min-width: 2rem;
    line-height: 2rem;
    text-align: center;
    font-weight: 700;
    color: var(--_on-primary);
    background: var(--_primary);
  }
  strong {
    color: var(--_primary);
  }
  .flag,
  .by,
  .note {
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .local {
    margin-block-start: 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_primary);
  }
  .toggle {
    min-height: 2.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .toggle:hover {
    color: var(--_primary-hover);
  }
  /* Before the label, so that it never wraps alone onto a line of its own. */
  .toggle::before {
    content: '';
    display: inline-block;
    margin-inline-end: 0.6em;
    width: 0.4em;
    height: 0.4em;
    border: solid;
    border-width: 0 2px 2px 0;
    rotate: -45deg;
  }
  [aria-expanded=true]::before {
    rotate: 45deg;
  }
  .quote {
    padding: 0.5rem 0.75rem;
    font-style: italic;
    background: var(--_bg-alt);
  }
  .strip {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .strip .title {
    margin: 0;
  }
  .keywords {
    display: flex;
    flex-wrap: wrap;
    flex: 1 1 20rem;
    gap: 0.25rem 1rem;
  }
  .all,
  .note {
    margin-block-start: var(--_space);
  }
  .badge {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem 0.25rem 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 700;
  }
  :host([theme=neutral]) .group,
  :host([theme=neutral]) .strip {
    border: 0;
    background: var(--_bg-alt);
  }
  :host([theme=neutral]) .number {
    border-radius: 50%;
  }
`;
