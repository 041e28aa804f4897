import type { TemplateResult } from 'lit';
import { ApiError } from '../client/http.js';
import { format } from '../internal/i18n.js';
import type { LoadController } from '../internal/load-controller.js';
import { failureView, loadingView } from '../internal/load-view.js';

/** A load's "nothing to ask yet" (no API client, no structure): shown as loading, never as a failure. */
export const NOT_READY = Symbol();

/** The token was revoked or expired: the page signs the agent out (the screen stays "loading"). */
export const isUnauthorized = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** The words of a screen's load: "loading", "could not load: {reason}", "try again". */
export interface LoadStrings {
  loading: string;
  loadFailed: string;
  retry: string;
}

/**
 * The loading or failure box of an agent screen's `LoadController` (the one lifecycle), or `undefined` once its
 * answer is there. `busy` says when to show "loading" over an answer already there (by default while a request is
 * pending); `describe` is the screen's `failureText`.
 */
export function agentLoadView(
  loader: LoadController<unknown>,
  t: LoadStrings,
  describe: (error: unknown) => string,
  retry: () => void,
  busy = loader.pending,
): TemplateResult | undefined {
  const { error, value } = loader;
  if (error && error !== NOT_READY && !isUnauthorized(error)) return failureView(format(t.loadFailed, { reason: describe(error) }), t.retry, retry);
  return busy || value === undefined ? loadingView(t.loading) : undefined;
}
