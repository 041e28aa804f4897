import type { FailureTable } from './failure.strings.js';

/** English failure messages (our own translation), downloaded with an element's English strings. */
export const FAILURE_EN: FailureTable = {
  offline: 'The service cannot be reached: check your internet connection, then try again.',
  timeout: 'The service is taking too long to answer. Try again in a moment.',
  down: 'The service is temporarily unavailable. Try again in a few minutes.',
  tooMany: 'Too many requests in a short time. Try again in a few moments.',
  malformed: 'The service sent an unexpected answer. Try again later.',
  notFound: 'No service has the code “{code}”. Check the page’s structure attribute.',
};
