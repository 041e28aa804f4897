import { ApiError } from '../client/api-error.js';
import type { Parse } from '../client/http.js';

/**
 * A response parser whose module (zod and the contract's schemas) is not part of the element's own module.
 * Evaluating zod and the schemas is one task of about 200 ms on a phone (measured at 4× CPU). An element adopted
 * from a server-rendered fragment (which holds its data already) evaluates none of it until it asks the API; on a
 * page without a fragment of `tag`, the download starts at once, as the element's own module is evaluated, and its
 * evaluation is a task of its own rather than part of the element's (measured: starting it only with the first
 * request made Lighthouse's blocking time of the script-only page longer).
 *
 * Call the result when a request starts and hand what it returns to `getJson`. A module that cannot be
 * downloaded is a network failure (the request is tried again, and so is the download), never a malformed answer.
 */
export function lazyParser<T>(tag: string, load: () => Promise<{ parse: (data: unknown) => T }>): () => Parse<T> {
  let module: Promise<{ parse: (data: unknown) => T }> | undefined;
  const loaded = () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw new ApiError('network', `could not load the response parser: ${String(error)}`);
    }));
  const start = () => void loaded().catch(() => {});
  // The server's renderer (a DOM shim without queries) never parses an answer.
  const page = globalThis.document as Partial<Document> | undefined;
  if (page?.querySelectorAll && ![...page.querySelectorAll(tag)].some((element) => element.shadowRoot)) start();
  return () => {
    start();
    return async (data) => (await loaded()).parse(data);
  };
}
