import { config, type ZodMiniType } from 'zod/mini';

// zod probes `new Function` to speed up objects; under a strict host CSP that probe is reported as a
// violation even though zod catches it. Widgets never need the speed-up.
config({ jitless: true });

/** A response parser for the API client: the contract schema, or an error (never half a response). */
export function parserFor<T>(schema: ZodMiniType<T>): (data: unknown) => T {
  return (data) => schema.parse(data);
}
