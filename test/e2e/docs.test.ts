/**
 * The documentation: generated pages match the code (`npm run docs -- --check`), the OpenAPI document a real
 * server serves is valid, and no relative link in README.md or docs/ points to a missing file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openApiProblems } from '../../scripts/docs/api.mjs';
import { startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('documentation', () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ SEED: '0' });
  });
  after(async () => {
    await server?.dispose();
  });

  it('the OpenAPI document a running server serves is valid OpenAPI 3.1', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, unknown>;
    assert.deepEqual(openApiProblems(doc), []);
    assert.ok(Object.keys(doc.paths as object).length >= 7);
  });

  it('docs/elements and docs/api.md are up to date with the code (npm run docs)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });

  it('the validity check catches what would break OpenAPI tools', () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: { '/things/{id}': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } } },
      components: { schemas: {} },
    };
    assert.deepEqual(openApiProblems(broken), [
      'GET /things/{id}: no summary',
      'GET /things/{id}: path parameter {id} not declared',
      'GET /things/{id}.responses.200.content.application/json.schema: $ref #/components/schemas/Missing does not resolve',
    ]);
  });

  it('every relative link in README.md and docs/ leads to a file that exists', () => {
    const files = ['README.md', 'stories/README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true }).map(String).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = target!.split('#')[0]!;
        if (!existsSync(join(ROOT, dirname(file), path))) broken.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
