import { html, nothing, type TemplateResult } from 'lit';

/*
 * The loading and failure boxes of every element that fetches: same roles, parts and focus target everywhere.
 * `className` adds the element's own frame (the results card); the box can take focus (`tabindex="-1"`), so
 * after "Réessayer" the keyboard stays in the element while the button is gone.
 */

/** Waiting: `content` says so (and may hold a skeleton); `aria-busy` until the answer replaces the box. */
export const loadingView = (content: unknown, className = ''): TemplateResult =>
  html`<div class="message loading ${className}" part="message" aria-busy="true" tabindex="-1">${content}</div>`;

/** Failed: the message, announced at once, and the retry button when trying again can help (`retry` given). */
export const failureView = (message: string, retryLabel: string, retry?: () => void, className = ''): TemplateResult =>
  html`<div class="message error ${className}" part="message error" role="alert" tabindex="-1">
    <p>${message}</p>
    ${retry ? html`<button type="button" class="button" part="button" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
