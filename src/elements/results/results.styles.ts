import { css, type CSSResult } from 'lit';

/**
 * The poster: the card laid out for an A4 page in a waiting room (big values, two columns, the QR code, no
 * controls). Written once, applied when printing and on screen with the `poster` attribute.
 */
const posterRules = (scope: CSSResult) => css`
  ${scope} .history,
  ${scope} details,
  ${scope} button,
  ${scope} .feedback {
    display: none;
  }
  ${scope} .card {
    border: none;
    padding: 0;
    min-height: 0;
  }
  ${scope} h2 {
    font-size: 1.75rem;
  }
  /* One A4 page for up to 12 indicators: three compact columns; the trend, network average and sample size
     stay on the screen card (the QR code leads there). */
  ${scope} .trend,
  ${scope} .average,
  ${scope} .sample {
    display: none;
  }
  ${scope} .card {
    gap: 0.75rem;
  }
  ${scope} .indicators {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem;
  }
  ${scope} .family .intro {
    margin: 0 0 0.375rem;
  }
  ${scope} .indicator {
    break-inside: avoid;
    border: 1px solid var(--_border);
    padding: 0.5rem 0.75rem;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  ${scope} .indicator h4 {
    font-size: 0.9375rem;
  }
  ${scope} .value {
    font-size: 2rem;
  }
  ${scope} h3 {
    break-after: avoid;
  }
  ${scope} .qr {
    display: flex;
    break-inside: avoid;
  }
  ${scope} .qr svg {
    width: 7.5rem;
    height: 7.5rem;
  }
`;

export const resultsStyles = css`
  :host {
    --_chart-height: var(--spp-results-chart-height, 16rem);
    --_min-height: var(--spp-results-min-height, 40rem);
  }
  p,
  h2,
  h3,
  h4 {
    margin: 0;
  }
  /* One column that may shrink below its content's width (a long indicator name, a canvas): 320 px reflow. */
  .card,
  .history,
  .history-body {
    grid-template-columns: minmax(0, 1fr);
  }
  .card {
    display: grid;
    gap: 1.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  /* The loaded card keeps at least the skeleton's height: nothing below the element moves when it loads. */
  article.card,
  .skeleton {
    min-height: var(--_min-height);
    align-content: start;
  }
  header {
    display: grid;
    gap: 0.25rem;
  }
  .eyebrow,
  .meta,
  .intro,
  .period,
  .sample {
    color: var(--_text-muted);
  }
  .eyebrow {
    font-size: 0.875rem;
    font-weight: 700;
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.25rem;
    line-height: 1.3;
  }
  h4 {
    font-size: 1rem;
    line-height: 1.35;
  }
  .intro {
    margin: 0.25rem 0 0.75rem;
  }
  .stale {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_bg-alt);
  }
  /* Cards of at least 13rem that grow to fill their row: a last row of one card is as wide as the others together,
     never a card then an empty column. */
  .indicators {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* A fragment not yet adopted is painted as it is parsed: a family's cards, which share out their row among the
     cards present, are shown once the family is whole (the next part has begun), so none narrows once painted. */
  :host(:not(:defined)) .family:not(:has(~ *)) > .indicators {
    visibility: hidden;
  }
  .indicator {
    flex: 1 1 13rem;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-width: 0;
    padding: 1rem;
    border-radius: var(--_radius);
    background: var(--_bg-alt);
  }
  .value {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.15;
  }
  .period {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
  }
  .badge {
    align-self: flex-start;
    padding: 0.125rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875rem;
    font-weight: 700;
  }
  .met,
  .better {
    color: var(--_success);
  }
  .close {
    color: var(--_warning);
  }
  .not-met,
  .worse {
    color: var(--_error);
  }
  .insufficient {
    color: var(--_text-muted);
    border-style: dashed;
  }
  summary {
    color: var(--_primary);
    cursor: pointer;
  }
  details p {
    margin-top: 0.5rem;
    font-size: 0.9375rem;
  }
  .history {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  /* Room for the picker, legend and chart before they load: loading them moves nothing. */
  .history-body {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
    min-height: calc(var(--_chart-height) + 2.5rem);
  }
  .history-body.with-picker {
    min-height: calc(var(--_chart-height) + 7.5rem);
  }
  button {
    justify-self: start;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
  }
  button:hover {
    background: var(--_bg-alt);
  }
  .feedback {
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
  }
  .error {
    justify-items: start;
    border-inline-start: 4px solid var(--_error);
  }
  .bone {
    border-radius: var(--_radius);
    background: var(--_bg-contrast);
    animation: pulse 1.5s ease-in-out infinite alternate;
  }
  .bone.title {
    width: 60%;
    height: 2rem;
  }
  .bone.line {
    width: 40%;
    height: 1rem;
  }
  .bone.indicator {
    height: 9rem;
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  .qr {
    display: none;
    gap: 1rem;
    align-items: center;
    margin: 0;
  }
  .qr-light {
    fill: #ffffff;
  }
  .qr-dark {
    fill: #000000;
  }
  ${posterRules(css`.poster`)}
  @media print {
    /* Paper is light whatever the screen's colour scheme; badges keep their colours. */
    .root {
      --_bg: #ffffff;
      --_bg-alt: #ffffff;
      --_text: #000000;
      --_text-muted: #3a3a3a;
      --_border: #929292;
      --_success: #18753c;
      --_warning: #b34000;
      --_error: #ce0500;
      print-color-adjust: exact;
    }
    ${posterRules(css`.root`)}
  }
`;
