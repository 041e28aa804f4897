import { css } from 'lit';

/**
 * The frame of the form's buttons, shared by `<spp-testimony-tracking>` (the view the form shows after sending):
 * size, spacing and type. Colours come from each element (`.primary` / `.secondary` in the form, the outlined look
 * of the tracking view). Interpolated where each element's styles had it, so the cascade is unchanged.
 */
export const actionButtonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    border-radius: var(--_radius);
    cursor: pointer;
  }
`;
