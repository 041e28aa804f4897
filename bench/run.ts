/**
 * `npm run bench`: one report, every figure measured in this run, each next to its budget or baseline.
 *
 *     npm run bench                    # all five sections (several minutes)
 *     npm run bench -- import          # only the import of a 500,000-row experiences export
 *     npm run bench -- size render     # only those sections
 *     BENCH_RUNS=3 BENCH_API_SECONDS=3 npm run bench -- --quick-scale   # shorter, for a try
 *     BENCH_ELEMENTS=spp-results npm run bench -- size render           # only those elements' pages
 *     npm run bench -- lighthouse      # only Lighthouse (mobile preset) on each element's page, `/` and `/mairie`
 *     BENCH_ELEMENTS=none BENCH_LIGHTHOUSE_PAGES=/mairie BENCH_LIGHTHOUSE_DIR=/tmp/lh npm run bench -- lighthouse --no-build
 *                                      # only /mairie, keeping Lighthouse's whole report in /tmp/lh
 *     BENCH_LIGHTHOUSE_RUNS=5 npm run bench -- lighthouse   # each page 5 times, the median run shown (default 3)
 *
 * Sections: size (JS a page downloads, gzip, in Chromium), render (4× CPU throttling, against a static twin),
 * api (autocannon against a bare Fastify route; a PostgreSQL column on BENCH_DATABASE_URL, or on a throwaway
 * local cluster when PostgreSQL is installed), scale (15,000 structures and 1,000,000 testimonies), import (a generated
 * 500,000-row experiences export in the real open-data format, `BENCH_IMPORT_ROWS` to change it: rows/s and peak memory),
 * lighthouse (the pinned Lighthouse CLI, mobile preset, on a host page per element, script only and fragment + script,
 * and on `/` and `/mairie`: performance, accessibility, TBT, LCP, CLS, boot-up next to the budgets). The report goes to stdout and, as JSON, to `bench/results/`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, startServerProcess } from '../test/helpers/e2e.js';
import { elementSpecs, type ElementSpec } from '../test/helpers/elements.js';
import { startHostServer } from '../test/helpers/host-pages.js';
// @ts-expect-error: plain JavaScript helper shared with the test runner and CI
import { findPostgresBin, startThrowawayPostgres } from '../scripts/throwaway-postgres.mjs';
import { formatApi, runApiSection, type ApiResult } from './api.js';
import { LARGE_RESULTS_SHAPE, LARGE_RESULTS_STRUCTURE, prepareBenchData } from './bench-data.js';
import { formatRender, runRenderSection, type RenderCase, type RenderResult } from './render.js';
import { progress } from './report.js';
import { formatImport, runImportSection, type ImportResult } from './import.js';
import { formatLighthouse, runLighthouseSection, type LighthouseResult } from './lighthouse.js';
import { formatScale, runScaleSection, type ScaleResult } from './scale.js';
import { formatFragments, runFragmentSection, type FragmentResult } from './fragments.js';
import { formatSize, runSizeSection, type SizeResult } from './size.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECTIONS = ['size', 'render', 'api', 'scale', 'import', 'lighthouse', 'fragments'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const unknown = args.filter((a) => !a.startsWith('--') && !(SECTIONS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${SECTIONS.join(', ')}.`);
  process.exit(2);
}
const wanted: Section[] = args.filter((a): a is Section => (SECTIONS as readonly string[]).includes(a));
const sections = new Set<Section>(wanted.length ? wanted : SECTIONS);
const flag = (name: string) => args.includes(`--${name}`);
const numberEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const renderRuns = numberEnv('BENCH_RUNS', 5);
const apiOptions = { seconds: numberEnv('BENCH_API_SECONDS', 5), connections: numberEnv('BENCH_API_CONNECTIONS', 10) };
const scaleOptions = flag('quick-scale')
  ? { structures: 1_500, testimonies: 100_000, queries: 200 }
  : { structures: numberEnv('BENCH_STRUCTURES', 15_000), testimonies: numberEnv('BENCH_TESTIMONIES', 1_000_000), queries: 1_000 };

function git(...gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function build(): void {
  // The widgets as served in production: minified modules plus the precompressed .gz/.br the server sends.
  progress('building dist/ (vite build + precompressed copies)');
  for (const command of [
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    ['scripts/compress.mjs'],
  ]) {
    const result = spawnSync(process.execPath, command, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`build step failed: ${command.join(' ')}`);
  }
}

/** The render cases: each element with the demo data, plus the issue 4 case (results, 12 indicators × 24 quarters). */
function renderCases(specs: ElementSpec[]): RenderCase[] {
  const cases: RenderCase[] = specs.map((spec) => ({ name: `<${spec.tag}>`, spec }));
  const results = specs.find((s) => s.tag === 'spp-results');
  if (results) {
    cases.push({
      name: `<spp-results> ${LARGE_RESULTS_SHAPE.indicators}×${LARGE_RESULTS_SHAPE.periods}`,
      spec: {
        ...results,
        attributes: { ...results.attributes, structure: LARGE_RESULTS_STRUCTURE },
        // The 12th indicator only this structure publishes.
        content: `!!root && !root.querySelector('[aria-busy="true"]') && text.includes('Usagers satisfaits de l’accueil sur place')`,
      },
    });
  }
  return cases;
}

/**
 * The PostgreSQL of the API section's second column: `BENCH_DATABASE_URL`, else a throwaway local cluster when
 * PostgreSQL is installed (the same one the tests use), else none (the report says how to get it).
 */
async function benchPostgres(): Promise<{ url: string; location: string; stop?: () => void } | undefined> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, location: 'PostgreSQL (BENCH_DATABASE_URL)' };
  if (!findPostgresBin()) return undefined;
  progress('api: starting a throwaway PostgreSQL cluster (local, fsync off)');
  const cluster = (await startThrowawayPostgres()) as { url: string; stop: () => void };
  return { url: cluster.url, location: 'PostgreSQL (throwaway local cluster, fsync off)', stop: cluster.stop };
}

/** Sections that threw: the report says so, and the others still run (one bad section must not cost the rest). */
const failures: Record<string, string> = {};

async function attempt<T>(section: Section, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    failures[section] = error instanceof Error ? error.message : String(error);
    progress(`${section}: FAILED: ${failures[section]}`);
    return undefined;
  }
}

interface Report {
  meta: Record<string, unknown>;
  size?: SizeResult[];
  render?: RenderResult[];
  api?: ApiResult;
  scale?: ScaleResult;
  import?: ImportResult;
  lighthouse?: LighthouseResult[];
  fragments?: FragmentResult;
}

async function main(): Promise<void> {
  const started = new Date();
  const only = process.env.BENCH_ELEMENTS?.split(',').map((tag) => tag.trim()).filter(Boolean);
  const specs = elementSpecs().filter((spec) => !only?.length || only.includes(spec.tag));
  const report: Report = {
    meta: {
      startedAt: started.toISOString(),
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: git('status', '--porcelain').length > 0,
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
      elements: specs.map((s) => s.tag),
      sections: [...sections],
    },
  };

  const browserSections = sections.has('size') || sections.has('render') || sections.has('lighthouse');
  // The server renders fragments from the built elements (dist-ssr/) when they are there: built first.
  if (browserSections && !flag('no-build')) build();
  // Fragments first, before Lighthouse's runs and the scale section's million rows: its p99 is a few milliseconds,
  // timed in this process, and what an earlier section leaves behind (a grown heap to collect, browsers closing)
  // counts in it. From the cache, p99 read 21.6 and 23.9 ms right after Lighthouse, 15.2 ms on its own (same code,
  // same hour).
  if (sections.has('fragments')) report.fragments = await attempt('fragments', () => runFragmentSection());
  if (browserSections) {
    const dataDir = mkdtempSync(join(tmpdir(), 'spp-bench-'));
    await prepareBenchData(dataDir);
    const server = await startServerProcess({ DATA_DIR: dataDir, RATE_LIMIT_MAX: '1000000000' });
    const host = await startHostServer();
    const browser = await launchChromium();
    report.meta.chromium = browser.version();
    try {
      if (sections.has('size')) report.size = await attempt('size', () => runSizeSection(browser, host, server.url, specs));
      if (sections.has('render')) report.render = await attempt('render', () => runRenderSection(browser, host, server.url, renderCases(specs), renderRuns));
      // Lighthouse launches its own Chromium per run; Playwright's stays idle meanwhile.
      const pagePaths = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim()).filter(Boolean);
      if (sections.has('lighthouse')) {
        report.lighthouse = await attempt('lighthouse', () =>
          runLighthouseSection(host, server.url, specs, { paths: pagePaths ?? ['/', '/mairie'] }, numberEnv('BENCH_LIGHTHOUSE_RUNS', 3)),
        );
      }
    } finally {
      await browser.close();
      await host.close();
      await server.dispose();
    }
  }
  if (sections.has('api')) {
    report.api = await attempt('api', async () => {
      const postgres = await benchPostgres();
      try {
        return await runApiSection(apiOptions, postgres?.url, postgres?.location);
      } finally {
        postgres?.stop?.();
      }
    });
  }
  if (sections.has('scale')) report.scale = await attempt('scale', () => runScaleSection(scaleOptions));
  if (sections.has('import')) {
    report.import = await attempt('import', () => runImportSection({ rows: numberEnv('BENCH_IMPORT_ROWS', 500_000), structures: 2_000 }));
  }

  report.meta.failures = failures;
  report.meta.finishedAt = new Date().toISOString();
  report.meta.minutes = Math.round((Date.now() - started.getTime()) / 600) / 100;

  const text = formatReport(report);
  console.log(text);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify({ ...report, text }, null, 2);
  writeFileSync(file, json);
  writeFileSync(join(dir, 'latest.json'), json);
  progress(`JSON written to ${file.slice(ROOT.length + 1)} (and bench/results/latest.json)`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

function formatReport(report: Report): string {
  const m = report.meta;
  const lines = [
    'Services Publics+ widgets: bench report',
    `  ${m.startedAt}, commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}`,
    `  ${m.cpus}, load average at start ${(m.loadAverageAtStart as number[]).join(' ')}; took ${m.minutes} min`,
    `  elements in the catalog: ${(m.elements as string[]).length ? (m.elements as string[]).map((t) => `<${t}>`).join(', ') : 'none yet'}`,
  ];
  const failed = (section: Section, title: string) => (failures[section] ? ['', title, `  FAILED: ${failures[section]}`] : []);
  lines.push(
    ...failed('size', '1. Size'),
    ...failed('render', '2. Render'),
    ...failed('api', '3. API'),
    ...failed('scale', '4. Scale'),
    ...failed('import', '5. Import'),
    ...failed('lighthouse', '6. Lighthouse'),
  );
  if (report.size) lines.push('', '1. Size: JavaScript a first visit downloads (gzip bytes on the wire, Accept-Encoding: gzip, Chromium network log)', formatSize(report.size));
  if (report.render) lines.push('', `2. Render: first visit, phone viewport, CPU 4× slower (CDP), widget vs a static page of the same content`, formatRender(report.render, renderRuns));
  if (report.api) lines.push('', '3. API: autocannon, next to a bare Fastify route measured in the same run', formatApi(report.api));
  if (report.scale) lines.push('', '4. Scale: a generated store, queries through the store functions', formatScale(report.scale));
  if (report.import) lines.push('', '5. Import: npm run import on a generated experiences export in the real open-data format', formatImport(report.import));
  if (report.lighthouse) lines.push('', '6. Lighthouse: mobile preset (simulated slow 4G, 4× CPU), one fresh Chromium per page', formatLighthouse(report.lighthouse));
  if (report.fragments) lines.push('', '7. Fragments: GET /fragments/{tag} over HTTP, one request at a time', formatFragments(report.fragments));
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
