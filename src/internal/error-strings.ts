import type { FailureStrings } from './failure.js';

/**
 * The messages of an element whose strings name them `errorNetwork`, `errorTimeout`... (`<spp-improvements>`,
 * `<spp-testimonies>`), as `failureMessage` reads them. Apart from `failure.ts` so the results card, which passes
 * its strings as they are, does not download it.
 */
export const errorStrings = (s: {
  errorNetwork: string;
  errorTimeout: string;
  errorServer: string;
  errorBusy: string;
  errorMalformed: string;
  errorUnknownStructure: string;
}): FailureStrings => ({
  down: s.errorServer,
  offline: s.errorNetwork,
  timeout: s.errorTimeout,
  tooMany: s.errorBusy,
  malformed: s.errorMalformed,
  notFound: s.errorUnknownStructure,
});
