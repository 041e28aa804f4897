/**
 * `npm start`'s log as an operator reads it: by default the start-up summary (and warnings, errors), not a JSON
 * line per request; `LOG_LEVEL=debug` adds the per-request lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Starts the real server, makes a few requests of every kind (page, API, 404, 400), stops it; returns its output. */
async function visit(env: Record<string, string>): Promise<{ output: string; origin: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'spp-log-'));
  const origin = `http://127.0.0.1:${port}`;
  const { LOG_LEVEL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const deadline = Date.now() + 30_000;
    while (!output.includes(`widgets on ${origin}`)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await fetch(`${origin}/api/health`)).status, 200);
    assert.equal((await fetch(`${origin}/api/v1/structures?limit=5`)).status, 200);
    assert.equal((await fetch(`${origin}/`)).status, 200);
    assert.equal((await fetch(`${origin}/api/v1/no-such-route`)).status, 404);
    const bad = await fetch(`${origin}/api/v1/testimonies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(bad.status, 400);
    await new Promise((r) => setTimeout(r, 200)); // let the last lines reach the pipe
  } finally {
    child.kill('SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { output, origin };
}

const requestLines = (output: string) => output.split('\n').filter((line) => /"reqId"|incoming request|request completed/.test(line));

describe('npm start log', () => {
  it('by default: the start-up summary, and no line per request', async () => {
    const { output, origin } = await visit({});
    assert.match(output, new RegExp(`Services Publics\\+ widgets on ${origin.replace(/[.]/g, '\\.')}\\n  data: sqlite `));
    assert.match(output, /\n {2}demo: /);
    assert.deepEqual(requestLines(output), []);
    assert.ok(!output.includes('/api/v1/structures?limit=5"'), 'no request URL in the log');
    assert.ok(!output.includes('no-such-route'), 'a 404 is not logged');
    assert.ok(output.split('\n').filter(Boolean).length <= 12, `a short log:\n${output}`);
  });

  it('LOG_LEVEL=debug: a line for each request, naming its URL and status', async () => {
    const { output } = await visit({ LOG_LEVEL: 'debug' });
    assert.match(output, /Services Publics\+ widgets on /);
    const lines = requestLines(output);
    assert.ok(lines.some((l) => l.includes('"url":"/api/v1/structures?limit=5"')), `structures request logged:\n${lines.join('\n')}`);
    assert.ok(lines.some((l) => l.includes('"url":"/api/v1/no-such-route"')), 'the 404 request logged');
    const statuses = lines.map((l) => /"statusCode":(\d+)/.exec(l)?.[1]).filter(Boolean);
    for (const status of ['200', '404', '400']) assert.ok(statuses.includes(status), `a completed request with status ${status}: ${statuses.join(',')}`);
  });
});
