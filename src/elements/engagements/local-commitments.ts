import { ApiError } from '../../client/api-error.js';
import { apiUrl } from '../../internal/config.js';

/** What the banner needs from `GET /api/v1/structures/{code}`. */
export interface LocalCommitments {
  name: string;
  commitments: { engagement: number; text: string }[];
}

/** The API gets 5 s to add local commitments. */
export const LOCAL_COMMITMENTS_TIMEOUT_MS = 5000;

/**
 * How long the full banner keeps its reserved space empty waiting for them: commitments inserted under engagements
 * already on screen would push the rest of the banner down (a layout shift). Past it the banner shows without
 * them, and commitments that come later are still inserted, moving the text below them: only an API slower
 * than this can make the banner shift.
 */
export const LOCAL_COMMITMENTS_GRACE_MS = 1000;

/*
 * Budget trade-offs (a page holding only the banner may download 12 KB gzip of JavaScript, Lit included):
 * - No zod: the contract's `Structure` schema would bring zod/mini's core (about 5 KB gzip). A structural check
 *   of the fields the banner uses replaces it; an answer where any of them is missing or of the wrong type is
 *   malformed as a whole, never half-shown. The other fields are not looked at.
 * - Not the shared client (`client/http.ts`, about 1 KB gzip): the banner asks one optional question, once.
 *   Retries would only bring commitments that move the text long after the reader started; the browser's HTTP
 *   cache honours the API's `Cache-Control`. Errors are still `ApiError`s, so `spp-error` says the same things.
 * - Not `LoadController`: alone it is 345 bytes gzip (the banner page downloads only the `define` chunk and has 11 to spare).
 */
function isLocalCommitments(body: unknown): body is LocalCommitments {
  // JSON has no functions: a value with a string `name` or `text` is an object (`?.` covers null).
  const value = body as Partial<Record<keyof LocalCommitments, unknown>> | null;
  return (
    typeof value?.name === 'string' &&
    Array.isArray(value.commitments) &&
    value.commitments.every((c: { engagement?: unknown; text?: unknown } | null) => typeof c?.text === 'string' && Number.isInteger(c.engagement))
  );
}

/** The structure's name and local commitments; throws `ApiError` (network, timeout, http, malformed). */
export async function fetchLocalCommitments(apiBase: string, code: string): Promise<LocalCommitments> {
  const signal = AbortSignal.timeout(LOCAL_COMMITMENTS_TIMEOUT_MS);
  let status: number | undefined;
  try {
    // No `Accept` header: the API answers JSON whatever it says (and the bytes go to this element's budget).
    const response = await fetch(apiUrl(apiBase, `/api/v1/structures/${encodeURIComponent(code)}`), { credentials: 'omit', signal });
    status = response.status;
    if (!response.ok) throw new ApiError('http', `HTTP ${status}`, status);
    const body: unknown = await response.json();
    if (isLocalCommitments(body)) return body;
    throw new ApiError('malformed', 'the response does not match the API contract', status);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (signal.aborted) throw new ApiError('timeout', `no answer within ${LOCAL_COMMITMENTS_TIMEOUT_MS} ms`);
    // Before an answer: the network; after one: a body that is not JSON.
    throw new ApiError(status ? 'malformed' : 'network', String(error), status);
  }
}
