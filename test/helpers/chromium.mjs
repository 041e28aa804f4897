/*
 * The one Chromium of the tests: where it is and the flags that work headless as root on these machines without
 * reaching for the (closed) network. Plain JavaScript so that web-test-runner's config (an .mjs file node loads
 * without tsx) and the TypeScript e2e helpers share it; types in chromium.d.mts.
 */

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
