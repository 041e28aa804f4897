import type { PagesStrings } from './pages.strings.js';

/** English of `pages.strings.ts`, key for key. */
export const PAGES_EN: PagesStrings = {
  site: 'Services Publics+',
  formTitle: 'Your opinion on a public service',
  formTitleNamed: 'Your opinion on {name}',
  trackingTitle: 'Your testimony',
  noscript: 'This form needs JavaScript. Turn it on in your browser, or contact the service directly.',
  notFoundTitle: 'Service not found',
  notFound: 'No service matches this link.',
  searchInstead: 'Give your opinion by searching for the service',
  footer: 'Testimonies are reviewed before publication. Personal data is never published.',
  stopTitle: 'Stop e-mails',
  stopAsk: 'You will no longer receive e-mails about testimony {ref}. Your testimony stays as it is.',
  stopButton: 'Confirm',
  stopDone: 'Done: you will no longer receive e-mails about testimony {ref}.',
  stopBad: 'This link is not valid: check that it is complete, as received in the e-mail.',
};
