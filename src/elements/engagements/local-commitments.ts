import { ApiError } from '../../client/api-error.js';
import { apiUrl } from '../../internal/config.js';

/** What the banner needs from `GET /api/v1/structures/{code}`. */
export interface LocalCommitments {
  name: string;
  commitments: { engagement: number; text: string }[];
}

/** The API gets 5 s to add local commitments; the banner itself never waits for it. */
export const LOCAL_COMMITMENTS_TIMEOUT_MS = 5000;

/*
 * Budget trade-offs (a page holding only the banner may download 12 KB gzip of JavaScript, Lit included):
 * - No zod: the contract's `Structure` schema would bring zod/mini's core (about 5 KB gzip). A structural check
 *   of the fields the banner uses replaces it; an answer where any of them is missing or of the wrong type is
 *   malformed as a whole, never half-shown. The other fields are not looked at.
 * - Not the shared client (`client/http.ts`, about 1.2 KB gzip): the banner asks one optional question, once.
 *   Retries would only bring commitments that move the text long after the reader started; the browser's HTTP
 *   cache honours the API's `Cache-Control`. Errors are still `ApiError`s, so `spp-error` says the same things.
 */
function readLocalCommitments(data: unknown, status: number): LocalCommitments {
  const body = data as Partial<Record<keyof LocalCommitments, unknown>> | null;
  const valid =
    typeof body === 'object' &&
    body !== null &&
    typeof body.name === 'string' &&
    Array.isArray(body.commitments) &&
    body.commitments.every(
      (c: { engagement?: unknown; text?: unknown } | null) =>
        typeof c === 'object' && c !== null && typeof c.text === 'string' && Number.isInteger(c.engagement),
    );
  if (!valid) throw new ApiError('malformed', 'the response does not match the API contract', status);
  return body as LocalCommitments;
}

/** The structure's name and local commitments; throws `ApiError` (network, timeout, http, malformed). */
export async function fetchLocalCommitments(apiBase: string, code: string): Promise<LocalCommitments> {
  const signal = AbortSignal.timeout(LOCAL_COMMITMENTS_TIMEOUT_MS);
  const fail = (error: unknown, status?: number): never => {
    if (signal.aborted) throw new ApiError('timeout', `no answer within ${LOCAL_COMMITMENTS_TIMEOUT_MS} ms`);
    throw new ApiError(status ? 'malformed' : 'network', error instanceof Error ? error.message : String(error), status);
  };
  const url = apiUrl(apiBase, `/api/v1/structures/${encodeURIComponent(code)}`);
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal }).catch(fail);
  if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
  const body: unknown = await response.json().catch((error: unknown) => fail(error, response.status));
  return readLocalCommitments(body, response.status);
}
