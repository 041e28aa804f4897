import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { elementMarkup, probeFunction, type ElementSpec } from './elements.js';
import { hostPageHtml, type HostServer } from './host-pages.js';

/**
 * Shared by the resilience tests (`test/e2e/resilience-*.test.ts`) and their longer `npm run soak` variants:
 * API faults injected with Playwright's `page.route`, and a record of everything that reached the host page
 * (uncaught errors, unhandled rejections, CSP violations, `spp-error` events).
 */

export const PHONE = { width: 390, height: 844 };

/** What the host page saw. Filled by an init script that runs before any page script (CSP does not apply to it). */
export interface PageRecord {
  /** Uncaught exceptions and unhandled rejections: must stay empty. */
  errors: string[];
  /** `securitypolicyviolation` events and CSP console reports. */
  violations: string[];
  /** `spp-error` event details: the elements telling the host page something failed (allowed, even expected). */
  sppErrors: unknown[];
}

const RECORDER = `(() => {
  const record = (window.__sppRecord = { errors: [], violations: [], sppErrors: [] });
  window.addEventListener('error', (e) => record.errors.push('error: ' + (e.message || String(e.error))));
  window.addEventListener('unhandledrejection', (e) => record.errors.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))));
  document.addEventListener('securitypolicyviolation', (e) => record.violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')'), true);
  document.addEventListener('spp-error', (e) => record.sppErrors.push(e.detail), true);
})();`;

export interface RecordedPage {
  context: BrowserContext;
  page: Page;
  /** The page's record plus what Playwright saw (pageerror, CSP console messages). */
  record(): Promise<PageRecord>;
  close(): Promise<void>;
}

export async function recordedPage(browser: Browser, options: { reducedMotion?: boolean } = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: PHONE, reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleViolations: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) consoleViolations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(RECORDER);
  return {
    context,
    page,
    async record() {
      const inPage = await page.evaluate(() => (window as unknown as { __sppRecord: PageRecord }).__sppRecord).catch(() => undefined);
      return {
        errors: [...pageErrors, ...(inPage?.errors ?? [])],
        violations: [...consoleViolations, ...(inPage?.violations ?? [])],
        sppErrors: inPage?.sppErrors ?? [],
      };
    },
    close: () => context.close(),
  };
}

/** A host page holding every given element, one after the other, scripts from the API origin. */
export function allElementsPage(host: HostServer, path: string, apiOrigin: string, specs: ElementSpec[], head = ''): string {
  return host.page(path, hostPageHtml({ scriptUrl: `${apiOrigin}/widgets/spp-widgets.js`, widgets: specs.map((s) => elementMarkup(s)).join('\n'), head }));
}

/**
 * Waits until the element's probe (`content` or `failure`) holds; resolves to how long it took, or null on
 * timeout. Polls from Node with `page.evaluate` (DevTools evaluation): Playwright's in-page `waitForFunction`
 * compiles its predicate with `new Function`, which a strict CSP blocks and reports as a violation.
 */
export async function waitForProbe(page: Page, spec: ElementSpec, probe: 'content' | 'failure', timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  const check = `${probeFunction(spec[probe])}(document.querySelector(${JSON.stringify(spec.tag)}))`;
  while (Date.now() - started < timeoutMs) {
    if (await page.evaluate(check).catch(() => false)) return Date.now() - started;
    await sleep(100);
  }
  return null;
}

/** The element's shadow text (for failure messages). */
export async function shadowText(page: Page, tag: string): Promise<string> {
  return page
    .evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '(no shadow root)', tag)
    .catch(() => '(page gone)');
}

export interface Fault {
  name: string;
  /** What each element must end up showing: its fallback or error state (default), or its real content (the API recovers). */
  expect?: 'failure' | 'content';
  /** How long elements may take to settle into their fallback or error state (timeouts and retries included). */
  settleMs: number;
  /**
   * How long the page stays open at least, settled or not: late answers, timeouts and retries must all have
   * played out before we conclude nothing was thrown (an element showing its bundled fallback at once is not done).
   */
  observeMs?: number;
  handle(route: Route): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers late with the real response; the page may have given up (timeout) by then, which is fine. */
export async function late(route: Route, delayMs: number): Promise<void> {
  await sleep(delayMs);
  try {
    const response = await route.fetch();
    await route.fulfill({ response });
  } catch {
    // The request was aborted by the client's timeout, or the page closed.
  }
}

export const fulfill = (route: Route, status: number, contentType: string, body: string) =>
  route.fulfill({ status, headers: { 'content-type': contentType, 'access-control-allow-origin': '*' }, body }).catch(() => {});

/** The faults every element must survive (short suite). The client's own timeout is 8 s per attempt, 2 retries. */
export const FAULTS: Fault[] = [
  { name: 'API down (connection refused)', settleMs: 20_000, handle: (route) => route.abort('connectionrefused').catch(() => {}) },
  // 8 s client timeout × 3 attempts + backoff: the last late answer arrives about 30 s in.
  { name: 'API slow (every answer 10 s late)', settleMs: 60_000, observeMs: 32_000, handle: (route) => late(route, 10_000) },
  {
    name: 'API 500',
    settleMs: 20_000,
    handle: (route) =>
      fulfill(route, 500, 'application/problem+json', JSON.stringify({ type: 'about:blank', title: 'Erreur interne', status: 500, detail: 'Une erreur est survenue.' })),
  },
  { name: 'malformed JSON (cut in the middle)', settleMs: 20_000, handle: (route) => fulfill(route, 200, 'application/json', '{"structure":{"code":"CAF-69","na') },
  { name: 'valid JSON of the wrong shape', settleMs: 20_000, handle: (route) => fulfill(route, 200, 'application/json', '{"unexpected":[1,2,3],"items":"no"}') },
  {
    name: 'wrong content type (an HTML captive portal)',
    settleMs: 20_000,
    handle: (route) => fulfill(route, 200, 'text/html; charset=utf-8', '<!doctype html><title>Portail</title><p>Connectez-vous au Wi-Fi public</p>'),
  },
];

export interface ElementOutcome {
  tag: string;
  /** ms until it showed what the fault expects, or null if it never did. */
  settledAfterMs: number | null;
  text: string;
}

export interface FaultOutcome {
  fault: string;
  elements: ElementOutcome[];
  record: PageRecord;
}

/**
 * Loads a page of every element with every API call failing as `fault` says, waits for each element's
 * fallback or error state, then a little more for late errors.
 */
export async function runFault(browser: Browser, host: HostServer, apiOrigin: string, specs: ElementSpec[], fault: Fault, index: number): Promise<FaultOutcome> {
  const recorded = await recordedPage(browser);
  try {
    const { page } = recorded;
    await page.route(`${apiOrigin}/api/**`, (route) => fault.handle(route));
    const url = allElementsPage(host, `/fault-${index}.html`, apiOrigin, specs);
    const opened = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const elements = await Promise.all(
      specs.map(async (spec) => {
        const settledAfterMs = await waitForProbe(page, spec, fault.expect ?? 'failure', fault.settleMs);
        return { tag: spec.tag, settledAfterMs, text: (await shadowText(page, spec.tag)).slice(0, 300) };
      }),
    );
    await sleep(Math.max(1000, (fault.observeMs ?? 0) - (Date.now() - opened)));
    return { fault: fault.name, elements, record: await recorded.record() };
  } finally {
    await recorded.close();
  }
}
