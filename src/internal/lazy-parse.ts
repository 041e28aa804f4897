import { ApiError } from '../client/api-error.js';
import type { Parse } from '../client/http.js';

/**
 * A response parser whose module (zod and the contract's schemas) is downloaded and evaluated only when a request
 * starts, not with the element's own module. Evaluating zod and the schemas is one task of about 200 ms on a
 * phone (measured at 4× CPU): this way it is a task of its own, run while the API answers, and an element adopted
 * from a server-rendered fragment (which holds its data already) evaluates none of it until it asks the API.
 *
 * Call the result when the request starts (the module downloads alongside it) and hand what it returns to
 * `getJson`. A module that cannot be downloaded is a network failure (the request is tried again, and so is the
 * download), never a malformed answer.
 */
export function lazyParser<T>(load: () => Promise<{ parse: (data: unknown) => T }>): () => Parse<T> {
  let module: Promise<{ parse: (data: unknown) => T }> | undefined;
  const loaded = () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw new ApiError('network', `could not load the response parser: ${String(error)}`);
    }));
  return () => {
    loaded().catch(() => {});
    return async (data) => (await loaded()).parse(data);
  };
}
