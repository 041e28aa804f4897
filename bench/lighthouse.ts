import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { elementMarkup, type ElementSpec } from '../test/helpers/elements.js';
import { hostPageHtml, type HostServer } from '../test/helpers/host-pages.js';
import { CHROMIUM_ARGS } from '../test/helpers/e2e.js';
import { ms, progress, table } from './report.js';

/**
 * Lighthouse (the CLI of the pinned `lighthouse` devDependency, mobile preset: Moto G-sized screen, simulated
 * slow 4G and 4× CPU) on the real server's pages: a host page per element holding only the script and the tag
 * ("script only"), the same page with the element's server-rendered fragment in place of the empty tag
 * ("fragment + script", when the server has `/fragments/{tag}`), and the demo pages `/` and `/mairie`.
 * Each run is a fresh Chromium (Lighthouse launches it), one at a time: runs are slow and share the CPU with
 * nothing else of the bench. Scores under a loaded machine are pessimistic (TBT grows with CPU contention).
 */

const ROOT = resolve(import.meta.dirname, '..');
const LIGHTHOUSE_CLI = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

/** DESIGN.md's budgets for a page with one element, and for `/` and `/mairie`. */
export const LIGHTHOUSE_BUDGETS = { performance: 95, accessibility: 100, tbtMs: 150 } as const;

export interface LighthouseFigures {
  /** 0–100, or null when Lighthouse could not score it. */
  performance: number | null;
  accessibility: number | null;
  tbtMs: number | null;
  lcpMs: number | null;
  fcpMs: number | null;
  cls: number | null;
  /** Script evaluation + parse + compile (the `bootup-time` audit), ms of simulated 4× CPU. */
  bootupMs: number | null;
  /** All main-thread work (`mainthread-work-breakdown`), ms. */
  mainThreadMs: number | null;
  /** Scripts with the most boot-up time: URL (origin stripped) and ms. */
  topScripts: { url: string; ms: number }[];
  /** Audits of the accessibility category that failed (id), so a score under 100 says why. */
  failedAccessibility: string[];
  /** Resources Lighthouse says block the first paint (`render-blocking-resources`), URL and estimated ms. */
  renderBlocking: { url: string; ms: number }[];
  /** Text resources sent uncompressed (`uses-text-compression`), URL. */
  uncompressed: string[];
  /**
   * Lighthouse's own measure of the machine's speed at the time (`environment.benchmarkIndex`; an idle desktop
   * core is 1,000 to 2,000): far lower means the CPU was shared and every time figure is inflated.
   */
  cpuIndex: number | null;
  /** A run error Lighthouse reported (`runtimeError`), if any. */
  error?: string;
}

export interface LighthouseResult {
  name: string;
  kind: 'script only' | 'fragment + script' | 'page';
  url: string;
  /** The median run's figures (`medianRun`). */
  figures?: LighthouseFigures;
  /** TBT of every run, lowest first (one run a page unless `BENCH_LIGHTHOUSE_RUNS`). */
  tbtRuns?: number[];
  /** Why there are no figures (fragments not available, Lighthouse failed). */
  skipped?: string;
  withinBudget?: boolean;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const score = (category: Json | undefined): number | null => (typeof category?.score === 'number' ? Math.round(category.score * 100) : null);
const numeric = (audit: Json | undefined): number | null => (typeof audit?.numericValue === 'number' ? audit.numericValue : null);
const shortUrl = (url: string): string => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

/** The figures of a Lighthouse result (LHR JSON, as `--output=json` writes it). */
export function parseLighthouse(lhr: Json): LighthouseFigures {
  const audits: Json = lhr.audits ?? {};
  const categories: Json = lhr.categories ?? {};
  const items = (id: string): Json[] => (Array.isArray(audits[id]?.details?.items) ? audits[id].details.items : []);
  const a11yRefs: Json[] = Array.isArray(categories.accessibility?.auditRefs) ? categories.accessibility.auditRefs : [];
  return {
    performance: score(categories.performance),
    accessibility: score(categories.accessibility),
    tbtMs: numeric(audits['total-blocking-time']),
    lcpMs: numeric(audits['largest-contentful-paint']),
    fcpMs: numeric(audits['first-contentful-paint']),
    cls: numeric(audits['cumulative-layout-shift']),
    bootupMs: numeric(audits['bootup-time']),
    mainThreadMs: numeric(audits['mainthread-work-breakdown']),
    topScripts: items('bootup-time')
      .filter((i) => typeof i.url === 'string' && typeof i.total === 'number')
      .sort((x, y) => y.total - x.total)
      .slice(0, 3)
      .map((i) => ({ url: shortUrl(i.url), ms: Math.round(i.total) })),
    failedAccessibility: a11yRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
      .map((ref) => String(ref.id)),
    renderBlocking: items('render-blocking-resources').map((i) => ({ url: shortUrl(String(i.url)), ms: Math.round(Number(i.wastedMs) || 0) })),
    uncompressed: items('uses-text-compression').map((i) => shortUrl(String(i.url))),
    cpuIndex: typeof lhr.environment?.benchmarkIndex === 'number' ? Math.round(lhr.environment.benchmarkIndex) : null,
    ...(lhr.runtimeError?.message ? { error: String(lhr.runtimeError.message) } : {}),
  };
}

/**
 * The run of median TBT among several runs of one page: Lighthouse's figures vary from run to run (its docs advise
 * the median of 3 to 5), most of all TBT, the budget closest to the line; a run without TBT counts as the worst.
 */
export function medianRun(runs: LighthouseFigures[]): LighthouseFigures {
  const sorted = [...runs].sort((a, b) => (a.tbtMs ?? Infinity) - (b.tbtMs ?? Infinity));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** perf, a11y, TBT for every row; a fragment must not move at all when the script adopts it (CLS 0). */
export function withinLighthouseBudget(f: LighthouseFigures, kind: LighthouseResult['kind'] = 'page'): boolean {
  return (
    f.performance !== null &&
    f.performance >= LIGHTHOUSE_BUDGETS.performance &&
    f.accessibility !== null &&
    f.accessibility >= LIGHTHOUSE_BUDGETS.accessibility &&
    f.tbtMs !== null &&
    f.tbtMs <= LIGHTHOUSE_BUDGETS.tbtMs &&
    (kind !== 'fragment + script' || (f.cls !== null && f.cls < 0.0005))
  );
}

/**
 * Runs the Lighthouse CLI once on `url` (mobile preset, performance and accessibility) and returns its LHR.
 * With `BENCH_LIGHTHOUSE_DIR` set, the whole report is also kept there as `{name}.json` (open it in the
 * Lighthouse viewer to see every audit).
 */
export async function runLighthouse(url: string, name = 'report'): Promise<Json> {
  const dir = mkdtempSync(join(tmpdir(), 'spp-lighthouse-'));
  const output = join(dir, 'report.json');
  // Lighthouse's launcher makes its own fresh profile; the flags are the ones every browser of the tests uses.
  const flags = ['--headless=new', ...CHROMIUM_ARGS];
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--output=json',
    `--output-path=${output}`,
    '--only-categories=performance,accessibility',
    `--chrome-flags=${flags.join(' ')}`,
    '--quiet',
    // The CPU is shared (CI, other jobs): Lighthouse's own warning about it is the figures' caveat, not an error.
    '--max-wait-for-load=60000',
  ];
  try {
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`lighthouse exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`))));
    });
    const text = readFileSync(output, 'utf8');
    const keep = process.env.BENCH_LIGHTHOUSE_DIR;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, `${name.replace(/[^a-z0-9.-]+/gi, '_').replace(/^_+|_+$/g, '') || 'root'}.json`), text);
    }
    return JSON.parse(text) as Json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The element's server-rendered fragment, or why there is none. A server without the fragments route answers
 * problem+json 404 (nothing at this address); a fragment is HTML, even for an unknown structure.
 */
async function fetchFragment(apiOrigin: string, spec: ElementSpec): Promise<{ html?: string; missing?: string }> {
  const query = new URLSearchParams(spec.attributes).toString();
  try {
    const response = await fetch(`${apiOrigin}/fragments/${spec.tag}?${query}`);
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html')) return { missing: `no fragment on this server (GET /fragments/${spec.tag} answered ${response.status} ${type.split(';')[0]})` };
    if (!response.ok) return { missing: `GET /fragments/${spec.tag} answered ${response.status}` };
    return { html: await response.text() };
  } catch (error) {
    return { missing: `GET /fragments/${spec.tag} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface LighthousePages {
  /** Pages to measure by themselves on the API origin, e.g. `/` and `/mairie`. */
  paths: string[];
}

export async function runLighthouseSection(
  host: HostServer,
  apiOrigin: string,
  specs: ElementSpec[],
  pages: LighthousePages = { paths: ['/', '/mairie'] },
  runs = 1,
): Promise<LighthouseResult[]> {
  const cases: { name: string; kind: LighthouseResult['kind']; url?: string; skipped?: string }[] = [];
  for (const spec of specs) {
    // The element alone at the top of a plain page, its space reserved as its docs tell webmasters to.
    const head = spec.reserve ? `<style>${spec.reserve}</style>` : '';
    const scriptUrl = `${apiOrigin}/widgets/spp-widgets.js`;
    cases.push({ name: `<${spec.tag}>`, kind: 'script only', url: host.page(`/lighthouse/${spec.tag}.html`, hostPageHtml({ scriptUrl, widgets: elementMarkup(spec), head })) });
    const fragment = await fetchFragment(apiOrigin, spec);
    cases.push(
      fragment.html
        ? // The fragment brings the widgets' script (docs/fragments.md): the page has no script line of its own.
          { name: `<${spec.tag}>`, kind: 'fragment + script', url: host.page(`/lighthouse/${spec.tag}.fragment.html`, hostPageHtml({ widgets: fragment.html, head })) }
        : { name: `<${spec.tag}>`, kind: 'fragment + script', skipped: fragment.missing },
    );
  }
  for (const path of pages.paths) cases.push({ name: path, kind: 'page', url: `${apiOrigin}${path}` });

  const results: LighthouseResult[] = [];
  for (const c of cases) {
    if (!c.url) {
      results.push({ name: c.name, kind: c.kind, url: '', skipped: c.skipped });
      continue;
    }
    progress(`lighthouse: ${c.name} (${c.kind})${runs > 1 ? `, ${runs} runs` : ''}`);
    try {
      const all: LighthouseFigures[] = [];
      for (let run = 0; run < runs; run++) all.push(parseLighthouse(await runLighthouse(c.url, `${c.name} ${c.kind}${run ? ` ${run + 1}` : ''}`)));
      const figures = medianRun(all);
      const tbtRuns = all.map((f) => f.tbtMs ?? NaN).sort((a, b) => a - b);
      results.push({ name: c.name, kind: c.kind, url: c.url, figures, tbtRuns, withinBudget: withinLighthouseBudget(figures, c.kind) });
    } catch (error) {
      results.push({ name: c.name, kind: c.kind, url: c.url, skipped: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

const int = (value: number | null): string => (value === null ? '–' : String(Math.round(value)));
const clsText = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

export function formatLighthouse(results: LighthouseResult[]): string {
  const b = LIGHTHOUSE_BUDGETS;
  const rows = [['page', 'kind', 'perf', 'a11y', 'TBT', 'LCP', 'CLS', 'boot-up', 'CPU index', 'verdict']];
  const notes: string[] = [];
  for (const r of results) {
    const f = r.figures;
    if (!f) {
      rows.push([r.name, r.kind, '–', '–', '–', '–', '–', '–', '–', 'skipped']);
      notes.push(`${r.name} (${r.kind}): ${r.skipped ?? 'not measured'}`);
      continue;
    }
    rows.push([r.name, r.kind, int(f.performance), int(f.accessibility), ms(f.tbtMs), ms(f.lcpMs), clsText(f.cls), ms(f.bootupMs), int(f.cpuIndex), r.withinBudget ? 'ok' : 'OVER']);
    const why: string[] = [];
    if (f.error) why.push(`Lighthouse: ${f.error}`);
    if (f.failedAccessibility.length) why.push(`accessibility audits failed: ${f.failedAccessibility.join(', ')}`);
    if (f.renderBlocking.length) why.push(`render-blocking: ${f.renderBlocking.map((x) => `${x.url} (${x.ms} ms)`).join(', ')}`);
    if (f.uncompressed.length) why.push(`sent uncompressed: ${f.uncompressed.join(', ')}`);
    if (r.tbtRuns && r.tbtRuns.length > 1) why.push(`TBT of the ${r.tbtRuns.length} runs: ${r.tbtRuns.map((t) => Math.round(t)).join(', ')} ms (the median run is shown)`);
    if (!r.withinBudget && f.topScripts.length) why.push(`most boot-up: ${f.topScripts.map((s) => `${s.url} ${s.ms} ms`).join(', ')}`);
    if (why.length) notes.push(`${r.name} (${r.kind}): ${why.join('; ')}`);
  }
  return [
    `  budgets: performance >= ${b.performance}, accessibility ${b.accessibility}, TBT <= ${b.tbtMs} ms; fragment + script also CLS 0. Simulated mobile (slow 4G, 4× CPU): boot-up is script parse + evaluation`,
    table(rows, { left: [1, 9] }),
    '  CPU index: Lighthouse\'s benchmarkIndex during the run (an idle desktop core: 1,000 to 2,000); far lower means a loaded machine and inflated times',
    ...notes.map((n) => `  - ${n}`),
  ].join('\n');
}
