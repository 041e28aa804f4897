import { ApiError } from '../client/api-error.js';
import type { Lang } from '../contract/common.js';
import { format } from './i18n.js';
import { numberFormat } from './intl.js';

/**
 * What went wrong with a request, as a reader is told it: one name per message. `notFound` is a 404 or a 400 (the
 * code the page gave is not one the API knows); `config` the open-data portal refusing the page's dataset or
 * field; anything that is not an `ApiError` could not be read (`malformed`). An aborted request is never shown
 * by the elements (a newer one replaced it); the agent app, which may show one, says `down` for it.
 */
export type Failure = 'network' | 'timeout' | 'malformed' | 'config' | 'notFound' | 'busy' | 'server' | 'aborted';

export function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError) || error.kind === 'malformed') return 'malformed';
  const { kind, status } = error;
  if (kind !== 'http') return kind;
  return status === 404 || status === 400 ? 'notFound' : status === 429 ? 'busy' : 'server';
}

/** Retrying cannot help: only the page (its `structure`, its portal attributes) can. */
export const isFinal = (failure: Failure): boolean => failure === 'notFound' || failure === 'config';

/**
 * The messages of an element (or the agent app), one per `Failure`, named as `<spp-results>`' strings name them
 * (it passes its table as is: its page has no byte to spare). `down` is the service failing, and stands in for any
 * message left out (and for `aborted`). With `retryIn` ("Réessayez dans {delay}.") a 429 says when to try again, from its
 * `Retry-After` (`retrySoon` without one).
 */
export interface FailureStrings {
  down: string;
  malformed: string;
  /** The network failed (`network` would clash with the results card's "Réseau : {network}"). */
  offline?: string;
  timeout?: string;
  tooMany?: string;
  config?: string;
  /** `{code}`: the structure code. */
  notFound?: string;
  retryIn?: string;
  retrySoon?: string;
}

/** The one way a failed request becomes words for the reader: `code` is the structure code (`notFound`). */
export function failureMessage(error: unknown, s: FailureStrings, lang: Lang, code = ''): string {
  const failure = failureOf(error);
  const texts: Partial<Record<Failure, string>> = {
      network: s.offline,
      timeout: s.timeout,
      malformed: s.malformed,
      busy: s.tooMany,
      config: s.config,
      notFound: s.notFound && format(s.notFound, { code }),
      server: s.down,
    };
  const text = texts[failure] ?? s.down;
  if (failure !== 'busy' || !s.retryIn) return text;
  const after = (error as ApiError).retryAfterMs;
  const seconds = after === undefined ? 0 : Math.max(1, Math.ceil(after / 1000));
  const delay = seconds && numberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
  return `${text} ${delay ? format(s.retryIn, { delay }) : s.retrySoon}`;
}
