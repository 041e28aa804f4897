import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { elementMarkup, type ElementSpec } from '../test/helpers/elements.js';
import { waitForProbe } from '../test/helpers/resilience.js';
import { hostPageHtml, type HostServer } from '../test/helpers/host-pages.js';
import { scrollThrough, trackNetwork } from '../test/helpers/page-watch.js';
import { coldPage, PHONE_VIEWPORT } from './browser.js';
import { kb, progress, table, verdict } from './report.js';

/**
 * Size: the JavaScript a first visit downloads, read from Chromium's network log. The request forces
 * `Accept-Encoding: gzip`, so the server sends its precompressed `.gz` files and the body bytes on the wire are
 * the gzip bytes the budgets speak of (checked against a gzip -9 of each decoded body). The widgets sit just below
 * the fold first (within the half screen where the autoloader loads them; what a page costs before anything lazy
 * inside them starts), then the page scrolls through them.
 */

export interface ScriptFile {
  /** Path on the API origin, e.g. `/widgets/assets/results-Bx1.js`. */
  path: string;
  /** Body bytes on the wire, as served with `Accept-Encoding: gzip`. */
  wireBytes: number;
  contentEncoding: string | null;
  /** gzip -9 of the decoded body, computed here: equals `wireBytes` when the server sent its `.gz`. */
  gzipBytes: number;
}

export interface SizeResult {
  page: string;
  tags: string[];
  budget?: { bytes: number; label: string };
  /** Scripts downloaded with the widgets below the fold, content shown, network quiet. */
  initial: ScriptFile[];
  initialBytes: number;
  /** Scripts downloaded only once the page scrolled through the widgets (lazy chunks, e.g. the chart). */
  lazy: ScriptFile[];
  lazyBytes: number;
  /** Whether every element showed its content before the measure was taken. */
  contentShown: boolean;
  withinBudget?: boolean;
}

const gzipBytesOf = (body: Buffer) => gzipSync(body, { level: 9 }).length;

async function describeScript(response: Response, apiOrigin: string): Promise<ScriptFile> {
  const sizes = await response.request().sizes();
  const body = await response.body();
  return {
    path: response.url().startsWith(apiOrigin) ? response.url().slice(apiOrigin.length) : response.url(),
    wireBytes: sizes.responseBodySize,
    contentEncoding: response.headers()['content-encoding'] ?? null,
    gzipBytes: gzipBytesOf(body),
  };
}

/** The gzip bytes of a file: what was on the wire when the server sent gzip, otherwise what gzip -9 gives. */
export const fileBytes = (f: ScriptFile): number => (f.contentEncoding === 'gzip' ? f.wireBytes : f.gzipBytes);
const total = (files: ScriptFile[]) => files.reduce((sum, f) => sum + fileBytes(f), 0);

export async function measureSize(
  browser: Browser,
  host: HostServer,
  apiOrigin: string,
  name: string,
  specs: ElementSpec[],
  budget?: ElementSpec['budget'],
): Promise<SizeResult> {
  const url = host.page(`/size/${encodeURIComponent(name)}.html`, {
    body: hostPageHtml({
      scriptUrl: `${apiOrigin}/widgets/spp-widgets.js`,
      widgets: specs.map((s) => elementMarkup(s)).join('\n'),
      // Below the fold, but within the half screen ahead where the autoloader loads an element (a reader about to
      // scroll to it): the element's own code counts, what it loads lazily further down (the chart) does not.
      spacerPx: Math.round(PHONE_VIEWPORT.height * 1.25),
    }),
  });
  const { context, page } = await coldPage(browser);
  try {
    await page.setExtraHTTPHeaders({ 'Accept-Encoding': 'gzip' });
    const network = trackNetwork(page);
    let phase: 'initial' | 'lazy' = 'initial';
    const byPhase = { initial: [] as Promise<ScriptFile>[], lazy: [] as Promise<ScriptFile>[] };
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      const pending = request.response().then((response) => describeScript(response!, apiOrigin));
      byPhase[phase].push(pending);
    });
    await page.goto(url, { waitUntil: 'load' });
    let contentShown = true;
    for (const spec of specs) contentShown = (await waitForProbe(page, spec, 'content', 15_000)) !== null && contentShown;
    await network.quiet();
    const initial = await Promise.all(byPhase.initial);
    phase = 'lazy';
    await scrollThrough(page, specs.map((s) => s.tag).join(','));
    await network.quiet(800);
    const lazy = await Promise.all(byPhase.lazy);
    const initialBytes = total(initial);
    return {
      page: name,
      tags: specs.map((s) => s.tag),
      budget,
      initial,
      initialBytes,
      lazy,
      lazyBytes: total(lazy),
      contentShown,
      withinBudget: budget ? initialBytes <= budget.bytes : undefined,
    };
  } finally {
    await context.close();
  }
}

export async function runSizeSection(browser: Browser, host: HostServer, apiOrigin: string, specs: ElementSpec[]): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const spec of specs) {
    progress(`size: <${spec.tag}> alone`);
    results.push(await measureSize(browser, host, apiOrigin, `<${spec.tag}>`, [spec], spec.budget));
  }
  if (specs.length > 1) {
    progress('size: every element on one page');
    results.push(await measureSize(browser, host, apiOrigin, 'all elements', specs));
  }
  return results;
}

export function formatSize(results: SizeResult[]): string {
  if (!results.length) return '  No element is registered in src/elements/catalog.ts yet: nothing to weigh.';
  const rows = [['page', 'JS gzip', 'budget', '', 'files', '+ after scrolling through', 'lazy files']];
  for (const r of results) {
    rows.push([
      r.page + (r.contentShown ? '' : ' (content not shown!)'),
      kb(r.initialBytes),
      r.budget ? `≤ ${r.budget.label}` : '–',
      verdict(r.withinBudget),
      String(r.initial.length),
      r.lazy.length ? `+${kb(r.lazyBytes)} = ${kb(r.initialBytes + r.lazyBytes)}` : 'nothing more',
      r.lazy.map((f) => f.path.replace(/^.*\//, '')).join(', '),
    ]);
  }
  const mismatches = results.flatMap((r) => [...r.initial, ...r.lazy]).filter((f) => f.contentEncoding !== 'gzip');
  const note = mismatches.length
    ? `\n  Note: ${mismatches.length} script(s) came without gzip (no precompressed .gz?): counted as gzip -9 of their body.`
    : '';
  return table(rows, { left: [6] }) + note;
}
