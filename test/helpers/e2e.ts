import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startHostServer, type HostServer } from './host-pages.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

export { CHROMIUM_ARGS };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A layout shift: its score, when (ms after navigation) and what moved (`tag[part=…].class (x,y,w,h → x,y,w,h)` of each source). */
export interface Shift {
  value: number;
  at: number;
  what: string;
}

/**
 * The layout shift score that every CLS report shows as 0 (Lighthouse and the bench print three decimals): below it,
 * a shift no reader sees, such as the 5 px move of a 9 px chevron once seen in CI on `/mairie` (7e-7). Every shift
 * these tests caught for real scored 0.009 or more.
 */
export const NO_SHIFT = 0.0005;

/** The sum of the shifts' scores, for an assertion against `NO_SHIFT`. */
export const shiftScore = (shifts: Shift[]): number => shifts.reduce((sum, shift) => sum + shift.value, 0);

/**
 * Records the page's layout shifts from its first paint on (call before `goto`); the function returned reads them,
 * so a failure says what moved and whether it was before or after the script.
 */
export async function recordShifts(page: Page): Promise<() => Promise<Shift[]>> {
  await page.addInitScript(() => {
    const shifts: { value: number; at: number; what: string }[] = [];
    (window as unknown as { sppShifts: typeof shifts }).sppShifts = shifts;
    // No named function in here: the test's compiler would wrap it in a helper the page does not have.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; startTime: number; sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[])
        shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          // A node in a shadow root is not named (null): its boxes, before and after, still tell which one it was.
          what: entry.sources
            .map(
              ({ node, previousRect: p, currentRect: c }) =>
                `${node instanceof Element ? `${node.localName}[part=${node.getAttribute('part') ?? ''}].${node.className}` : (node?.nodeName ?? '?')}` +
                ` (${[p.x, p.y, p.width, p.height].map(Math.round).join(',')} → ${[c.x, c.y, c.width, c.height].map(Math.round).join(',')})`,
            )
            .join(' '),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { sppShifts: Shift[] }).sppShifts);
}

/**
 * Loads `html` in a fresh page as a slow network sends it: up to `cut` at once, and the rest once `waiting` has
 * looked at what the browser made of the first piece (it waits for what it needs); then `loaded`, once the page
 * has loaded. Resolves with the page's layout shifts from the first paint on.
 */
export async function loadInTwo(
  browser: Browser,
  html: string,
  cut: number,
  checks: { waiting: (page: Page) => Promise<void>; loaded: (page: Page) => Promise<void> },
): Promise<Shift[]> {
  let release = () => {};
  const rest = new Promise<void>((resolve) => (release = resolve));
  const http = createHttpServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(html.slice(0, cut));
    void rest.then(() => res.end(html.slice(cut)));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const shifts = await recordShifts(page);
    const loaded = page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    loaded.catch(() => {}); // awaited below; a failed check before that closes the page
    await checks.waiting(page);
    release();
    await loaded;
    await page.waitForTimeout(300);
    await checks.loaded(page);
    return await shifts();
  } finally {
    release();
    await context.close();
    http.close();
  }
}

/**
 * Every script a page downloads, in the order requested, with its size as the budgets count it (gzip -9 of the
 * body, whether or not the server compressed it). A body still being read when the page closes is left out rather
 * than failing the whole test file with an unhandled rejection.
 */
export function recordScripts(page: Page): {
  requested: string[];
  /** The scripts whose bodies are in, by path. */
  sizes: Map<string, number>;
  /** Waits for the bodies of every script answered so far. */
  settled(): Promise<[string, number][]>;
} {
  const requested: string[] = [];
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const path = new URL(response.url()).pathname;
    pending.push(
      response.body().then(
        (body) => void sizes.set(path, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  return {
    requested,
    sizes,
    settled: async () => {
      await Promise.all(pending);
      return [...sizes];
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Graceful stop (SIGTERM) or a crash (SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts again on the same port and data. */
  restart(): Promise<void>;
  /** Stops and deletes the data. */
  dispose(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} not healthy after ${timeoutMs} ms`);
}

/** `npm start`'s server as its own process (the real entry point), on a free port and a fresh data folder. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'spp-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let child!: ChildProcess;
  const spawnServer = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      // Many submissions come from 127.0.0.1 in a run: a generous rate limit unless the test sets its own.
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '10000', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitHealthy(url, child);
  };
  await spawnServer();
  const handle: ServerProcess = {
    url,
    port,
    dataDir,
    get child() {
      return child;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    restart: spawnServer,
    async dispose() {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** What `e2eHooks` starts for a describe block. `host` only with `{ host: true }`. */
export interface E2eSetup {
  server: ServerProcess;
  browser: Browser;
  host: HostServer;
}

/**
 * The usual frame of an end-to-end describe block: `npm start`'s server as a process, Chromium and, with
 * `host: true`, a host-page server on another origin, started before the block's tests (in that order, handed to
 * `use`) and stopped after them (in the reverse order), even when starting failed half-way.
 */
export function e2eHooks(options: { host?: boolean; env?: Record<string, string> }, use: (started: E2eSetup) => void): void {
  const started: Partial<E2eSetup> = {};
  before(async () => {
    started.server = await startServerProcess(options.env);
    if (options.host) started.host = await startHostServer();
    started.browser = await launchChromium();
    use(started as E2eSetup);
  });
  after(async () => {
    await started.browser?.close();
    await started.host?.close();
    await started.server?.dispose();
  });
}
