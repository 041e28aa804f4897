/**
 * Shared by every browser test file (import it first):
 * - fails the current test on any Lit development-mode warning (the one-time "dev mode" notice aside) and on
 *   any uncaught error or unhandled rejection reaching the page;
 * - a fake `fetch` for failure modes (down, slow, 500, malformed, 429, offline), restored after each test;
 * - the URL of the real API server started by the test runner.
 */
import { clearCache } from '../../src/client/http.js';

const warnings: string[] = [];
const pageErrors: string[] = [];
const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (!/Lit is in dev mode/.test(text)) warnings.push(text);
  originalWarn(...args);
};
window.addEventListener('error', (e) => pageErrors.push(String(e.message ?? e.error)));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${String(e.reason)}`));

const realFetch = window.fetch.bind(window);
let restoreFetch: (() => void) | undefined;

beforeEach(() => {
  warnings.length = 0;
  pageErrors.length = 0;
  clearCache();
});

afterEach(function () {
  restoreFetch?.();
  restoreFetch = undefined;
  const allowed = (this.currentTest as { allowWarnings?: RegExp } | undefined)?.allowWarnings;
  const unexpected = warnings.filter((w) => !allowed || !allowed.test(w));
  if (unexpected.length) throw new Error(`Unexpected console warnings:\n${unexpected.join('\n')}`);
  if (pageErrors.length) throw new Error(`Uncaught errors reached the page:\n${pageErrors.join('\n')}`);
});

/** Lets a test expect a warning (e.g. the duplicate-definition warning) without failing. */
export function allowWarnings(context: Mocha.Context, pattern: RegExp): void {
  (context.test as unknown as { allowWarnings?: RegExp }).allowWarnings = pattern;
}

export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

export type FakeHandler = (call: FakeCall, index: number) => Response | Promise<Response>;

/** Replaces `fetch` until the end of the test. Throwing in the handler (or `offline()`) is a network error. */
export function fakeFetch(handler: FakeHandler): FakeCall[] {
  const calls: FakeCall[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    const call = { url, method: init.method ?? 'GET', headers, body };
    calls.push(call);
    const signal = init.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      Promise.resolve()
        .then(() => handler(call, calls.length - 1))
        .then(resolve, reject);
    });
  };
  restoreFetch = () => {
    window.fetch = realFetch;
  };
  return calls;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

export const offline = (): never => {
  throw new TypeError('Failed to fetch');
};

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let apiUrl: string | undefined;
/** Base URL of the real API server (fresh SQLite, demo data) started for this test run. */
export async function realApi(): Promise<string> {
  apiUrl ??= ((await (await realFetch('/__spp/api')).json()) as { url: string }).url;
  return apiUrl;
}

/**
 * Counts what creates or uses an `Intl` number or date formatter, or plural rules, until `stop()` (which puts `Intl`
 * back): a page's first formatter is a 100 to 200 ms native call on a phone. Uses of ones made earlier count too.
 */
export function watchIntlFormatters(): { stop: () => string[] } {
  const seen: string[] = [];
  const restore: (() => void)[] = [];
  for (const [name, method] of [['NumberFormat', 'format'], ['DateTimeFormat', 'format'], ['PluralRules', 'select']] as const) {
    const Real = Intl[name];
    const format = Object.getOwnPropertyDescriptor(Real.prototype, method)!;
    // `format` is a getter, `select` a method.
    const use = format.get ?? (() => format.value as unknown);
    Object.defineProperty(Real.prototype, method, {
      configurable: true,
      get(this: object) {
        seen.push(`${name}.${method}`);
        return use.call(this);
      },
    });
    const Watched = function (...args: unknown[]) {
      seen.push(`new ${name}`);
      return new (Real as new (...a: unknown[]) => unknown)(...args);
    };
    Watched.prototype = Real.prototype;
    Object.assign(Intl, { [name]: Watched });
    restore.push(() => {
      Object.assign(Intl, { [name]: Real });
      Object.defineProperty(Real.prototype, method, format);
    });
  }
  return { stop: () => (restore.forEach((undo) => undo()), seen) };
}
