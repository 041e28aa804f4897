/**
 * The API base defaults to the origin that served the widget modules: a webmaster pastes one script tag from
 * the API host and nothing else. An element's `api` attribute overrides it.
 */
export const scriptOrigin: string = new URL(import.meta.url).origin;

/** Joins an API base (origin or origin + path prefix) and an absolute API path. */
export function apiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
