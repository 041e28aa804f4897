import { css } from 'lit';

/**
 * The filled button of the lists (`<spp-improvements>`, `<spp-testimonies>`, their retry button included) and of
 * the agent page: one look, one piece. Interpolated where each element's styles had it, so the cascade is unchanged.
 */
export const buttonStyles = css`
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_primary-hover);
  }
`;
