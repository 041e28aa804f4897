import { css } from 'lit';

/** The floating button and its dialog, and the link mode (see `testimony-form.styles.ts`). */
export const modeStyles = css`
  .fab {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.625rem 1.25rem;
    font: inherit;
    font-family: var(--_font);
    font-weight: 700;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_on-primary);
    border-radius: 2rem;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    cursor: pointer;
  }
  .fab:hover {
    background: var(--_primary-hover);
  }
  dialog {
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_bg);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  dialog .form {
    padding: var(--_space);
  }
  .dialog-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding: 0.5rem;
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  .link-mode {
    display: inline-flex;
  }
  .root:has(.link-mode) {
    padding: 0;
    border: 0;
    background: transparent;
  }
`;
