import type { Problem } from '../contract/problem.js';

/*
 * Its own module (re-exported by `http.ts`) because every element reports errors through `ApiError` but not
 * every element uses the full client: importing the class must not pull retries, backoff and the ETag cache
 * into a page that holds only the engagements banner (12 KB budget).
 */

/**
 * `config`: the request cannot succeed as the page configured it (a source that answers "no such dataset" or
 * "no such field"); only the webmaster can fix it, retrying never will.
 */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'aborted' | 'config';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** From `Retry-After`, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
