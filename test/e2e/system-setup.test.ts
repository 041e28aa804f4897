/**
 * `npm test` on a machine that lacks system tools: what it installs (root with apt-get), what it leaves out and the
 * command it prints otherwise. The decision runs on made-up machines; then the real script runs in its
 * `--setup-only` mode with a PATH that hides redis-server, apt-get and poppler, as a newcomer's machine would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { missingReport, planSystemSetup } from '../../scripts/system-setup.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ALL_SUITES = ['server', 'server-pg', 'browser', 'e2e'];

/** A machine with the given commands and files, nothing else; PostgreSQL from npm unless told otherwise. */
function machine(opts: { uid?: number; commands?: string[]; files?: string[]; env?: Record<string, string>; postgres?: boolean }) {
  return {
    uid: opts.uid ?? 1000,
    has: (command: string) => (opts.commands ?? []).includes(command),
    exists: (path: string) => (opts.files ?? []).includes(path),
    env: opts.env ?? {},
    postgres: opts.postgres ?? true,
  };
}
const EVERYTHING = ['redis-server', 'pdfinfo', 'pdftotext', 'pdffonts'];
const names = (list: { name: string }[]) => list.map((r) => r.name);

describe('npm test: what it does about missing system tools', () => {
  it('root with apt-get: installs what is missing, in one apt-get command, and leaves nothing out', () => {
    const plan = planSystemSetup(machine({ uid: 0, commands: ['apt-get'] }), ALL_SUITES);
    assert.deepEqual(names(plan.install), ['Chromium', 'Redis', 'poppler-utils (pdfinfo, pdftotext, pdffonts)']);
    assert.equal(plan.installCommand, 'apt-get update && apt-get install -y chromium redis-server poppler-utils');
    assert.deepEqual(plan.missing, []);
  });

  it('PostgreSQL from npm counts as present; without it (nor a system one), root with apt-get installs postgresql', () => {
    const plan = planSystemSetup(machine({ uid: 0, commands: ['apt-get', ...EVERYTHING], files: ['/usr/bin/chromium'], postgres: false }), ALL_SUITES);
    assert.equal(plan.installCommand, 'apt-get update && apt-get install -y postgresql');
  });

  it('not root: installs nothing, and names each missing tool with the sudo command and what will not run', () => {
    const plan = planSystemSetup(machine({ uid: 1000, commands: ['apt-get', 'pdfinfo', 'pdftotext', 'pdffonts'] }), ALL_SUITES);
    assert.deepEqual(plan.install, []);
    assert.deepEqual(
      plan.missing.map((m) => [m.requirement.name, m.command, m.requirement.suites ?? []]),
      [
        ['Chromium', 'sudo apt-get install -y chromium', ['browser', 'e2e']],
        ['Redis', 'sudo apt-get install -y redis-server', []],
      ],
    );
    const report = missingReport(plan.missing).join('\n');
    assert.match(report, /Chromium: the browser and e2e suites\. Install: sudo apt-get install -y chromium/);
    assert.match(report, /Redis: the tests of the rate limit shared through Redis \(they skip themselves\)\. Install: sudo apt-get install -y redis-server/);
  });

  it('root without apt-get (not Debian): installs nothing and says which package to look for', () => {
    const plan = planSystemSetup(machine({ uid: 0, commands: EVERYTHING }), ALL_SUITES);
    assert.deepEqual(plan.install, []);
    assert.deepEqual(plan.missing.map((m) => m.command), ["install Chromium with your system's package manager (Debian/Ubuntu package: chromium)"]);
  });

  it('SPP_TEST_INSTALL=0 as root: installs nothing', () => {
    const plan = planSystemSetup(machine({ uid: 0, commands: ['apt-get'], env: { SPP_TEST_INSTALL: '0' } }), ALL_SUITES);
    assert.deepEqual(plan.install, []);
    assert.deepEqual(names(plan.missing.map((m) => m.requirement)), ['Chromium', 'Redis', 'poppler-utils (pdfinfo, pdftotext, pdffonts)']);
    assert.equal(plan.missing[0]!.command, 'apt-get install -y chromium', 'no sudo for root');
  });

  it('considers only what the chosen suites use, and a CHROME_PATH that exists', () => {
    assert.deepEqual(names(planSystemSetup(machine({ uid: 0, commands: ['apt-get'] }), ['browser']).install), ['Chromium']);
    assert.deepEqual(names(planSystemSetup(machine({ uid: 0, commands: ['apt-get'] }), ['server']).install), ['Redis', 'poppler-utils (pdfinfo, pdftotext, pdffonts)']);
    const chrome = machine({ uid: 1000, commands: EVERYTHING, env: { CHROME_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome'] });
    assert.deepEqual(planSystemSetup(chrome, ALL_SUITES), { install: [], missing: [] });
    const wrongChrome = machine({ uid: 1000, commands: EVERYTHING, env: { CHROME_PATH: '/nowhere/chrome' }, files: ['/usr/bin/chromium'] });
    assert.deepEqual(names(planSystemSetup(wrongChrome, ALL_SUITES).missing.map((m) => m.requirement)), ['Chromium']);
  });

  it('poppler missing: only the kit test file is left out', () => {
    const plan = planSystemSetup(machine({ uid: 1000, commands: ['redis-server'], files: ['/usr/bin/chromium'] }), ALL_SUITES);
    const files = plan.missing.map((m) => m.requirement.files).filter(Boolean) as RegExp[];
    assert.equal(files.length, 1);
    assert.ok(files[0]!.test('test/server/kit.test.ts'));
    assert.ok(!files[0]!.test('test/e2e/kit-page.test.ts') && !files[0]!.test('test/server/testimonies.test.ts'));
  });
});

describe('npm test --setup-only on a machine without redis-server, apt-get and poppler', () => {
  let bin: string;
  before(() => {
    // A PATH holding every command of this machine except those: what a newcomer's machine may look like.
    bin = mkdtempSync(join(tmpdir(), 'spp-path-'));
    const hidden = new Set(['redis-server', 'apt-get', 'pdfinfo', 'pdftotext', 'pdffonts']);
    for (const dir of (process.env.PATH ?? '').split(':')) {
      if (!dir || !existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        if (hidden.has(name) || existsSync(join(bin, name))) continue;
        try {
          symlinkSync(join(dir, name), join(bin, name));
        } catch {
          // a name twice on the PATH: the first one wins, as in a shell
        }
      }
    }
    mkdirSync(join(bin, 'empty'), { recursive: true });
  });
  after(() => rmSync(bin, { recursive: true, force: true }));

  const run = (env: Record<string, string>) => {
    const { CI: _ci, TEST_DATABASE_URL: _db, ...inherited } = process.env;
    return spawnSync(process.execPath, ['scripts/test.mjs', 'server', 'browser', '--setup-only'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...inherited, PATH: bin, CHROME_PATH: '/nonexistent/chromium', ...env },
    });
  };

  it('prints the exact commands, ends with a summary of what was left out, and succeeds outside CI', () => {
    const result = run({});
    const out = result.stdout;
    assert.equal(result.status, 0, out + result.stderr);
    const summary = out.slice(out.indexOf('=== summary ==='));
    assert.match(summary, /Not run, for lack of system tools/);
    assert.match(summary, /- Chromium: the browser and e2e suites\. Install: .*chromium/);
    assert.match(summary, /- Redis: .*Install: install Redis with your system's package manager \(Debian\/Ubuntu package: redis-server\)/);
    assert.match(summary, /- poppler-utils .*test\/server\/kit\.test\.ts/);
    assert.match(out.trimEnd().split('\n').at(-1)!, /^0 passed, 0 failed$/);
    assert.doesNotMatch(out, /=== installing/);
  });

  it('under CI=1 the same machine fails, so CI never goes green with tests left out', () => {
    const result = run({ CI: '1' });
    assert.equal(result.status, 1);
    assert.match(result.stdout.trimEnd().split('\n').at(-1)!, /^0 passed, [1-9]\d* failed$/);
  });
});
