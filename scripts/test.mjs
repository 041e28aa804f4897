#!/usr/bin/env node
/**
 * `npm test`: every suite, one summary. Suites: server (node:test through HTTP on real SQLite files),
 * browser (web-test-runner in headless Chromium), e2e (the built bundle on the real server, driven in Chromium).
 * `npm test -- server browser` runs only those. Ends with `N passed, N failed`; exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

const listTests = (dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
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
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } },
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
  const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SPP_TEST_COUNTS: counts },
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

const SUITES = {
  server: nodeSuite('server', 'test/server'),
  browser: browserSuite,
  e2e: () => {
    if (!listTests('test/e2e').length) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
    if (!ensureBuild()) return { passed: 0, failed: 1, skipped: 0, note: 'build failed' };
    return nodeSuite('e2e', 'test/e2e')();
  },
};

const wanted = process.argv.slice(2).filter((a) => a in SUITES);
const names = wanted.length ? wanted : Object.keys(SUITES);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const name of names) {
  console.log(`\n=== ${name} tests ===\n`);
  const counts = SUITES[name]();
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`  ${name.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${counts.note ? ` (${counts.note})` : ''}`);
}
console.log(`\n=== summary ===\n${lines.join('\n')}`);
mkdirSync(tmp, { recursive: true });
await import('node:fs').then((fs) => fs.writeFileSync(join(tmp, 'test-totals.json'), JSON.stringify(totals)));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
